namespace CustomerRegister.Disclosures;

/// <summary>
/// The EU and EEA member states (ISO 3166-1 alpha-2): the one list. Data goes to a recipient in another country only
/// with an adequacy decision or a safeguard recorded (GDPR Chapter V; notice § 8 promises no transfers at all).
/// </summary>
public static class EeaCountries
{
    /// <summary>The 27 EU member states.</summary>
    public static IReadOnlySet<string> Eu { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
        "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    /// <summary>The EEA adds Iceland, Liechtenstein and Norway.</summary>
    public static IReadOnlySet<string> Eea { get; } = new HashSet<string>(Eu.Concat(["IS", "LI", "NO"]), StringComparer.Ordinal);

    /// <summary>Whether the country (any case, surrounding spaces ignored) is in the EU/EEA.</summary>
    public static bool Contains(string? countryCode) => Normalise(countryCode) is { } c && Eea.Contains(c);

    /// <summary>The code upper case, or null when it is not two letters A–Z.</summary>
    public static string? Normalise(string? countryCode)
    {
        var c = countryCode?.Trim().ToUpperInvariant();
        return c is { Length: 2 } && c.All(ch => ch is >= 'A' and <= 'Z') ? c : null;
    }
}
