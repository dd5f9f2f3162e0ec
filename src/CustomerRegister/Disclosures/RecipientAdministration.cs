using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Disclosures;

/// <summary>A recipient as entered on the registry's form or the API; <see cref="Version"/> for a change.</summary>
public sealed record RecipientInput(
    string? Name,
    string? BusinessId,
    string? CountryCode,
    RecipientKind? Kind,
    RecipientRole? Role,
    LegalBasis? LegalBasis,
    IReadOnlyList<string>? CategoryKeys,
    TransferSafeguard? Safeguard,
    string? SafeguardDetails,
    long? Version = null,
    string? NotificationEmail = null);

/// <summary>
/// Adds, changes and ends recipients. A recipient outside the EU/EEA is refused (beside <c>safeguard</c>) unless an
/// adequacy decision or safeguard is recorded; a group company always receives exactly the catalogue's
/// <see cref="Catalog.Recipients.GroupCompanies"/>. Ending keeps the row and its disclosures; nothing more goes to it.
/// </summary>
public sealed class RecipientAdministration(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly LocalText UnknownCountry = new(
        "Anna maan kaksikirjaiminen ISO-koodi, esim. FI.", "Ange landets ISO-kod med två bokstäver, t.ex. FI.",
        "Give the country's two-letter ISO code, e.g. FI.");

    private static readonly LocalText AtLeastOneCategory = new(
        "Valitse vähintään yksi tietoryhmä.", "Välj minst en uppgiftskategori.", "Choose at least one data category.");

    private static readonly LocalText UnknownCategory = new(
        "Tuntematon tietoryhmä: {0}.", "Okänd uppgiftskategori: {0}.", "Unknown data category: {0}.");

    private static readonly LocalText DetailsNeeded = new(
        "Kirjaa päätös tai sopimus, johon suojatoimi perustuu.", "Ange beslutet eller avtalet som skyddsåtgärden grundar sig på.",
        "Record the decision or contract the safeguard rests on.");

    private static readonly LocalText NameTaken = new(
        "Rekisterissä on jo tämänniminen vastaanottaja.", "Registret har redan en mottagare med detta namn.",
        "The registry already has a recipient of this name.");

    private static readonly LocalText AlreadyEnded = new(
        "Vastaanottajan suhde on jo päättynyt.", "Mottagarens relation har redan upphört.", "The recipient has already ended.");

    public async Task<Outcome<Recipient>> CreateAsync(RecipientInput input, CancellationToken ct)
    {
        var recipient = new Recipient { Id = Guid.CreateVersion7() };
        var errors = Apply(recipient, input);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (await NameTakenAsync(recipient.Name, null, ct))
        {
            return Outcome.Invalid("name", NameTaken);
        }

        db.Add(recipient);
        audit.Add(new AuditEntry("recipient.create", Purposes.Administration, EntityType: "recipient", EntityId: recipient.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return recipient;
    }

    public async Task<Outcome<Recipient>> UpdateAsync(Guid id, RecipientInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var version = errors.RequiredVersion(input.Version);
        var recipient = await db.Set<Recipient>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recipient is null)
        {
            return Outcome.Missing;
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var changed = VersionedUpdate.Apply(db, recipient, version!.Value, r => errors = Apply(r, input));
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (await NameTakenAsync(recipient.Name, id, ct))
        {
            return Outcome.Invalid("name", NameTaken);
        }

        audit.Add(new AuditEntry("recipient.update", Purposes.Administration, EntityType: "recipient", EntityId: id.ToString(), Fields: changed));
        await db.SaveChangesAsync(ct);
        return recipient;
    }

    public async Task<Outcome<Recipient>> EndAsync(Guid id, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var v = errors.RequiredVersion(version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var recipient = await VersionedUpdate.FindAsOfAsync<Recipient>(db, id, v!.Value, ct);
        if (recipient is null)
        {
            return Outcome.Missing;
        }

        if (!recipient.IsActive)
        {
            return Outcome.Conflict("state", AlreadyEnded);
        }

        recipient.EndedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(new AuditEntry("recipient.end", Purposes.Administration, EntityType: "recipient", EntityId: id.ToString(),
            Fields: [nameof(Recipient.EndedAt)]));
        await db.SaveChangesAsync(ct);
        return recipient;
    }

    private Task<bool> NameTakenAsync(string name, Guid? except, CancellationToken ct)
    {
        var lower = name.ToLower();
        return db.Set<Recipient>().AnyAsync(r => r.Id != except && r.Name.ToLower() == lower, ct);
    }

    /// <summary>Validates <paramref name="input"/> and writes it into <paramref name="r"/>; the errors, each beside its field.</summary>
    private static FieldErrors Apply(Recipient r, RecipientInput input)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", input.Name, 200, required: true);
        var businessId = errors.Text("businessId", input.BusinessId, 40);
        var country = EeaCountries.Normalise(input.CountryCode);
        if (string.IsNullOrWhiteSpace(input.CountryCode))
        {
            errors.Add("countryCode", FieldMessages.Required);
        }
        else if (country is null)
        {
            errors.Add("countryCode", UnknownCountry);
        }

        if (country == "FI" && businessId is not null && !BusinessId.TryParse(businessId, out _, out var idError))
        {
            errors.Add("businessId", idError.Text);
        }

        Required(errors, "kind", input.Kind);
        Required(errors, "role", input.Role);
        Required(errors, "legalBasis", input.LegalBasis);
        var keys = input.Kind == RecipientKind.GroupCompany
            ? [.. Catalog.Recipients.GroupCompanies.Select(c => c.Id)]
            : input.CategoryKeys?.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (keys.Count == 0)
        {
            errors.Add("categoryKeys", AtLeastOneCategory);
        }
        else if (keys.FirstOrDefault(k => !Categories.All.Any(c => c.Id == k)) is { } unknown)
        {
            errors.Add("categoryKeys", UnknownCategory.Format(unknown));
        }

        var safeguard = input.Safeguard ?? TransferSafeguard.None;
        var details = errors.Text("safeguardDetails", input.SafeguardDetails, 1000);
        var email = errors.Optional<EmailAddress>("notificationEmail", input.NotificationEmail, EmailAddress.TryParse)?.Value;
        if (country is not null && !EeaCountries.Contains(country) && safeguard == TransferSafeguard.None)
        {
            errors.Add("safeguard", DisclosureRules.NoSafeguard);
        }
        else if (safeguard != TransferSafeguard.None && details is null)
        {
            errors.Add("safeguardDetails", DetailsNeeded);
        }

        if (errors.Any)
        {
            return errors;
        }

        r.Name = name!;
        r.BusinessId = businessId;
        r.CountryCode = country!;
        r.Kind = input.Kind!.Value;
        r.Role = input.Role!.Value;
        r.LegalBasis = input.LegalBasis!.Value;
        r.CategoryKeys = Recipient.JoinKeys(keys);
        r.Safeguard = safeguard;
        r.SafeguardDetails = safeguard == TransferSafeguard.None ? null : details;
        r.NotificationEmail = email;
        return errors;
    }

    private static void Required<T>(FieldErrors errors, string field, T? value)
        where T : struct, Enum
    {
        if (value is null || !Enum.IsDefined(value.Value))
        {
            errors.Add(field, FieldMessages.RequiredOneOf<T>());
        }
    }
}
