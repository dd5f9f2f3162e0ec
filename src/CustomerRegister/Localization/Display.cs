using System.Globalization;

namespace CustomerRegister.Localization;

/// <summary>
/// Every value on a page as a Finnish reader expects it, whatever the page's language: <c>4.12.2026</c>,
/// <c>klo 14.05</c>, <c>1 234,50 €</c>, <c>040 123 4567</c>. Stored instants are UTC and shown in Helsinki time.
/// </summary>
public static class Display
{
    /// <summary>Finnish number and date formatting (sv-FI and en use the same digits and separators here).</summary>
    public static readonly CultureInfo Format = CultureInfo.GetCultureInfo("fi-FI");

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d.M.yyyy", Format) : "";

    /// <summary>The Helsinki calendar day of a UTC instant.</summary>
    public static string Date(DateTime? utc) => utc is { } u ? Helsinki(u).ToString("d.M.yyyy", Format) : "";

    /// <summary>"4.12.2026 klo 14.05" (sv "kl.", en "at") in Helsinki time, in the page's language.</summary>
    public static string DateTime(DateTime? utc) => DateTime(utc, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>The same in a given language (a letter's, not the page's).</summary>
    public static string DateTime(DateTime? utc, string language)
    {
        if (utc is not { } u)
        {
            return "";
        }

        var local = Helsinki(u);
        return $"{local.ToString("d.M.yyyy", Format)} {UiText.Text("Display.At").In(language)} {local.ToString("H.mm", Format)}";
    }

    /// <summary>"1 234,50 €" with a no-break space as the thousands separator and before the sign.</summary>
    public static string Money(decimal? amount) =>
        amount is { } a ? a.ToString("#,##0.00", Format) + "\u00a0€" : "";

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,##0.##", Format) : "";

    /// <summary>A stored E.164 number as it is dialled in Finland ("040 123 4567"), a foreign one internationally.</summary>
    public static string Phone(string? e164) =>
        e164 is not null && Finnish.PhoneNumber.TryParse(e164, out var phone, out _) ? phone.National() : e164 ?? "";

    public static string YesNo(bool value) => UiText.Get(value ? "Display.Yes" : "Display.No");

    /// <summary>An enum value's words, from the texts keyed <c>{Enum type}.{value}</c>; the value itself when no text exists.</summary>
    public static string Enum<T>(T value)
        where T : struct, System.Enum =>
        UiText.Get($"{typeof(T).Name}.{value}");

    private static DateTime Helsinki(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Infrastructure.HelsinkiTime.Zone);
}
