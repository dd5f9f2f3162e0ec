using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CustomerRegister.Recordings;

/// <summary>The pure rules of recordings: CCTV periods, whose call it was, what a file may be.</summary>
public static class RecordingRules
{
    /// <summary>Notice § 6: CCTV footage is kept at most six months.</summary>
    public const int MaxCctvMonths = 6;

    public const int MaxCallSeconds = 24 * 60 * 60;

    /// <summary>
    /// The longest CCTV clip accepted: a period longer than a day is almost certainly an error. Retention counts from a
    /// clip's start, so no footage outlives its unit's period by more than this.
    /// </summary>
    public static readonly TimeSpan MaxCctvClip = TimeSpan.FromHours(24);

    /// <summary>The database check on a unit's period; the same bounds as <see cref="CctvMonthsError"/>.</summary>
    public static readonly string CctvMonthsCheckSql = $"cctv_retention_months BETWEEN 1 AND {MaxCctvMonths}";

    public static string? CctvMonthsError(int? months) => months switch
    {
        null => $"Required: 1 to {MaxCctvMonths} months.",
        < 1 or > MaxCctvMonths => $"Between 1 and {MaxCctvMonths} months: CCTV footage is kept at most {MaxCctvMonths} months (notice § 6).",
        _ => null,
    };

    /// <summary>
    /// The person a call belongs to: the one subject whose consumer or contact-person record has the caller's number.
    /// Two people sharing a number (a household, a switchboard) leave the call unlinked rather than give it to the
    /// wrong one.
    /// </summary>
    public static Guid? MatchSubject(IEnumerable<Guid> subjectsWithTheNumber)
    {
        var distinct = subjectsWithTheNumber.Distinct().Take(2).ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }

    /// <summary>True for a media type of the given top-level type, e.g. <c>audio/wav</c> for <c>audio</c>.</summary>
    public static bool IsMediaType(string? contentType, string topLevel) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.Type.Equals(topLevel, StringComparison.OrdinalIgnoreCase)
        && parsed.SubType.Length > 0 && parsed.SubType.Value != "*";

    /// <summary>An ISO 8601 time; without an offset it is read as UTC.</summary>
    public static DateTime? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var t)
            ? t.UtcDateTime
            : null;

    public static string? CctvPeriodError(DateTime start, DateTime end, DateTime now) =>
        end <= start ? "Must be after periodStart."
        : end > now.AddMinutes(5) ? "Must not be in the future."
        : end - start > MaxCctvClip ? $"At most {MaxCctvClip.TotalHours:0} hours after periodStart: upload longer footage as several clips."
        : null;
}

/// <summary>The time fields of uploads and lists.</summary>
public static class RecordingFieldErrors
{
    /// <summary>A required ISO 8601 time (without an offset read as UTC).</summary>
    public static DateTime? Time(this Infrastructure.FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "Required: an ISO 8601 time.");
            return null;
        }

        var time = RecordingRules.ParseTime(text);
        if (time is null)
        {
            errors.Add(field, "Not an ISO 8601 time.");
        }

        return time;
    }
}
