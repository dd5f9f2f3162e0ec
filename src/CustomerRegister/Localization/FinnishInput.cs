using System.Globalization;

namespace CustomerRegister.Localization;

/// <summary>
/// Numbers and dates as a Finnish user types them into a form: <c>1 234,50</c> (also <c>1234.50</c> and with a
/// trailing <c>€</c>), <c>4.12.2026</c> (also ISO <c>2026-12-04</c>, what a date picker sends). The reverse of <see cref="Display"/>.
/// </summary>
public static class FinnishInput
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy"];

    /// <summary>
    /// A decimal number: spaces (also no-break) group thousands, a comma or a point separates the decimals, a
    /// trailing euro sign is allowed. Both a comma and a point in one number is ambiguous and refused.
    /// </summary>
    public static bool TryDecimal(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var plain = text.Trim().TrimEnd('€').Replace('\u2212', '-');
        plain = string.Concat(plain.Where(c => !char.IsWhiteSpace(c) && c is not '\u00a0' and not '\u202f'));
        if (plain.Contains(',') && plain.Contains('.'))
        {
            return false;
        }

        return decimal.TryParse(plain.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A calendar day as <c>4.12.2026</c> or <c>2026-12-04</c>.</summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text)
               && DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A day as a form field shows it for editing: <c>4.12.2026</c>, as <see cref="Display.Date(DateOnly?)"/> does.</summary>
    public static string DateValue(DateOnly date) => Display.Date(date);
}
