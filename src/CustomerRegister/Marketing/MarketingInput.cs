using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Marketing;

/// <summary>Enum and purpose fields arrive as text so a wrong one answers 400 naming the field, not a bare 400.</summary>
internal static class MarketingInput
{
    public static T? Enum<T>(this FieldErrors errors, string field, string? input, bool required = true)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            if (required)
            {
                errors.Add(field, $"Required: one of {string.Join(", ", System.Enum.GetNames<T>())}.");
            }

            return null;
        }

        // Names only: Enum.TryParse would also take "7" or "1,2".
        var name = System.Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, input.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add(field, $"Unknown value. Known: {string.Join(", ", System.Enum.GetNames<T>())}.");
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

        errors.Add(field, $"{(string.IsNullOrWhiteSpace(input) ? "Required" : "Unknown purpose")}: one of "
            + $"{string.Join(", ", MarketingConsentRules.LedgerPurposes)}.");
        return null;
    }

    /// <summary>The channel and purpose go together (<see cref="MarketingConsentRules.Pairs"/>): the website only with web-behaviour analysis.</summary>
    public static void Pair(this FieldErrors errors, MarketingChannel? channel, string? purpose)
    {
        if (channel is { } c && purpose is not null && !MarketingConsentRules.IsPair(c, purpose))
        {
            errors.Add("purpose", c == MarketingChannel.Web
                ? $"The {MarketingChannel.Web} channel is for {Purposes.WebAnalytics} only."
                : $"{purpose} goes with the {MarketingChannel.Web} channel only.");
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
            errors.Add(field, "Must not be in the future.");
            return null;
        }

        if (utc.Year < 2000)
        {
            errors.Add(field, "Must be after the year 2000.");
            return null;
        }

        return utc;
    }

    public static DataSource? Source(this FieldErrors errors, string? input) => errors.Enum<DataSource>("source", input);
}
