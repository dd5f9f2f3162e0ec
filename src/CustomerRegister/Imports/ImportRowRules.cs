using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Search;

namespace CustomerRegister.Imports;

/// <summary>
/// One row read into the same validated inputs the customer use cases take (<see cref="ConsumerInput"/>,
/// <see cref="OrganisationInput"/>, <see cref="ContactInput"/>: the same <c>Finnish/</c> rules), each refusal named by
/// its column; and the keys rows are matched by.
/// </summary>
internal static class ImportRowRules
{
    public static readonly LocalText SoleTraderValue = new(
        "Kirjoita kyllä tai ei (tai 1 / 0).", "Skriv ja eller nej (eller 1 / 0).", "Write yes or no (or 1 / 0).");

    public static readonly LocalText NoSuchOrganisation = new(
        "Rekisterissä ei ole organisaatiota tällä Y-tunnuksella: tuo ensin organisaatiot.",
        "Registret har ingen organisation med detta FO-nummer: importera organisationerna först.",
        "No organisation in the register has this business ID: import the organisations first.");

    public static readonly LocalText Restricted = new(
        "Rivi vastaa henkilöä, jonka tietojen käsittely on rajoitettu (Art 18): tietoja ei muutettu.",
        "Raden motsvarar en person vars uppgifter är begränsade (art. 18): inget ändrades.",
        "The row matches a person whose processing is restricted (Art 18): nothing was changed.");

    private static readonly string[] Yes = ["kyllä", "k", "ja", "j", "yes", "y", "1", "true", "x"];
    private static readonly string[] No = ["ei", "e", "nej", "n", "no", "0", "false"];

    /// <summary>A row's refusals as (column, reason).</summary>
    public static List<(string Column, LocalText Reason)> Reasons(ImportKind kind, FieldErrors errors) =>
        [.. errors.Messages.SelectMany(m => m.Value.Select(r => (ImportFile.ColumnOf(kind, m.Key), r)))];

    public static ConsumerInput? Consumer(ImportLine row, DataSource source, FieldErrors errors)
    {
        var input = ConsumerInput.Read(new ConsumerRequest(row[0], row[1], row[2], row[3], row[4], row[5], row[6], null, source, null), errors);
        return errors.Any ? null : input;
    }

    public static OrganisationInput? Organisation(ImportLine row, DataSource source, FieldErrors errors)
    {
        bool? soleTrader = null;
        if (row[5] is { } flag)
        {
            var folded = flag.Trim().ToLowerInvariant();
            soleTrader = Yes.Contains(folded) ? true : No.Contains(folded) ? false : null;
            if (soleTrader is null)
            {
                errors.Add("isSoleTrader", SoleTraderValue);
            }
        }

        var input = OrganisationInput.Read(new OrganisationRequest(row[0], row[1], row[2], row[3], row[4], soleTrader, source, null), errors);
        return errors.Any ? null : input;
    }

    /// <summary>A contact person and their organisation's business ID (required: the person is matched within it).</summary>
    public static (ContactInput Input, string BusinessId)? Contact(ImportLine row, DataSource source, DateOnly today, FieldErrors errors)
    {
        var businessId = errors.Optional<BusinessId>("organisationBusinessId", row[0], Finnish.BusinessId.TryParse)?.Value;
        if (row[0] is null)
        {
            errors.Add("organisationBusinessId", FieldMessages.Required);
        }

        var input = ContactInput.Read(new ContactPersonRequest(row[1], row[2], row[3], row[4], row[5], row[6], source, null), errors, today);
        return errors.Any || businessId is null ? null : (input, businessId);
    }

    /// <summary>Name and address compared as people write them: case, accents and spaces folded.</summary>
    public static string Key(params string?[] parts) =>
        string.Join('|', parts.Select(p => p is null ? "" : SearchText.Fold(p).Replace(" ", "", StringComparison.Ordinal)));

    /// <summary>The search index's terms a row's email and phone are found by (the index the register already keeps).</summary>
    public static string EmailTerm(string email) => email.ToLowerInvariant();

    public static string PhoneTerm(string phone) => SearchIndex.PhoneTerm(phone);
}
