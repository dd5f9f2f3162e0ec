using System.Globalization;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Requests;

/// <summary>Settings of the data-subject request workflow (Requests:*).</summary>
public sealed class RequestOptions
{
    public const string Section = "Requests";

    public const string PublicRateLimitPolicy = "public-requests";

    /// <summary>Dates (yyyy-MM-dd) treated as holidays on top of the Finnish public holidays, e.g. a company closure.</summary>
    public string[] ExtraHolidays { get; set; } = [];

    public int WarnDaysBefore { get; set; } = 7;

    /// <summary>Where deadline warnings go when a request has no assigned handler.</summary>
    public string? NotifyAddress { get; set; }

    /// <summary>How often the deadline warning job runs; 0 turns it off.</summary>
    public int WarningIntervalMinutes { get; set; } = 60;

    /// <summary>Web-form requests left unconfirmed longer than this stop working and are deleted by the retention sweep.</summary>
    public int UnconfirmedDays { get; set; } = 7;

    public int PublicPermitLimit { get; set; } = 5;

    public int PublicWindowSeconds { get; set; } = 600;

    /// <summary>Web-form submissions accepted per hour from all addresses together (a flood beyond it answers 429).</summary>
    public int PublicGlobalPerHour { get; set; } = 200;

    public int RetentionYears { get; set; } = Catalog.RetentionRule.RightsRequest.Period.Amount;

    /// <summary>
    /// A person with more items than this is large: their access report by email and their erasure run in the background
    /// with progress (<see cref="RequestJobs"/>); the one threshold for both.
    /// </summary>
    public int LargeProfileRows { get; set; } = 1000;

    public RequestDeadlines Deadlines() =>
        new(ExtraHolidays.Select(d => DateOnly.ParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public string? Invalid() =>
        Settings.AtLeast(Section, WarnDaysBefore, 0)
        ?? Settings.AtLeast(Section, WarningIntervalMinutes, 0)
        ?? Settings.AtLeast(Section, UnconfirmedDays, 1)
        ?? Settings.AtLeast(Section, PublicPermitLimit, 1)
        ?? Settings.AtLeast(Section, PublicWindowSeconds, 1)
        ?? Settings.AtLeast(Section, PublicGlobalPerHour, 1)
        ?? Settings.AtLeast(Section, RetentionYears, 1)
        ?? Settings.AtLeast(Section, LargeProfileRows, 0)
        ?? (ExtraHolidays.FirstOrDefault(d => !DateOnly.TryParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            is { } day ? Settings.Allowed(Section, false, day, "dates as yyyy-MM-dd", nameof(ExtraHolidays)) : null);
}
