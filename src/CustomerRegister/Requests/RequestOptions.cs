using System.Globalization;

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

    public RequestDeadlines Deadlines() =>
        new(ExtraHolidays.Select(d => DateOnly.ParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public bool IsValid() =>
        WarnDaysBefore >= 0 && WarningIntervalMinutes >= 0 && UnconfirmedDays >= 1 && PublicPermitLimit >= 1 && PublicWindowSeconds >= 1
        && PublicGlobalPerHour >= 1 && RetentionYears >= 1
        && ExtraHolidays.All(d => DateOnly.TryParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
