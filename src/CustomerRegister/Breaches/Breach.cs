using CustomerRegister.Catalog;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Breaches;

/// <summary>Whether the supervisory authority was notified of a breach (Art 33(1)).</summary>
public enum AuthorityDecision
{
    Pending,
    Notified,

    /// <summary>The breach is unlikely to result in a risk to people: not notified, the reason documented (Art 33(1), 33(5)).</summary>
    NotRequired,
}

/// <summary>Whether the people affected are told (Art 34).</summary>
public enum PeopleDecision
{
    Pending,
    Notify,
    DoNotNotify,
}

/// <summary>
/// One personal-data breach (GDPR Art 33–34): when it was discovered and happened, what happened, the catalogue
/// categories and approximate numbers of people and records, the likely consequences and the measures; the notification to
/// the authority and the decision whether to tell the people. Every breach is documented (Art 33(5)) and kept
/// <see cref="RetentionRule.BreachRecord"/> from its recording.
/// </summary>
public sealed class Breach : IVersioned, IKeyedRow
{
    public Guid Id { get; set; }

    /// <summary>When the controller became aware of it: the 72-hour clock runs from here (<see cref="BreachClock"/>).</summary>
    public DateTime DiscoveredAt { get; set; }

    /// <summary>When it happened, if known (or began).</summary>
    public DateTime? OccurredAt { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The catalogue categories concerned (<see cref="Categories"/> ids), comma-separated.</summary>
    public string CategoryIds { get; set; } = "";

    public int ApproxPeople { get; set; }

    public int ApproxRecords { get; set; }

    public string Consequences { get; set; } = "";

    public string Measures { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public Guid? RecordedBy { get; set; }

    public AuthorityDecision Authority { get; set; }

    public DateTime? AuthorityNotifiedAt { get; set; }

    public string? AuthorityReference { get; set; }

    /// <summary>Why it was not notified, or why it was notified later than 72 hours (Art 33(1)).</summary>
    public string? AuthorityReason { get; set; }

    public DateTime? AuthorityRecordedAt { get; set; }

    public PeopleDecision People { get; set; }

    public string? PeopleReason { get; set; }

    public DateTime? PeopleDecidedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> Categories =>
        CategoryIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A person affected by a breach, found from the audit trail or named by the DPO.</summary>
public sealed class BreachSubject
{
    public Guid Id { get; set; }

    public Guid BreachId { get; set; }

    public Guid SubjectId { get; set; }

    /// <summary>"audit" (found from the audit trail) or "manual".</summary>
    public string Source { get; set; } = "";

    public DateTime AddedAt { get; set; }

    /// <summary>How the letter (Art 34) goes to the person; null until it is sent (<see cref="BreachNotices"/>).</summary>
    public LetterChannel? LetterChannel { get; set; }

    public DateTime? LetterQueuedAt { get; set; }

    /// <summary>The emailed letter's outbox row while it waits.</summary>
    public Guid? LetterMailId { get; set; }

    /// <summary>When the email was delivered or the letter marked posted.</summary>
    public DateTime? LetterSentAt { get; set; }
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> b)
    {
        b.ToTable("breaches").IsOutsideRegister(
            "the breach register (GDPR Art 33(5)): the controller's own record of incidents, read by the DPO only and kept "
            + "by its own rule (Catalog.RetentionRule.BreachRecord, Breaches/BreachRetention)");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.RecordedAt);
        b.HasIndex(x => x.Authority);
        b.Property(x => x.Description).HasMaxLength(BreachRules.MaxText);
        b.Property(x => x.CategoryIds).HasMaxLength(1000);
        b.Property(x => x.Consequences).HasMaxLength(BreachRules.MaxText);
        b.Property(x => x.Measures).HasMaxLength(BreachRules.MaxText);
        b.Property(x => x.Authority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AuthorityReference).HasMaxLength(200);
        b.Property(x => x.AuthorityReason).HasMaxLength(BreachRules.MaxText);
        b.Property(x => x.People).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PeopleReason).HasMaxLength(BreachRules.MaxText);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class BreachSubjectConfiguration : IEntityTypeConfiguration<BreachSubject>
{
    public void Configure(EntityTypeBuilder<BreachSubject> b)
    {
        // Subject ids only, as in the audit trail: no foreign key to subjects, so erasing a person is never blocked here.
        b.ToTable("breach_subjects").IsOutsideRegister("the people a breach concerned: subject ids only, part of the breach record (Art 33(5))");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.BreachId, x.SubjectId }).IsUnique();
        b.HasOne<Breach>().WithMany().HasForeignKey(x => x.BreachId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Source).HasMaxLength(10);
        b.Property(x => x.LetterChannel).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => x.LetterMailId);
    }
}
