using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Recordings;

/// <summary>
/// The common shape of a recording row, call or CCTV: its file in the store, described (never its content). What else
/// sets a kind apart is its <see cref="RecordingKind{T}"/>.
/// </summary>
public interface IRecording
{
    Guid Id { get; }

    string StorageKey { get; set; }

    long SizeBytes { get; set; }

    string ContentType { get; set; }

    string Sha256 { get; set; }

    DateTime UploadedAt { get; set; }
}

/// <summary>A site with CCTV cameras; its own period decides how long the footage is kept (notice § 6: at most 6 months).</summary>
public sealed class ProductionUnit : IVersioned
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Address { get; set; }

    public int CctvRetentionMonths { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// A customer-service call recorded by the telephony system. The person is found by the caller's number when exactly
/// one person has it; otherwise the recording stays unlinked (and is found by number and time).
/// </summary>
public sealed class CallRecording : IRecording
{
    public Guid Id { get; set; }

    public Guid? SubjectId { get; set; }

    /// <summary>E.164; null when the caller withheld the number.</summary>
    public string? CallerNumber { get; set; }

    /// <summary>The agent's name or extension as the telephony system sends it.</summary>
    public string Agent { get; set; } = "";

    /// <summary>Set when the agent field is the id of a staff account.</summary>
    public Guid? AgentUserId { get; set; }

    public DateTime StartedAt { get; set; }

    public int DurationSeconds { get; set; }

    public string StorageKey { get; set; } = "";

    public long SizeBytes { get; set; }

    public string ContentType { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public DateTime UploadedAt { get; set; }

    public DataSource Source { get; set; }
}

/// <summary>A period of footage from one camera of a production unit.</summary>
public sealed class CctvRecording : IRecording
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string Camera { get; set; } = "";

    public DateTime PeriodStart { get; set; }

    public DateTime PeriodEnd { get; set; }

    public string StorageKey { get; set; } = "";

    public long SizeBytes { get; set; }

    public string ContentType { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}

internal sealed class ProductionUnitConfiguration : IEntityTypeConfiguration<ProductionUnit>
{
    public void Configure(EntityTypeBuilder<ProductionUnit> b)
    {
        b.ToTable("production_units", t => t.HasCheckConstraint("ck_production_units_cctv_retention_months", RecordingRules.CctvMonthsCheckSql))
            .IsOutsideRegister("the controller's own sites and their CCTV settings, no person's data");
        b.Property(u => u.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(u => u.Name).HasMaxLength(200).IsNotPersonal("name of the site");
        b.Property(u => u.Address).HasMaxLength(300).IsNotPersonal("address of the site");
        b.Property(u => u.CctvRetentionMonths).IsNotPersonal("setting");
        b.Property(u => u.CreatedAt).IsNotPersonal("record time");
        b.Property(u => u.UpdatedAt).IsNotPersonal("record time");
        b.Property(u => u.Version).IsConcurrencyToken().IsNotPersonal("optimistic concurrency");
    }
}

internal sealed class CallRecordingConfiguration : IEntityTypeConfiguration<CallRecording>
{
    public void Configure(EntityTypeBuilder<CallRecording> b)
    {
        b.ToTable("call_recordings").RetainedFrom(nameof(CallRecording.StartedAt));
        b.Property(r => r.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(r => r.SubjectId).IsNotPersonal("the subject key, when the caller was recognised");
        b.HasIndex(r => r.SubjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.CallerNumber).HasMaxLength(20).IsPersonal(Categories.CallRecording);
        b.HasIndex(r => r.CallerNumber);
        b.Property(r => r.Agent).HasMaxLength(200).IsNotPersonal("the staff member or extension that answered: staff data");
        b.Property(r => r.AgentUserId).IsNotPersonal("the staff account that answered");
        b.Property(r => r.StartedAt).IsPersonal(Categories.CallRecording);
        b.HasIndex(r => r.StartedAt);
        b.Property(r => r.DurationSeconds).IsPersonal(Categories.CallRecording);
        b.Property(r => r.StorageKey).HasMaxLength(64).IsPersonal(Categories.CallRecording);
        b.HasIndex(r => r.StorageKey).IsUnique();
        b.Property(r => r.SizeBytes).IsNotPersonal("technical description of the file");
        b.Property(r => r.ContentType).HasMaxLength(100).IsNotPersonal("technical description of the file");
        b.Property(r => r.Sha256).HasMaxLength(64).IsNotPersonal("checksum of the file");
        b.Property(r => r.UploadedAt).IsNotPersonal("record time");
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(32).IsNotPersonal("where the item came from (notice § 7)");
    }
}

internal sealed class CctvRecordingConfiguration : IEntityTypeConfiguration<CctvRecording>
{
    public void Configure(EntityTypeBuilder<CctvRecording> b)
    {
        // Counted from the clip's start: footage never outlives its unit's period from when it was filmed (clips are at most a day).
        b.ToTable("cctv_recordings").RetainedFrom(nameof(CctvRecording.PeriodStart))
            .IsNotLinkableToSubject("CCTV footage shows whoever passed; it is found by unit, camera and time");
        b.Property(r => r.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(r => r.UnitId).IsNotPersonal("the production unit");
        b.HasOne<ProductionUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UnitId, r.PeriodStart });
        b.Property(r => r.Camera).HasMaxLength(100).IsNotPersonal("name of the camera");
        b.Property(r => r.PeriodStart).IsPersonal(Categories.CctvRecording);
        b.Property(r => r.PeriodEnd).IsPersonal(Categories.CctvRecording);
        b.HasIndex(r => r.PeriodEnd);
        b.Property(r => r.StorageKey).HasMaxLength(64).IsPersonal(Categories.CctvRecording);
        b.HasIndex(r => r.StorageKey).IsUnique();
        b.Property(r => r.SizeBytes).IsNotPersonal("technical description of the file");
        b.Property(r => r.ContentType).HasMaxLength(100).IsNotPersonal("technical description of the file");
        b.Property(r => r.Sha256).HasMaxLength(64).IsNotPersonal("checksum of the file");
        b.Property(r => r.UploadedAt).IsNotPersonal("record time");
    }
}
