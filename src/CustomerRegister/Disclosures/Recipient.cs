using CustomerRegister.Catalog;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Disclosures;

/// <summary>What a recipient is to the controller (notice § 8).</summary>
public enum RecipientKind
{
    /// <summary>A subsidiary or associated company of the controller; receives exactly <see cref="Catalog.Recipients.GroupCompanies"/>.</summary>
    GroupCompany = 1,

    /// <summary>A debt-collection agency that receives what the collection of an unpaid invoice needs.</summary>
    CollectionAgency = 2,

    /// <summary>Any other recipient the controller adds.</summary>
    Other = 3,
}

/// <summary>The recipient's role under GDPR Art 4(7)–(8).</summary>
public enum RecipientRole
{
    Controller = 1,
    Processor = 2,
}

/// <summary>What makes a transfer outside the EU/EEA lawful (GDPR Chapter V); <see cref="None"/> inside the EEA.</summary>
public enum TransferSafeguard
{
    None = 0,

    /// <summary>Art 45: the Commission's adequacy decision for the country.</summary>
    AdequacyDecision = 1,

    /// <summary>Art 46(2)(c): the Commission's standard contractual clauses.</summary>
    StandardContractualClauses = 2,

    /// <summary>Art 47: binding corporate rules.</summary>
    BindingCorporateRules = 3,
}

/// <summary>
/// A registered recipient of personal data: a company, not a person. Every disclosure names one
/// (<see cref="DiscloseData"/>), and only an active recipient, with the categories it may receive and — outside the EU/EEA —
/// a recorded adequacy decision or safeguard, receives anything.
/// </summary>
public sealed class Recipient : IVersioned, IKeyedRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Finnish business ID (Y-tunnus) or the foreign equivalent.</summary>
    public string? BusinessId { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; set; } = "FI";

    public RecipientKind Kind { get; set; }

    public RecipientRole Role { get; set; }

    public LegalBasis LegalBasis { get; set; }

    /// <summary>The catalogue categories (<see cref="DataCategory.Id"/>) it may receive, space-separated.</summary>
    public string CategoryKeys { get; set; } = "";

    public TransferSafeguard Safeguard { get; set; }

    /// <summary>The decision or the contract recorded for the safeguard (e.g. "SCC 2021/914, signed 1.3.2025").</summary>
    public string? SafeguardDetails { get; set; }

    /// <summary>
    /// Where the recipient's data-protection contact takes notices (Art 19: rectification, erasure, restriction); without
    /// it those are told some other way and marked told by hand.
    /// </summary>
    public string? NotificationEmail { get; set; }

    public DateTime? EndedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public bool IsActive => EndedAt is null;

    public IReadOnlyList<string> Categories => CategoryKeys.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinKeys(IEnumerable<string> keys) => string.Join(' ', keys.Distinct(StringComparer.Ordinal));
}

/// <summary>
/// One disclosure of one person's data to one recipient: which categories, for what, when and by whom. Ids and
/// category keys only, never values; kept so that the access report lists it and Art 19 reaches the recipient even
/// after the person's data is erased.
/// </summary>
public sealed class Disclosure : IKeyedRow
{
    public Guid Id { get; set; }

    public Guid RecipientId { get; set; }

    public Guid SubjectId { get; set; }

    /// <summary>The categories disclosed, space-separated <see cref="DataCategory.Id"/>s.</summary>
    public string CategoryKeys { get; set; } = "";

    public string Purpose { get; set; } = "";

    public DateTime DisclosedAt { get; set; }

    /// <summary><c>user</c>, <c>client</c> or <c>system</c>, as in the audit trail.</summary>
    public string ActorKind { get; set; } = "";

    public Guid? ActorId { get; set; }

    public IReadOnlyList<string> Categories => CategoryKeys.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> b)
    {
        b.ToTable("recipients").IsOutsideRegister("the controller's recipients: companies, not people");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.BusinessId).HasMaxLength(40);
        b.Property(r => r.CountryCode).HasMaxLength(2);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.LegalBasis).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.CategoryKeys).HasMaxLength(2000);
        b.Property(r => r.Safeguard).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.SafeguardDetails).HasMaxLength(1000);
        b.Property(r => r.NotificationEmail).HasMaxLength(254);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Categories);
        b.Ignore(r => r.IsActive);
        b.HasIndex(r => r.Name);
    }
}

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        // Like the audit trail: ids, category keys and a purpose, never values. No key to the subject, so an erasure
        // leaves the log for Art 19 and accountability.
        b.ToTable("disclosures").IsOutsideRegister("the disclosure log: ids and category keys only, never values");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.CategoryKeys).HasMaxLength(2000);
        b.Property(d => d.Purpose).HasMaxLength(64);
        b.Property(d => d.ActorKind).HasMaxLength(16);
        b.HasOne<Recipient>().WithMany().HasForeignKey(d => d.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(d => d.Categories);
        b.HasIndex(d => new { d.SubjectId, d.DisclosedAt });
        b.HasIndex(d => new { d.RecipientId, d.DisclosedAt, d.Id });
    }
}
