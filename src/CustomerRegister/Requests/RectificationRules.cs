using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Finnish;
using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>
/// One column a rectification names, as the catalogue and the EF model describe it. A protected code (bank account,
/// identity code) is named by its base name (<c>bank_account</c>) and stands for its cipher, keyed hash and masked copy.
/// </summary>
public sealed record RectifiableField(
    string Table, string Column, Type ClrType, bool Nullable, int? MaxLength, DataCategory? Category,
    bool IsProtectedCode = false, bool IsForeignKey = false);

/// <summary>A validated value: what is stored and how it is shown in the request record (masked for protected codes).</summary>
public sealed record RectifiedValue(object? Value, string? Shown);

/// <summary>Which fields a rectification may change (Art 16) and how each new value is validated and normalised.</summary>
public static class RectificationRules
{
    /// <summary>The longest value a rectifiable column holds (contact history summaries), so before/after always fit.</summary>
    public const int MaxShownLength = 4000;

    public static readonly LocalText LegalRecordReason = new(
        "Säilytetään muuttamattomana lakisääteisenä asiakirjana (kirjanpitolaki / jätelaki); korjaus kirjataan pyyntöön.",
        "Bevaras oförändrad som lagstadgad handling (bokföringslagen / avfallslagen); rättelsen registreras i begäran.",
        "Kept unchanged as a legal record (Kirjanpitolaki / Jätelaki); a correction is recorded in the request.");

    public static readonly LocalText IdentityCodeReason = new(
        "Henkilötunnus säilytetään sellaisena kuin se on romutustodistuksessa, lakisääteisessä asiakirjassa (jätelaki); sitä "
        + "ei korjata tässä: kirjaa korjaus pyyntöön.",
        "Personbeteckningen bevaras så som den står på skrotningsintyget, en lagstadgad handling (avfallslagen); den "
        + "rättas inte här: registrera rättelsen i begäran.",
        "The personal identity code is kept as written on the scrapping certificate, a legal record (Jätelaki); it is not "
        + "rectified here: record the correction in the request.");

    private static readonly LocalText SystemColumn = new(
        "Rekisterin itse ylläpitämä tieto (rivin tunniste, henkilöavain, lähde, ajat, versio): ei henkilön tieto.",
        "Uppgift som registret själv upprätthåller (radens id, personnyckel, källa, tider, version): inte en uppgift om personen.",
        "Kept by the register (row id, subject key, source, times, version): not a value of the person.");

    private static readonly LocalText NotPersonalData = new(
        "Ei henkilötietoa tietoluettelon mukaan.",
        "Inte personuppgifter enligt katalogen.",
        "Not personal data in the catalogue.");

    private static readonly LocalText RequestRecords = new(
        "Pyyntöjen tiedot ovat näyttöä pyyntöjen käsittelystä; niitä ei korjata.",
        "Uppgifterna om begäranden är bevis på hur de behandlats; de rättas inte.",
        "The request records are evidence of how requests were handled; they are not rectified.");

    private static readonly LocalText ConsentEvidence = new(
        "Suostumuksen näyttöä ei kirjoiteta uudelleen: kirjaa sen sijaan uusi suostumus tai sen peruminen.",
        "Bevis på samtycke skrivs inte om: registrera i stället ett nytt samtycke eller ett återkallande.",
        "Consent evidence is not rewritten: record a new consent or withdrawal instead.");

    private static readonly LocalText Cipher = new(
        "Salattu arvo tai tiiviste: korjaa tunnus sen nimellä (esim. bank_account).",
        "Ett krypterat värde eller en hashkod: rätta koden med dess namn (t.ex. bank_account).",
        "A cipher or keyed hash: rectify the code by its name (e.g. bank_account).");

    private static readonly LocalText ProtectedCode = new(
        "Tätä suojattua tunnusta ei voi korjata tässä.",
        "Den här skyddade koden kan inte rättas här.",
        "This protected code cannot be rectified here.");

    private static readonly LocalText MaskedCopy = new(
        "Suojatun tunnuksen peitetty kopio: korjaa tunnus sen nimellä (esim. bank_account).",
        "En maskerad kopia av en skyddad kod: rätta koden med dess namn (t.ex. bank_account).",
        "A masked copy of a protected code: rectify the code by its name (e.g. bank_account).");

    private static readonly LocalText Link = new(
        "Linkki tietueiden välillä, ei henkilön tieto.",
        "En länk mellan poster, inte en uppgift om personen.",
        "A link between records, not a value of the person.");

    private static readonly LocalText KindNotRectifiable = new(
        "Tämänlaista arvoa ei voi korjata tässä.",
        "Den här typen av värde kan inte rättas här.",
        "This kind of value cannot be rectified here.");

    private static readonly LocalText OneOfValues = new(
        "Jokin näistä: {0}.",
        "Ett av följande: {0}.",
        "One of {0}.");

    private static readonly LocalText ADate = new(
        "Päivämäärä muodossa 4.12.2026 (tai vvvv-kk-pp).",
        "Ett datum i formen 4.12.2026 (eller åååå-mm-dd).",
        "A date as 4.12.2026 (or yyyy-MM-dd).");

    private static readonly LocalText ADateTime = new(
        "Päivämäärä ja kellonaika (ISO 8601).",
        "Ett datum och klockslag (ISO 8601).",
        "A date and time (ISO 8601).");

    private static readonly LocalText AWholeNumber = new(
        "Kokonaisluku.",
        "Ett heltal.",
        "A whole number.");

    private static readonly LocalText ANumber = new(
        "Luku.",
        "Ett tal.",
        "A number.");

    private static readonly LocalText TrueOrFalse = new(
        "true tai false.",
        "true eller false.",
        "true or false.");


    /// <summary>Columns the register keeps itself: they describe the row, not the person.</summary>
    private static readonly HashSet<string> SystemColumns =
        new(["id", "subject_id", "source", "created_at", "updated_at", "version"], StringComparer.Ordinal);

    /// <summary>Why the field cannot be rectified, or null when it can.</summary>
    public static LocalText? Refusal(RectifiableField field)
    {
        if (SystemColumns.Contains(field.Column))
        {
            return SystemColumn;
        }

        if (field.Category is not { } category)
        {
            return NotPersonalData;
        }

        if (category.Id == Categories.IdentityCode.Id)
        {
            return IdentityCodeReason;
        }

        if (category.Id == Categories.RightsRequest.Id)
        {
            return RequestRecords;
        }

        if (category.Erasure == ErasureAction.RestrictUntilDue)
        {
            return LegalRecordReason;
        }

        if (category.Id == Categories.MarketingPermission.Id)
        {
            return ConsentEvidence;
        }

        if (field.ClrType == typeof(byte[]))
        {
            return Cipher;
        }

        if (field.IsProtectedCode)
        {
            return category.Id == Categories.BankAccount.Id ? null : ProtectedCode;
        }

        if (category.Masked)
        {
            return MaskedCopy;
        }

        if (field.IsForeignKey || Underlying(field.ClrType) == typeof(Guid))
        {
            return Link;
        }

        return Parser(field) is null ? KindNotRectifiable : null;
    }

    /// <summary>Validates and normalises the new value; null when the field is cleared.</summary>
    public static RectifiedValue? Parse(RectifiableField field, string? input, out LocalText? error)
    {
        error = null;
        var text = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (text is null)
        {
            if (!field.Nullable)
            {
                error = Infrastructure.FieldMessages.Required;
            }

            return null;
        }

        var parse = Parser(field);
        if (parse is null)
        {
            error = KindNotRectifiable;
            return null;
        }

        return parse(text, out error);
    }

    private delegate RectifiedValue? ValueParser(string text, out LocalText? error);

    private static ValueParser? Parser(RectifiableField field)
    {
        var category = field.Category?.Id;
        var type = Underlying(field.ClrType);
        if (field.IsProtectedCode)
        {
            return category == Categories.BankAccount.Id ? Identifier<Iban>(Iban.TryParse, i => i.Value, i => i.Masked()) : null;
        }

        if (type == typeof(string))
        {
            return category == Categories.Email.Id || field.Column.EndsWith("email", StringComparison.Ordinal)
                ? Identifier<EmailAddress>(EmailAddress.TryParse, e => e.Value)
                : category == Categories.Phone.Id || field.Column.EndsWith("phone", StringComparison.Ordinal)
                    ? Identifier<PhoneNumber>(PhoneNumber.TryParse, p => p.Value)
                    : field.Column.EndsWith("postal_code", StringComparison.Ordinal)
                        ? Identifier<PostalCode>(PostalCode.TryParse, p => p.Value)
                        : field.Column.EndsWith("business_id", StringComparison.Ordinal)
                            ? Identifier<BusinessId>(BusinessId.TryParse, b => b.Value)
                            : Text(field.MaxLength ?? 1000);
        }

        if (type.IsEnum)
        {
            return (string text, out LocalText? error) =>
            {
                var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                error = name is null ? OneOfValues.Format(string.Join(", ", Enum.GetNames(type))) : null;
                return name is null ? null : new RectifiedValue(Enum.Parse(type, name), name);
            };
        }

        return type switch
        {
            _ when type == typeof(DateOnly) => Simple(ADate, t =>
                DateOnly.TryParseExact(t, ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                v => ((DateOnly)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) => Simple(ADateTime, t =>
                DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                    out var d) ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null,
                v => ((DateTime)v).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            _ when type == typeof(int) => Simple(AWholeNumber, t =>
                int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, Invariant),
            _ when type == typeof(long) => Simple(AWholeNumber, t =>
                long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, Invariant),
            _ when type == typeof(decimal) => Simple(ANumber, t =>
                decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null, Invariant),
            _ when type == typeof(double) => Simple(ANumber, t =>
                double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null, Invariant),
            _ when type == typeof(bool) => Simple(TrueOrFalse, t => bool.TryParse(t, out var b) ? b : null, Invariant),
            _ => null,
        };
    }

    private static ValueParser Identifier<T>(Infrastructure.IdentifierParser<T> parse, Func<T, string> stored, Func<T, string>? shown = null)
        where T : class =>
        (string text, out LocalText? error) =>
        {
            if (parse(text, out var value, out var problem))
            {
                error = null;
                return new RectifiedValue(shown is null ? stored(value) : value, (shown ?? stored)(value));
            }

            error = problem.Text;
            return null;
        };

    private static ValueParser Text(int max) => (string text, out LocalText? error) =>
    {
        error = text.Length > max ? Infrastructure.FieldMessages.TooLong(max) : null;
        return error is null ? new RectifiedValue(text, text) : null;
    };

    private static ValueParser Simple(LocalText expected, Func<string, object?> parse, Func<object, string> show) =>
        (string text, out LocalText? error) =>
        {
            var value = parse(text);
            error = value is null ? expected : null;
            return value is null ? null : new RectifiedValue(value, show(value));
        };

    private static string Invariant(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static Type Underlying(Type type) => System.Nullable.GetUnderlyingType(type) ?? type;
}
