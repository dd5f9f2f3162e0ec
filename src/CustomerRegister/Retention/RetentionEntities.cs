using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Retention;

/// <summary>
/// A legal hold (a dispute, a claim, an authority's request): the sweep leaves the person's items, or one item, in place
/// and reports them until the hold is released. Who set it, when and why are kept with it.
/// </summary>
public sealed class LegalHold
{
    public Guid Id { get; set; }

    /// <summary>The person held, or null when one item is held.</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>The table of a held item (e.g. <c>invoices</c>), or null for a person.</summary>
    public string? TableName { get; set; }

    public Guid? RowId { get; set; }

    public string Reason { get; set; } = "";

    public DateTime SetAt { get; set; }

    public Guid? SetBy { get; set; }

    public DateTime? ReleasedAt { get; set; }

    public Guid? ReleasedBy { get; set; }

    public string? ReleaseReason { get; set; }
}

/// <summary>One run of the retention sweep: the deletion log's header. Counts only, never values.</summary>
public sealed class RetentionRun
{
    public Guid Id { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime AsOf { get; set; }

    public string Instance { get; set; } = "";

    /// <summary>schedule, command line or API user.</summary>
    public string Trigger { get; set; } = "";

    public DateTime? CompletedAt { get; set; }

    public long Deleted { get; set; }

    public long Held { get; set; }

    public string? Error { get; set; }
}

/// <summary>The deletion log's lines: how many items of a table and category went by which rule in a run.</summary>
public sealed class RetentionRunCount
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public string TableName { get; set; } = "";

    public string Categories { get; set; } = "";

    public string Rule { get; set; } = "";

    /// <summary>deleted, anonymised, emptied — or held (skipped because of a legal hold or an open collection case).</summary>
    public string Action { get; set; } = "";

    public long Count { get; set; }
}

/// <summary>The sweep's lease: one row per job, so that only one app instance sweeps at a time.</summary>
public sealed class RetentionLease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTime ExpiresAt { get; set; }
}

/// <summary>The people the current batch of a profile sweep works on; filled and emptied inside one transaction.</summary>
public sealed class RetentionBatchSubject
{
    public Guid BatchId { get; set; }

    public Guid SubjectId { get; set; }
}

/// <summary>People whose profile the sweep removed, so that later runs do not select them again.</summary>
public sealed class RetentionPurgedSubject
{
    public Guid SubjectId { get; set; }

    public DateTime PurgedAt { get; set; }

    public string Rule { get; set; } = "";
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> b)
    {
        var c = Categories.RightsRequest;
        b.ToTable("legal_holds").RetainedFrom(nameof(LegalHold.ReleasedAt));
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(h => h.SubjectId).IsNotPersonal("the subject key of a held person");
        b.HasIndex(h => h.SubjectId);
        b.HasOne<Subjects.Subject>().WithMany().HasForeignKey(h => h.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(h => h.TableName).HasMaxLength(64).IsNotPersonal("table of a held item");
        b.Property(h => h.RowId).IsNotPersonal("id of a held item");
        b.HasIndex(h => h.RowId);
        b.Property(h => h.Reason).HasMaxLength(1000).IsPersonal(c);
        b.Property(h => h.SetAt).IsNotPersonal("record time");
        b.Property(h => h.SetBy).IsNotPersonal("staff user");
        b.Property(h => h.ReleasedAt).IsNotPersonal("record time");
        b.Property(h => h.ReleasedBy).IsNotPersonal("staff user");
        b.Property(h => h.ReleaseReason).HasMaxLength(1000).IsPersonal(c);
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        const string why = "the deletion log: counts per category and rule, no personal values";
        b.ToTable("retention_runs").IsOutsideRegister(why);
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Instance).HasMaxLength(200);
        b.Property(r => r.Trigger).HasMaxLength(200);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.HasIndex(r => r.StartedAt);
    }
}

internal sealed class RetentionRunCountConfiguration : IEntityTypeConfiguration<RetentionRunCount>
{
    public void Configure(EntityTypeBuilder<RetentionRunCount> b)
    {
        b.ToTable("retention_run_counts").IsOutsideRegister("the deletion log's lines: counts only");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.HasIndex(r => r.RunId);
        b.HasOne<RetentionRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.TableName).HasMaxLength(64);
        b.Property(r => r.Categories).HasMaxLength(500);
        b.Property(r => r.Rule).HasMaxLength(64);
        b.Property(r => r.Action).HasMaxLength(20);
    }
}

internal sealed class RetentionLeaseConfiguration : IEntityTypeConfiguration<RetentionLease>
{
    public void Configure(EntityTypeBuilder<RetentionLease> b)
    {
        b.ToTable("retention_leases").IsOutsideRegister("which app instance sweeps");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(64);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}

internal sealed class RetentionBatchSubjectConfiguration : IEntityTypeConfiguration<RetentionBatchSubject>
{
    public void Configure(EntityTypeBuilder<RetentionBatchSubject> b)
    {
        b.ToTable("retention_batch_subjects").IsOutsideRegister("subject keys of the batch being swept, emptied in the same transaction");
        b.HasKey(x => new { x.BatchId, x.SubjectId });
    }
}

internal sealed class RetentionPurgedSubjectConfiguration : IEntityTypeConfiguration<RetentionPurgedSubject>
{
    public void Configure(EntityTypeBuilder<RetentionPurgedSubject> b)
    {
        b.ToTable("retention_purged_subjects").IsOutsideRegister("subject keys whose profile the sweep removed, and when");
        b.HasKey(x => x.SubjectId);
        b.Property(x => x.Rule).HasMaxLength(64);
    }
}
