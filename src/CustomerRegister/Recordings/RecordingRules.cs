using System.Globalization;
using CustomerRegister.Localization;
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
    private static readonly LocalText MonthsRequired = new(
        "Pakollinen tieto: 1–{0} kuukautta.", "Obligatorisk uppgift: 1–{0} månader.", "Required: 1 to {0} months.");

    private static readonly LocalText MonthsRange = new(
        "Väliltä 1–{0} kuukautta: kameravalvonnan tallenteita säilytetään enintään {0} kuukautta (seloste § 6).",
        "Mellan 1 och {0} månader: kameraövervakningens inspelningar sparas högst {0} månader (beskrivningen § 6).",
        "Between 1 and {0} months: CCTV footage is kept at most {0} months (notice § 6).");

    private static readonly LocalText AfterStart = new(
        "On oltava jakson alun (periodStart) jälkeen.", "Måste ligga efter periodens början (periodStart).", "Must be after periodStart.");

    private static readonly LocalText ClipTooLong = new(
        "Enintään {0:0} tuntia jakson alusta (periodStart): lataa pidempi tallenne useana pätkänä.",
        "Högst {0:0} timmar efter periodens början (periodStart): ladda upp längre inspelningar som flera klipp.",
        "At most {0:0} hours after periodStart: upload longer footage as several clips.");

    public static readonly string CctvMonthsCheckSql = $"cctv_retention_months BETWEEN 1 AND {MaxCctvMonths}";

    public static LocalText? CctvMonthsError(int? months) => months switch
    {
        null => MonthsRequired.Format(MaxCctvMonths),
        < 1 or > MaxCctvMonths => MonthsRange.Format(MaxCctvMonths),
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

    public static LocalText? CctvPeriodError(DateTime start, DateTime end, DateTime now) =>
        end <= start ? AfterStart
        : end > now.AddMinutes(5) ? Infrastructure.FieldMessages.MustNotBeInFuture
        : end - start > MaxCctvClip ? ClipTooLong.Format(MaxCctvClip.TotalHours)
        : null;
}

/// <summary>The time fields of uploads and lists.</summary>
public static class RecordingFieldErrors
{
    private static readonly LocalText TimeRequired = new(
        "Pakollinen tieto: aika ISO 8601 -muodossa.",
        "Obligatorisk uppgift: en tid i ISO 8601-format.",
        "Required: an ISO 8601 time.");

    private static readonly LocalText NotATime = new(
        "Ei ole aika ISO 8601 -muodossa.",
        "Inte en tid i ISO 8601-format.",
        "Not an ISO 8601 time.");

    /// <summary>A required ISO 8601 time (without an offset read as UTC).</summary>
    public static DateTime? Time(this Infrastructure.FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, TimeRequired);
            return null;
        }

        var time = RecordingRules.ParseTime(text);
        if (time is null)
        {
            errors.Add(field, NotATime);
        }

        return time;
    }
}
