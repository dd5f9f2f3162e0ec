using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Restrictions;

public enum LimitKind
{
    /// <summary>Art 18: stored only; out of marketing, profiling, exports and search for everyone but the DPO.</summary>
    Restriction = 1,

    /// <summary>Art 21(1)–(2): the person objected to profiling; no profiling of them from then on.</summary>
    ProfilingObjection = 2,
}

public enum RestrictionGround
{
    /// <summary>Art 18(1)(a): the person contests the accuracy, for the time it takes to check.</summary>
    AccuracyContested = 1,

    /// <summary>Art 18(1)(b): processing was unlawful and the person asked for restriction instead of erasure.</summary>
    UnlawfulProcessing = 2,

    /// <summary>Art 18(1)(c): the controller no longer needs the data, the person needs it for legal claims.</summary>
    NeededForLegalClaims = 3,

    /// <summary>Art 18(1)(d): an objection is being weighed.</summary>
    ObjectionPending = 4,

    /// <summary>Art 17(3)(b): what remains after an erasure because law requires keeping it until its due date.</summary>
    KeptByLawAfterErasure = 5,
}

/// <summary>
/// A limit on how a person's data may be processed: a restriction or an objection to profiling, from when and why,
/// and its lifting. Rows are never deleted while the request evidence is kept, so the history stays visible.
/// </summary>
public sealed class ProcessingLimit : SubjectRecord, IVersioned
{
    public LimitKind Kind { get; set; }

    public RestrictionGround? Ground { get; set; }

    public Guid? RequestId { get; set; }

    public DateTime SetAt { get; set; }

    public Guid? SetBy { get; set; }

    public DateTime? LiftedAt { get; set; }

    public Guid? LiftedBy { get; set; }

    public string? LiftReason { get; set; }
}

internal sealed class ProcessingLimitConfiguration : IEntityTypeConfiguration<ProcessingLimit>
{
    public void Configure(EntityTypeBuilder<ProcessingLimit> b)
    {
        var c = Categories.RightsRequest;
        b.ConfigureSubjectRecord("processing_limits").RetainedFrom(nameof(ProcessingLimit.LiftedAt));
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(24).IsPersonal(c);
        b.Property(l => l.Ground).HasConversion<string>().HasMaxLength(32).IsPersonal(c);
        b.Property(l => l.RequestId).IsNotPersonal("the request that set the limit");
        b.Property(l => l.SetAt).IsPersonal(c);
        b.Property(l => l.SetBy).IsNotPersonal("staff user");
        b.Property(l => l.LiftedAt).IsPersonal(c);
        b.Property(l => l.LiftedBy).IsNotPersonal("staff user");
        b.Property(l => l.LiftReason).HasMaxLength(1000).IsPersonal(c);
        b.HasIndex(l => new { l.SubjectId, l.Kind, l.LiftedAt });
    }
}
