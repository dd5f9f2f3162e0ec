using CustomerRegister.Catalog;
using CustomerRegister.Marketing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Erasure;

/// <summary>
/// A marketing prohibition that outlived the person's erasure: only a keyed hash of the address (email, phone number or
/// postal address) per channel, so a later import or a new customer record with the same address is put under the
/// same prohibition, while nobody can tell from the table who it was (GDPR Art 21(3); 917/2014 § 200).
/// </summary>
public sealed class MarketingBan
{
    public Guid Id { get; set; }

    public MarketingChannel Channel { get; set; }

    public byte[] AddressHash { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}

internal sealed class MarketingBanConfiguration : IEntityTypeConfiguration<MarketingBan>
{
    public void Configure(EntityTypeBuilder<MarketingBan> b)
    {
        b.ToTable("marketing_bans").IsOutsideRegister(
            "keyed hashes of addresses that refused marketing, kept after erasure; without the address and the key they name nobody");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10).IsNotPersonal("marketing channel");
        b.Property(x => x.AddressHash).HasMaxLength(32).IsNotPersonal("keyed hash (HMAC) of the address");
        b.Property(x => x.CreatedAt).IsNotPersonal("record time");
        b.HasIndex(x => new { x.Channel, x.AddressHash }).IsUnique();
    }
}

/// <summary>
/// An erasure's certificate (Art 17, Art 5(2)): what was erased and what is kept until when and why, in counts and
/// categories only — no personal value. Kept with the request as evidence.
/// </summary>
public sealed class ErasureCertificate
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public Guid SubjectId { get; set; }

    public DateTime CompletedAt { get; set; }

    /// <summary>The certificate as JSON (<see cref="ErasureReport"/>).</summary>
    public string Body { get; set; } = "";
}

internal sealed class ErasureCertificateConfiguration : IEntityTypeConfiguration<ErasureCertificate>
{
    public void Configure(EntityTypeBuilder<ErasureCertificate> b)
    {
        b.ToTable("erasure_certificates").RetainedFrom(nameof(ErasureCertificate.CompletedAt));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(x => x.RequestId).IsNotPersonal("the erasure request");
        b.HasIndex(x => x.RequestId).IsUnique();
        b.HasOne<Requests.DataSubjectRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.SubjectId).IsNotPersonal("the subject key");
        b.HasIndex(x => x.SubjectId);
        b.HasOne<Subjects.Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.CompletedAt).IsPersonal(Categories.RightsRequest);
        b.Property(x => x.Body).IsPersonal(Categories.RightsRequest);
    }
}
