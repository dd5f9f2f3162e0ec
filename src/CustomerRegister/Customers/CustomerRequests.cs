using CustomerRegister.Catalog;

namespace CustomerRegister.Customers;

public sealed record ConsumerRequest(
    string? FirstName, string? LastName, string? Street, string? PostalCode, string? City, string? Phone, string? Email,
    string? BankAccount, DataSource? Source, long? Version);

public sealed record BankAccountRequest(string? BankAccount, long? Version);

public sealed record ConsumerResponse(
    Guid Id, Guid SubjectId, string FirstName, string LastName, string? Street, string? PostalCode, string? City,
    string? Phone, string? Email, string? BankAccount, bool BankAccountRevealed, DataSource Source,
    DateTime CreatedAt, DateTime UpdatedAt, long Version);

public sealed record OrganisationRequest(
    string? Name, string? BusinessId, string? Street, string? PostalCode, string? City, bool? IsSoleTrader,
    DataSource? Source, long? Version);

public sealed record OrganisationResponse(
    Guid Id, Guid? SubjectId, string Name, string? BusinessId, string? Street, string? PostalCode, string? City,
    bool IsSoleTrader, DataSource Source, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public sealed record ContactPersonRequest(
    string? FirstName, string? LastName, string? Title, string? Position, string? Phone, string? Email,
    DataSource? Source, long? Version, DateOnly? RoleEndedOn = null);

public sealed record ContactPersonResponse(
    Guid Id, Guid SubjectId, Guid OrganisationId, string FirstName, string LastName, string? Title, string? Position,
    string? Phone, string? Email, DataSource Source, DateTime CreatedAt, DateTime UpdatedAt, long Version, DateOnly? RoleEndedOn);

public static class CustomerMapping
{
    public static ConsumerResponse ToResponse(this Consumer c, string? revealedBankAccount = null) => new(
        c.Id, c.SubjectId, c.FirstName, c.LastName, c.Street, c.PostalCode, c.City, c.Phone, c.Email,
        revealedBankAccount ?? c.BankAccountMasked, revealedBankAccount is not null, c.Source, c.CreatedAt, c.UpdatedAt, c.Version);

    public static OrganisationResponse ToResponse(this Organisation o) => new(
        o.Id, o.SubjectId, o.Name, o.BusinessId, o.Street, o.PostalCode, o.City, o.IsSoleTrader, o.Source,
        o.CreatedAt, o.UpdatedAt, o.Version);

    public static ContactPersonResponse ToResponse(this ContactPerson c) => new(
        c.Id, c.SubjectId, c.OrganisationId, c.FirstName, c.LastName, c.Title, c.Position, c.Phone, c.Email, c.Source,
        c.CreatedAt, c.UpdatedAt, c.Version, c.RoleEndedOn);
}
