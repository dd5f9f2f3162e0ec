namespace CustomerRegister.Localization;

/// <summary>The register's languages, Finnish first: the one list that pages, reports, letters and requests use.</summary>
public static class Languages
{
    public const string Default = "fi";

    public static readonly IReadOnlyList<string> All = ["fi", "sv", "en"];

    public static bool IsSupported(string? language) => language is not null && All.Contains(language);

    /// <summary>A supported language (any case, spaces around it ignored), anything else as the default (Finnish).</summary>
    public static string Normalize(string? language) =>
        language?.Trim().ToLowerInvariant() is { } l && All.Contains(l) ? l : Default;
}
