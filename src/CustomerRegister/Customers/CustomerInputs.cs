using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Customers;

/// <summary>
/// The rules of the contact fields that consumers, contact persons and organisations share: each field is read, trimmed
/// and checked here only.
/// </summary>
internal static class ContactFields
{
    public static string FirstName(FieldErrors errors, string? value) => errors.Text("firstName", value, 100, required: true) ?? "";

    public static string LastName(FieldErrors errors, string? value) => errors.Text("lastName", value, 100, required: true) ?? "";

    public static string? Street(FieldErrors errors, string? value) => errors.Text("street", value, 200);

    public static string? PostalCode(FieldErrors errors, string? value) =>
        errors.Optional<PostalCode>("postalCode", value, Finnish.PostalCode.TryParse)?.Value;

    public static string? City(FieldErrors errors, string? value) => errors.Text("city", value, 100);

    public static string? Phone(FieldErrors errors, string? value) =>
        errors.Optional<PhoneNumber>("phone", value, PhoneNumber.TryParse)?.Value;

    public static string? Email(FieldErrors errors, string? value) =>
        errors.Optional<EmailAddress>("email", value, EmailAddress.TryParse)?.Value;
}

/// <summary>A consumer's validated, normalised contact details.</summary>
internal sealed record ConsumerInput(
    string FirstName, string LastName, string? Street, string? PostalCode, string? City, string? Phone, string? Email)
{
    public static ConsumerInput Read(ConsumerRequest r, FieldErrors errors) => new(
        ContactFields.FirstName(errors, r.FirstName),
        ContactFields.LastName(errors, r.LastName),
        ContactFields.Street(errors, r.Street),
        ContactFields.PostalCode(errors, r.PostalCode),
        ContactFields.City(errors, r.City),
        ContactFields.Phone(errors, r.Phone),
        ContactFields.Email(errors, r.Email));

    public void ApplyTo(Consumer c)
    {
        c.FirstName = FirstName;
        c.LastName = LastName;
        c.Street = Street;
        c.PostalCode = PostalCode;
        c.City = City;
        c.Phone = Phone;
        c.Email = Email;
    }
}

internal sealed record OrganisationInput(
    string Name, string? BusinessId, string? Street, string? PostalCode, string? City, bool IsSoleTrader)
{
    public static OrganisationInput Read(OrganisationRequest r, FieldErrors errors) => new(
        errors.Text("name", r.Name, 200, required: true) ?? "",
        errors.Optional<BusinessId>("businessId", r.BusinessId, Finnish.BusinessId.TryParse)?.Value,
        ContactFields.Street(errors, r.Street),
        ContactFields.PostalCode(errors, r.PostalCode),
        ContactFields.City(errors, r.City),
        r.IsSoleTrader ?? false);

    public void ApplyTo(Organisation o)
    {
        o.Name = Name;
        o.BusinessId = BusinessId;
        o.Street = Street;
        o.PostalCode = PostalCode;
        o.City = City;
        o.IsSoleTrader = IsSoleTrader;
    }
}

internal sealed record ContactInput(
    string FirstName, string LastName, string? Title, string? Position, string? Phone, string? Email, DateOnly? RoleEndedOn)
{
    public static ContactInput Read(ContactPersonRequest r, FieldErrors errors, DateOnly today)
    {
        if (r.RoleEndedOn > today)
        {
            errors.Add("roleEndedOn", new LocalText(
                "Roolin päättyminen ei voi olla tulevaisuudessa: kirjaa se, kun rooli on päättynyt.",
                "Rollens slut kan inte ligga i framtiden: registrera det när rollen har upphört.",
                "The role's end cannot be in the future: record it when it has ended."));
        }

        return new(
            ContactFields.FirstName(errors, r.FirstName),
            ContactFields.LastName(errors, r.LastName),
            errors.Text("title", r.Title, 100),
            errors.Text("position", r.Position, 100),
            ContactFields.Phone(errors, r.Phone),
            ContactFields.Email(errors, r.Email),
            r.RoleEndedOn);
    }

    public void ApplyTo(ContactPerson c)
    {
        c.FirstName = FirstName;
        c.LastName = LastName;
        c.Title = Title;
        c.Position = Position;
        c.Phone = Phone;
        c.Email = Email;
        c.RoleEndedOn = RoleEndedOn;
    }
}
