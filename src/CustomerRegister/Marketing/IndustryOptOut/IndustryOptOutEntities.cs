using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Marketing.IndustryOptOut;

/// <summary>Which of the marketing industry's opt-out lists a file is: telephone numbers or postal addresses.</summary>
public enum IndustryOptOutKind
{
    /// <summary>Numbers that refuse telemarketing (phone campaigns to consumers).</summary>
    Phone = 1,

    /// <summary>Addresses that refuse addressed direct mail (post campaigns to consumers).</summary>
    Address = 2,
}

/// <summary>Where a load of a list stands. Only one list of each kind is <see cref="Current"/>.</summary>
public enum IndustryOptOutListState
{
    /// <summary>Being read; its entries are not used yet.</summary>
    Loading = 1,

    /// <summary>The list in force for its kind.</summary>
    Current = 2,

    /// <summary>Replaced by a later load; its entries are gone.</summary>
    Replaced = 3,

    /// <summary>The file was refused whole; nothing of it is used.</summary>
    Refused = 4,
}

/// <summary>
/// One load of an industry opt-out list: its provenance (who, when, file, supplier) and counts. No number or address
/// is stored here or anywhere: the entries are keyed hashes (<see cref="IndustryOptOutEntry"/>).
/// </summary>
public sealed class IndustryOptOutList
{
    public Guid Id { get; set; }

    public IndustryOptOutKind Kind { get; set; }

    public IndustryOptOutListState State { get; set; }

    public DateTime LoadedAt { get; set; }

    /// <summary>The staff user who loaded the file.</summary>
    public Guid? LoadedById { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>Who delivered the list, e.g. the direct-marketing association.</summary>
    public string Supplier { get; set; } = "";

    /// <summary>Data rows read from the file (the header not counted).</summary>
    public int Rows { get; set; }

    /// <summary>Distinct numbers or addresses kept (duplicates within the file counted once).</summary>
    public int Entries { get; set; }

    /// <summary>Rows refused one by one (the load went on without them).</summary>
    public int RefusedRows { get; set; }

    /// <summary>
    /// Why rows were refused, or why the file was refused whole: one line per row, <c>row;column;reason key</c>, at most
    /// a hundred lines. Row numbers and reasons only, never the value.
    /// </summary>
    public string Refusals { get; set; } = "";

    /// <summary>When a refused file was refused, the text key of the reason (<c>Marketing.IndustryOptOut.Refused.*</c>).</summary>
    public string? RefusedBecause { get; set; }

    /// <summary>The data row (1 = the first row after the header) a refused file was refused at.</summary>
    public int? RefusedAtRow { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>When a later load replaced this list.</summary>
    public DateTime? ReplacedAt { get; set; }
}

/// <summary>One listed number or address of a load: a keyed hash only (<see cref="IndustryOptOuts.Hash"/>).</summary>
public sealed class IndustryOptOutEntry
{
    public Guid ListId { get; set; }

    public byte[] Hash { get; set; } = [];
}

internal sealed class IndustryOptOutListConfiguration : IEntityTypeConfiguration<IndustryOptOutList>
{
    public void Configure(EntityTypeBuilder<IndustryOptOutList> b)
    {
        b.ToTable("industry_opt_out_lists").IsOutsideRegister(
            "provenance and counts of the marketing industry's opt-out lists; no number or address, no person");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10).IsNotPersonal("list kind");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10).IsNotPersonal("load state");
        b.Property(x => x.LoadedAt).IsNotPersonal("load time");
        b.Property(x => x.LoadedById).IsNotPersonal("the staff user who loaded the list");
        b.Property(x => x.FileName).HasMaxLength(260).IsNotPersonal("the file's name");
        b.Property(x => x.Supplier).HasMaxLength(200).IsNotPersonal("the list's supplier, a company");
        b.Property(x => x.Rows).IsNotPersonal("count");
        b.Property(x => x.Entries).IsNotPersonal("count");
        b.Property(x => x.RefusedRows).IsNotPersonal("count");
        b.Property(x => x.Refusals).HasMaxLength(8000).IsNotPersonal("row numbers and reason keys, never values");
        b.Property(x => x.RefusedBecause).HasMaxLength(100).IsNotPersonal("reason key");
        b.Property(x => x.RefusedAtRow).IsNotPersonal("row number");
        b.Property(x => x.FinishedAt).IsNotPersonal("load time");
        b.Property(x => x.ReplacedAt).IsNotPersonal("replacement time");
        b.HasIndex(x => new { x.Kind, x.State });
    }
}

internal sealed class IndustryOptOutEntryConfiguration : IEntityTypeConfiguration<IndustryOptOutEntry>
{
    public void Configure(EntityTypeBuilder<IndustryOptOutEntry> b)
    {
        b.ToTable("industry_opt_out_entries").IsOutsideRegister(
            "keyed hashes of listed numbers and addresses; without the address and the key they name nobody");
        b.HasKey(x => new { x.Hash, x.ListId });
        b.Property(x => x.ListId).IsNotPersonal("the load");
        b.Property(x => x.Hash).HasMaxLength(32).IsNotPersonal("keyed hash (HMAC) of the number or address");
        b.HasIndex(x => x.ListId);
        b.HasOne<IndustryOptOutList>().WithMany().HasForeignKey(x => x.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}
