using System.Globalization;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Retention;

/// <summary>The "as of" day of a preview, for the API and the command line.</summary>
public static class RetentionAsOf
{
    private static readonly LocalText ADate = new(
        "Päivämäärä muodossa VVVV-KK-PP.",
        "Ett datum i formen ÅÅÅÅ-MM-DD.",
        "A date as YYYY-MM-DD.");

    private static readonly LocalText Range = new(
        "Enintään vuoden taaksepäin ja kymmenen vuotta eteenpäin.",
        "Högst ett år bakåt och tio år framåt.",
        "Within a year back and ten years ahead.");

    /// <summary>
    /// A YYYY-MM-DD day as the end of that day in Helsinki (what is due during the day is listed), or now when empty.
    /// Returns the error, or null.
    /// </summary>
    public static LocalText? Parse(string? asOf, TimeProvider clock, out DateTime value)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        value = now;
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return ADate;
        }

        value = date.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Unspecified);
        value = TimeZoneInfo.ConvertTimeToUtc(value, HelsinkiTime.Zone);
        return value < now.AddYears(-1) || value > now.AddYears(10) ? Range : null;
    }
}
