using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Marketing;

/// <summary>Enum and purpose fields arrive as text so a wrong one answers 400 naming the field, not a bare 400.</summary>
internal static class MarketingInput
{
    private static readonly LocalText UnknownValue = new(
        "Tuntematon arvo. Sallitut: {0}.",
        "Okänt värde. Tillåtna: {0}.",
        "Unknown value. Known: {0}.");

    private static readonly LocalText UnknownPurpose = new(
        "Tuntematon käyttötarkoitus: jokin näistä: {0}.",
        "Okänt ändamål: ett av följande: {0}.",
        "Unknown purpose: one of {0}.");

    private static readonly LocalText WebOnlyAnalytics = new(
        "Verkkosivusto-kanava on vain verkkokäyttäytymisen analysointia ({1}) varten.",
        "Webbplatskanalen är endast för analys av webbeteende ({1}).",
        "The {0} channel is for {1} only.");

    private static readonly LocalText AnalyticsOnlyWeb = new(
        "Tämä käyttötarkoitus kuuluu vain verkkosivusto-kanavalle.",
        "Det här ändamålet hör endast till webbplatskanalen.",
        "{0} goes with the {1} channel only.");

    private static readonly LocalText After2000 = new(
        "On oltava vuoden 2000 jälkeen.",
        "Måste vara efter år 2000.",
        "Must be after the year 2000.");

    public static T? Enum<T>(this FieldErrors errors, string field, string? input, bool required = true)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            if (required)
            {
                errors.Add(field, FieldMessages.RequiredOneOf<T>());
            }

            return null;
        }

        // Names only: Enum.TryParse would also take "7" or "1,2".
        var name = System.Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, input.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add(field, UnknownValue.Format(string.Join(", ", System.Enum.GetNames<T>())));
            return null;
        }

        return System.Enum.Parse<T>(name);
    }

    /// <summary>A purpose the ledger holds: a direct-marketing purpose or web-behaviour analysis.</summary>
    public static string? MarketingPurpose(this FieldErrors errors, string field, string? input)
    {
        if (MarketingConsentRules.IsLedgerPurpose(input))
        {
            return input;
        }

        errors.Add(field, string.IsNullOrWhiteSpace(input)
            ? FieldMessages.RequiredOneOf(MarketingConsentRules.LedgerPurposes)
            : UnknownPurpose.Format(string.Join(", ", MarketingConsentRules.LedgerPurposes)));
        return null;
    }

    /// <summary>The channel and purpose go together (<see cref="MarketingConsentRules.Pairs"/>): the website only with web-behaviour analysis.</summary>
    public static void Pair(this FieldErrors errors, MarketingChannel? channel, string? purpose)
    {
        if (channel is { } c && purpose is not null && !MarketingConsentRules.IsPair(c, purpose))
        {
            errors.Add("purpose", c == MarketingChannel.Web
                ? WebOnlyAnalytics.Format(MarketingChannel.Web, Purposes.WebAnalytics)
                : AnalyticsOnlyWeb.Format(purpose, MarketingChannel.Web));
        }
    }

    /// <summary>An optional time of an event; not in the future (a little clock skew allowed).</summary>
    public static DateTime? Past(this FieldErrors errors, string field, DateTime? input, DateTime now)
    {
        if (input is not { } value)
        {
            return null;
        }

        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        if (utc > now.AddMinutes(5))
        {
            errors.Add(field, FieldMessages.MustNotBeInFuture);
            return null;
        }

        if (utc.Year < 2000)
        {
            errors.Add(field, After2000);
            return null;
        }

        return utc;
    }

    public static DataSource? Source(this FieldErrors errors, string? input) => errors.Enum<DataSource>("source", input);
}
