namespace CustomerRegister.Customers.Pages;

/// <summary>A saved value shown beside a form after a stale save; <see cref="Changed"/> when it differs from the user's input.</summary>
public sealed record CurrentValue(string LabelKey, string? Saved, bool Changed)
{
    public static CurrentValue Of(string labelKey, string? saved, string? typed) =>
        new(labelKey, saved, !string.Equals(Normal(saved), Normal(typed), StringComparison.Ordinal));

    private static string Normal(string? value) => string.Concat((value ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}

/// <summary>Times typed in a form are Helsinki wall-clock times; the use cases take UTC.</summary>
public static class FormTimes
{
    public static DateTime? FromHelsinki(DateTime? local) =>
        local is { } t
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), Infrastructure.HelsinkiTime.Zone)
            : null;

    /// <summary>A stored UTC time as the Helsinki wall-clock time a form shows (to the minute).</summary>
    public static DateTime ToHelsinki(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Infrastructure.HelsinkiTime.Zone);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }
}

/// <summary>The one-line notice after a successful save (post-redirect-get); the layout shows it on the next page.</summary>
public static class FormNotice
{
    public const string Key = "Forms.Notice";
}
