using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Finnish;

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

    public const string LegalRecordReason =
        "Kept unchanged as a legal record (Kirjanpitolaki / Jätelaki); a correction is recorded in the request.";

    public const string IdentityCodeReason =
        "The personal identity code is kept as written on the scrapping certificate, a legal record (Jätelaki); it is not "
        + "rectified here: record the correction in the request.";

    /// <summary>Columns the register keeps itself: they describe the row, not the person.</summary>
    private static readonly HashSet<string> SystemColumns =
        new(["id", "subject_id", "source", "created_at", "updated_at", "version"], StringComparer.Ordinal);

    /// <summary>Why the field cannot be rectified, or null when it can.</summary>
    public static string? Refusal(RectifiableField field)
    {
        if (SystemColumns.Contains(field.Column))
        {
            return "Kept by the register (row id, subject key, source, times, version): not a value of the person.";
        }

        if (field.Category is not { } category)
        {
            return "Not personal data in the catalogue.";
        }

        if (category.Id == Categories.IdentityCode.Id)
        {
            return IdentityCodeReason;
        }

        if (category.Id == Categories.RightsRequest.Id)
        {
            return "The request records are evidence of how requests were handled; they are not rectified.";
        }

        if (category.Erasure == ErasureAction.RestrictUntilDue)
        {
            return LegalRecordReason;
        }

        if (category.Id == Categories.MarketingPermission.Id)
        {
            return "Consent evidence is not rewritten: record a new consent or withdrawal instead.";
        }

        if (field.ClrType == typeof(byte[]))
        {
            return "A cipher or keyed hash: rectify the code by its name (e.g. bank_account).";
        }

        if (field.IsProtectedCode)
        {
            return category.Id == Categories.BankAccount.Id ? null : "This protected code cannot be rectified here.";
        }

        if (category.Masked)
        {
            return "A masked copy of a protected code: rectify the code by its name (e.g. bank_account).";
        }

        if (field.IsForeignKey || Underlying(field.ClrType) == typeof(Guid))
        {
            return "A link between records, not a value of the person.";
        }

        return Parser(field) is null ? "This kind of value cannot be rectified here." : null;
    }

    /// <summary>Validates and normalises the new value; null when the field is cleared.</summary>
    public static RectifiedValue? Parse(RectifiableField field, string? input, out string? error)
    {
        error = null;
        var text = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (text is null)
        {
            if (!field.Nullable)
            {
                error = "Required.";
            }

            return null;
        }

        var parse = Parser(field);
        if (parse is null)
        {
            error = "This kind of value cannot be rectified here.";
            return null;
        }

        return parse(text, out error);
    }

    private delegate RectifiedValue? ValueParser(string text, out string? error);

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
            return (string text, out string? error) =>
            {
                var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                error = name is null ? $"One of {string.Join(", ", Enum.GetNames(type))}." : null;
                return name is null ? null : new RectifiedValue(Enum.Parse(type, name), name);
            };
        }

        return type switch
        {
            _ when type == typeof(DateOnly) => Simple("A date yyyy-MM-dd.", t =>
                DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                v => ((DateOnly)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) => Simple("A date and time (ISO 8601).", t =>
                DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                    out var d) ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null,
                v => ((DateTime)v).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            _ when type == typeof(int) => Simple("A whole number.", t =>
                int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, Invariant),
            _ when type == typeof(long) => Simple("A whole number.", t =>
                long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, Invariant),
            _ when type == typeof(decimal) => Simple("A number.", t =>
                decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null, Invariant),
            _ when type == typeof(double) => Simple("A number.", t =>
                double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null, Invariant),
            _ when type == typeof(bool) => Simple("true or false.", t => bool.TryParse(t, out var b) ? b : null, Invariant),
            _ => null,
        };
    }

    private static ValueParser Identifier<T>(Infrastructure.IdentifierParser<T> parse, Func<T, string> stored, Func<T, string>? shown = null)
        where T : class =>
        (string text, out string? error) =>
        {
            if (parse(text, out var value, out var problem))
            {
                error = null;
                return new RectifiedValue(shown is null ? stored(value) : value, (shown ?? stored)(value));
            }

            error = problem.Message;
            return null;
        };

    private static ValueParser Text(int max) => (string text, out string? error) =>
    {
        error = text.Length > max ? $"At most {max} characters." : null;
        return error is null ? new RectifiedValue(text, text) : null;
    };

    private static ValueParser Simple(string expected, Func<string, object?> parse, Func<object, string> show) =>
        (string text, out string? error) =>
        {
            var value = parse(text);
            error = value is null ? expected : null;
            return value is null ? null : new RectifiedValue(value, show(value));
        };

    private static string Invariant(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static Type Underlying(Type type) => System.Nullable.GetUnderlyingType(type) ?? type;
}
