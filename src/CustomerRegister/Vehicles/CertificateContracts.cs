using CustomerRegister.Catalog;

namespace CustomerRegister.Vehicles;

public sealed record CertificateRequest(
    string? CertificateNumber, DateOnly? IssueDate, string? RegistrationNumber, string? Vin, string? Make, string? Model,
    string? VehicleClass, Guid? ConsumerId, string? IdentityCode, string? Nationality, DataSource? Source);

public sealed record DeregistrationRequest(DateOnly? DeregisteredOn, long? Version);

public sealed record IdentityCodeQuery(string? IdentityCode);

public sealed record VehicleOwner(string Name, string? Street, string? PostalCode, string? City, string? Nationality);

/// <summary><paramref name="IdentityCode"/> is masked unless revealed, and null once emptied (see <see cref="IdentityCodeExpiry"/>).</summary>
public sealed record CertificateResponse(
    Guid Id, Guid SubjectId, Guid ConsumerId, string CertificateNumber, DateOnly IssueDate, string RegistrationNumber, string Vin,
    string Make, string Model, string VehicleClass, VehicleOwner Owner, string? IdentityCode, bool IdentityCodeRevealed,
    DateOnly? DeregisteredOn, DataSource Source, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public static class CertificateMapping
{
    public static CertificateResponse ToResponse(this ScrappingCertificate c, string? revealedIdentityCode = null) => new(
        c.Id, c.SubjectId, c.ConsumerId, c.CertificateNumber, c.IssueDate, c.RegistrationNumber, c.Vin, c.Make, c.Model, c.VehicleClass,
        new VehicleOwner(c.OwnerName, c.OwnerStreet, c.OwnerPostalCode, c.OwnerCity, c.OwnerNationality),
        revealedIdentityCode ?? c.IdentityCodeMasked, revealedIdentityCode is not null, c.DeregisteredOn, c.Source, c.CreatedAt, c.UpdatedAt,
        c.Version);
}
