using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Protection;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Vehicles;

/// <summary>
/// A vehicle scrapping certificate (romutustodistus, VNa 123/2015; content per Commission Decision 2002/151/EC). The
/// owner's personal identity code is the one place the register accepts that code: it identifies the owner to
/// Traficom for deregistration. It is stored encrypted, with a keyed hash for exact look-up and a masked copy, and all
/// three are emptied once the deregistration is recorded, at the latest <see cref="VehiclesOptions.IdentityCodeDays"/>
/// after issue (<see cref="IdentityCodeExpiry"/>); the certificate itself stays for the waste-record period. The
/// owner's name, address and nationality are copied at issue time, as printed on the certificate.
/// </summary>
public sealed class ScrappingCertificate : SubjectRecord, IVersioned
{
    public Guid ConsumerId { get; set; }

    public string CertificateNumber { get; set; } = "";

    public DateOnly IssueDate { get; set; }

    public string RegistrationNumber { get; set; } = "";

    public string Vin { get; set; } = "";

    public string Make { get; set; } = "";

    public string Model { get; set; } = "";

    public string VehicleClass { get; set; } = "";

    public string OwnerName { get; set; } = "";

    public string? OwnerStreet { get; set; }

    public string? OwnerPostalCode { get; set; }

    public string? OwnerCity { get; set; }

    /// <summary>The owner's nationality, ISO 3166-1 alpha-2 (Commission Decision 2002/151/EC); null on older certificates.</summary>
    public string? OwnerNationality { get; set; }

    /// <summary>The date the vehicle's deregistration was recorded; the identity code is emptied then.</summary>
    public DateOnly? DeregisteredOn { get; set; }

    /// <summary>Null once the code is emptied (deregistration recorded, or the period after issue passed).</summary>
    public byte[]? IdentityCodeCipher { get; set; }

    public byte[]? IdentityCodeLookup { get; set; }

    /// <summary>Birth date and century sign only, e.g. <c>131052-****</c>.</summary>
    public string? IdentityCodeMasked { get; set; }

    /// <summary>The kind of the keyed look-up hash of an owner's identity code (<see cref="ProtectedCodes.Lookup"/>).</summary>
    public const string IdentityCodeLookupKind = "hetu";

    /// <summary>The value of <see cref="IdentityCodeLookup"/> for a code: what the exact look-up matches.</summary>
    public static byte[] LookupOf(ProtectedCodes codes, PersonalIdentityCode code) => codes.Lookup(IdentityCodeLookupKind, code.Value);

    /// <summary>Keeps the owner's identity code the three ways: encrypted, hashed for look-up, masked.</summary>
    public void KeepIdentityCode(ProtectedCodes codes, PersonalIdentityCode code)
    {
        IdentityCodeCipher = codes.Encrypt(code.Value);
        IdentityCodeLookup = LookupOf(codes, code);
        IdentityCodeMasked = code.Masked();
    }

    /// <summary>Empties the identity code, all three forms (the deregistration is recorded).</summary>
    public void EmptyIdentityCode()
    {
        IdentityCodeCipher = null;
        IdentityCodeLookup = null;
        IdentityCodeMasked = null;
    }
}

internal sealed class ScrappingCertificateConfiguration : IEntityTypeConfiguration<ScrappingCertificate>
{
    public void Configure(EntityTypeBuilder<ScrappingCertificate> b)
    {
        b.ConfigureSubjectRecord("scrapping_certificates").RetainedFrom(nameof(ScrappingCertificate.IssueDate));
        b.Property(c => c.ConsumerId).IsNotPersonal("link to the owner's consumer record");
        b.HasIndex(c => c.ConsumerId);

        // The reception desk: the day's certificates, newest first.
        b.HasIndex(c => new { c.IssueDate, c.CreatedAt, c.Id });
        b.HasOne<Consumer>().WithMany().HasForeignKey(c => c.ConsumerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.CertificateNumber).HasMaxLength(30).IsPersonal(Categories.VehicleScrapping);
        b.HasIndex(c => c.CertificateNumber).IsUnique();
        b.Property(c => c.IssueDate).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.RegistrationNumber).HasMaxLength(12).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.Vin).HasMaxLength(17).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.Make).HasMaxLength(60).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.Model).HasMaxLength(60).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.VehicleClass).HasMaxLength(4).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.OwnerName).HasMaxLength(200).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.OwnerStreet).HasMaxLength(200).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.OwnerPostalCode).HasMaxLength(5).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.OwnerCity).HasMaxLength(100).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.OwnerNationality).HasMaxLength(2).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.DeregisteredOn).IsPersonal(Categories.VehicleScrapping);
        b.Property(c => c.IdentityCodeCipher).HasMaxLength(512).IsPersonal(Categories.IdentityCode);
        b.Property(c => c.IdentityCodeLookup).HasMaxLength(32).IsPersonal(Categories.IdentityCode);
        b.HasIndex(c => c.IdentityCodeLookup);
        b.Property(c => c.IdentityCodeMasked).HasMaxLength(11).IsPersonal(Categories.IdentityCode);
    }
}
