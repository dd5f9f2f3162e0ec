using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Imports;

/// <summary>What a file holds: one kind of record per file, each with its documented columns (<see cref="ImportFile"/>).</summary>
public enum ImportKind
{
    Consumers = 1,
    Organisations = 2,
    ContactPersons = 3,
}

/// <summary>What happens to a row that matches someone already in the register.</summary>
public enum DuplicatePolicy
{
    /// <summary>The existing record is left as it is; the row is reported as a duplicate.</summary>
    Skip = 1,

    /// <summary>Only the existing record's empty fields are filled from the row.</summary>
    FillEmpty = 2,

    /// <summary>Every field the row gives replaces the existing value; an empty cell leaves the value as it is.</summary>
    Update = 3,
}

/// <summary>Where a file is: checked (the dry run's report is ready), imported, failed, or discarded.</summary>
public enum ImportState
{
    Checking = 1,
    Checked = 2,
    Importing = 3,
    Imported = 4,
    Failed = 5,
    Discarded = 6,
}

/// <summary>What the import does (or, in a dry run, would do) with one row.</summary>
public enum RowAction
{
    New = 1,
    Updated = 2,
    Unchanged = 3,
    DuplicateSkipped = 4,
    Refused = 5,
}

/// <summary>How a row was matched to someone already in the register, in the order the matches are tried.</summary>
public enum MatchKind
{
    BusinessId = 1,
    Email = 2,
    Phone = 3,
    NameAndAddress = 4,
    NameAndOrganisation = 5,
}

/// <summary>
/// One uploaded file and its provenance (notice § 7): what kind of records, from which source and supplier, the file's
/// name and SHA-256, who brought it in and when, the duplicate policy chosen, and the counts of its dry run and import.
/// Every record the import created or updated links back here through <see cref="ImportRow"/>.
/// </summary>
public sealed class ImportBatch
{
    public Guid Id { get; set; }

    public ImportKind Kind { get; set; }

    public DataSource Source { get; set; }

    public string Supplier { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>SHA-256 of the file as uploaded, hex: the confirm step imports exactly the file that was checked.</summary>
    public string FileHash { get; set; } = "";

    public long FileBytes { get; set; }

    public DuplicatePolicy Policy { get; set; }

    public ImportState State { get; set; }

    public Guid? UploadedBy { get; set; }

    public DateTime UploadedAt { get; set; }

    public DateTime? CheckedAt { get; set; }

    public Guid? ImportedBy { get; set; }

    public DateTime? ImportedAt { get; set; }

    public int Rows { get; set; }

    public int New { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Skipped { get; set; }

    public int Refused { get; set; }

    /// <summary>Rows whose person came (or would come) in under a kept marketing ban.</summary>
    public int Banned { get; set; }

    /// <summary>Why the file as a whole was refused or the import failed (a text key of <see cref="ImportTexts"/>), or null.</summary>
    public string? Problem { get; set; }

    public string? ProblemDetail { get; set; }
}

/// <summary>
/// One row's outcome: its line in the file, what was (or would be) done, how it matched an existing record, the record
/// and person it created or updated, whether a kept ban applied, and why it was refused (column and reason, never the
/// value). After the import these rows are the link from each record to its batch.
/// </summary>
public sealed class ImportRow
{
    public Guid Id { get; set; }

    public Guid BatchId { get; set; }

    public int Line { get; set; }

    public RowAction Action { get; set; }

    public MatchKind? MatchedBy { get; set; }

    public string? RecordType { get; set; }

    public Guid? RecordId { get; set; }

    public Guid? SubjectId { get; set; }

    public bool Banned { get; set; }

    /// <summary>The refusal reasons as <c>column|fi|sv|en</c> lines (no values of the row).</summary>
    public string? Reasons { get; set; }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("import_batches").IsOutsideRegister("an uploaded file's provenance and counts: no values of anyone's data");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20).IsNotPersonal("kind of records");
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(32).IsNotPersonal("where the file came from (notice § 7)");
        b.Property(x => x.Supplier).HasMaxLength(200).IsNotPersonal("the supplying company");
        b.Property(x => x.FileName).HasMaxLength(260).IsNotPersonal("the file's name");
        b.Property(x => x.FileHash).HasMaxLength(64).IsNotPersonal("SHA-256 of the file");
        b.Property(x => x.FileBytes).IsNotPersonal("file size");
        b.Property(x => x.Policy).HasConversion<string>().HasMaxLength(20).IsNotPersonal("duplicate policy");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20).IsNotPersonal("state");
        b.Property(x => x.UploadedBy).IsNotPersonal("staff user id");
        b.Property(x => x.UploadedAt).IsNotPersonal("record time");
        b.Property(x => x.CheckedAt).IsNotPersonal("record time");
        b.Property(x => x.ImportedBy).IsNotPersonal("staff user id");
        b.Property(x => x.ImportedAt).IsNotPersonal("record time");
        b.Property(x => x.Rows).IsNotPersonal("count");
        b.Property(x => x.New).IsNotPersonal("count");
        b.Property(x => x.Updated).IsNotPersonal("count");
        b.Property(x => x.Unchanged).IsNotPersonal("count");
        b.Property(x => x.Skipped).IsNotPersonal("count");
        b.Property(x => x.Refused).IsNotPersonal("count");
        b.Property(x => x.Banned).IsNotPersonal("count");
        b.Property(x => x.Problem).HasMaxLength(100).IsNotPersonal("text key of the reason");
        b.Property(x => x.ProblemDetail).HasMaxLength(1000).IsNotPersonal("column names or a count, never a value");
        b.HasIndex(x => x.UploadedAt);
    }
}

internal sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<ImportRow> b)
    {
        b.ToTable("import_rows").IsOutsideRegister(
            "which line of which file created or updated which record: provenance pointers (keys), no values");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(x => x.BatchId).IsNotPersonal("the batch");
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Line).IsNotPersonal("line number in the file");
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20).IsNotPersonal("what was done");
        b.Property(x => x.MatchedBy).HasConversion<string>().HasMaxLength(24).IsNotPersonal("how the row was matched");
        b.Property(x => x.RecordType).HasMaxLength(30).IsNotPersonal("record type");
        b.Property(x => x.RecordId).IsNotPersonal("record key");
        b.Property(x => x.SubjectId).IsNotPersonal("the subject key");
        b.Property(x => x.Banned).IsNotPersonal("whether a kept ban applied");
        b.Property(x => x.Reasons).HasMaxLength(4000).IsNotPersonal("refusal reasons without values");
        b.HasIndex(x => new { x.BatchId, x.Line });
        b.HasIndex(x => x.SubjectId);
    }
}
