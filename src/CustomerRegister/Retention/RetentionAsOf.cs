using System.Globalization;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Retention;

/// <summary>The "as of" day of a preview, for the API and the command line.</summary>
public static class RetentionAsOf
{
    /// <summary>
    /// A YYYY-MM-DD day as the end of that day in Helsinki (what is due during the day is listed), or now when empty.
    /// Returns the error, or null.
    /// </summary>
    public static string? Parse(string? asOf, TimeProvider clock, out DateTime value)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        value = now;
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return "A date as YYYY-MM-DD.";
        }

        value = date.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Unspecified);
        value = TimeZoneInfo.ConvertTimeToUtc(value, HelsinkiTime.Zone);
        return value < now.AddYears(-1) || value > now.AddYears(10) ? "Within a year back and ten years ahead." : null;
    }
}
