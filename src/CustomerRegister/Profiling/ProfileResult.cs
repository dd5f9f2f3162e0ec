using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Profiling;

/// <summary>A customer segment by recency, frequency and value of business (<see cref="SegmentRule"/>).</summary>
public enum Segment
{
    ActiveScrapSeller = 1,
    OccasionalScrapSeller = 2,
    MajorServiceCustomer = 3,
    ServiceCustomer = 4,
    Lapsing = 5,
    Dormant = 6,
}

/// <summary>A service the person seems interested in (<see cref="InterestRule"/>).</summary>
public enum ServiceInterest
{
    ScrapMetal = 1,
    VehicleScrapping = 2,
    WasteManagement = 3,
    ContainerRental = 4,
}

/// <summary>What an interest was read from.</summary>
public enum InterestEvidence
{
    ScrapDeliveries = 1,
    ScrappingCertificates = 2,
    OrderedServices = 3,
    Contacts = 4,
}

/// <summary>
/// One result of profiling one person (notice § 13): a segment or a service interest, the rule that produced it and
/// the inputs it read, so that it can be explained in words (person page, access report) and checked. Results are
/// replaced by each run, removed at once by an objection to profiling or a restriction, and used for marketing
/// selection only — no decision with legal or similarly significant effect is made from them (GDPR Art 22).
/// </summary>
public sealed class ProfileResult : SubjectRecord, IVersioned
{
    /// <summary>Set for a segment result.</summary>
    public Segment? Segment { get; set; }

    /// <summary>Set for an interest result.</summary>
    public ServiceInterest? Interest { get; set; }

    /// <summary>The rule and its version, e.g. <c>segment-rfm/1</c>.</summary>
    public string Rule { get; set; } = "";

    public DateTime ComputedAt { get; set; }

    /// <summary>Input: the day of the last scrap delivery or invoice.</summary>
    public DateOnly? LastBusinessOn { get; set; }

    /// <summary>Input: scrap deliveries (metal-credit payouts) in the window.</summary>
    public int Deliveries { get; set; }

    /// <summary>Input: invoices in the window.</summary>
    public int Invoices { get; set; }

    /// <summary>Input: euros paid out and invoiced in the window.</summary>
    public decimal Amount { get; set; }

    /// <summary>Input of an interest: what it was read from, and how many such items.</summary>
    public InterestEvidence? Evidence { get; set; }

    public int EvidenceCount { get; set; }

    /// <summary>The run that produced it.</summary>
    public Guid RunId { get; set; }
}

/// <summary>One profiling run: when, why, and how many people it profiled, left out and cleared. Counts only.</summary>
public sealed class ProfilingRun
{
    public Guid Id { get; set; }

    /// <summary>The Helsinki night of a scheduled run (one per night, whatever the number of instances); null when run by hand.</summary>
    public DateOnly? Night { get; set; }

    /// <summary><c>schedule</c>, <c>user</c> or <c>client</c>.</summary>
    public string Trigger { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int Profiled { get; set; }

    public int Results { get; set; }

    /// <summary>People left out because they objected to profiling or their processing is restricted.</summary>
    public int Excluded { get; set; }

    /// <summary>Older results removed (people no longer profiled).</summary>
    public int Cleared { get; set; }
}

internal sealed class ProfileResultConfiguration : IEntityTypeConfiguration<ProfileResult>
{
    public void Configure(EntityTypeBuilder<ProfileResult> b)
    {
        var c = Categories.Profiling;
        b.ConfigureSubjectRecord("profile_results");
        b.Property(r => r.Segment).HasConversion<string>().HasMaxLength(32).IsPersonal(c);
        b.Property(r => r.Interest).HasConversion<string>().HasMaxLength(32).IsPersonal(c);
        b.Property(r => r.Rule).HasMaxLength(64).IsNotPersonal("the rule that produced the result");
        b.Property(r => r.ComputedAt).IsPersonal(c);
        b.Property(r => r.LastBusinessOn).IsPersonal(c);
        b.Property(r => r.Deliveries).IsPersonal(c);
        b.Property(r => r.Invoices).IsPersonal(c);
        b.Property(r => r.Amount).HasPrecision(14, 2).IsPersonal(c);
        b.Property(r => r.Evidence).HasConversion<string>().HasMaxLength(32).IsPersonal(c);
        b.Property(r => r.EvidenceCount).IsPersonal(c);
        b.Property(r => r.RunId).IsNotPersonal("the run that produced the result");
        b.HasIndex(r => r.Segment);
        b.HasIndex(r => r.RunId);
    }
}

internal sealed class ProfilingRunConfiguration : IEntityTypeConfiguration<ProfilingRun>
{
    public void Configure(EntityTypeBuilder<ProfilingRun> b)
    {
        b.ToTable("profiling_runs").IsOutsideRegister("counts of a profiling run; no personal data");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Trigger).HasMaxLength(16);
        b.HasIndex(r => r.Night).IsUnique();
        b.HasIndex(r => r.StartedAt);
    }
}
