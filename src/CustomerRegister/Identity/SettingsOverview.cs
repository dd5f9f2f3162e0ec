using System.Text.RegularExpressions;

namespace CustomerRegister.Identity;

/// <summary>One setting as the administrator sees it: a secret only as set or not, never its value.</summary>
public sealed record SettingResponse(string Key, string? Value, bool Secret, bool IsSet);

public sealed record SettingsSectionResponse(string Section, IReadOnlyList<SettingResponse> Settings);

/// <summary>
/// The settings in force, read-only, for the administration page and <c>GET /api/settings</c>. Only the application's
/// own sections are listed (nothing from the environment at large), and a secret — a password, a key, a certificate,
/// a connection string — shows only whether it is set.
/// </summary>
public sealed partial class SettingsOverview(IConfiguration configuration)
{
    /// <summary>The sections shown, in the order of the README's configuration table.</summary>
    public static readonly IReadOnlyList<string> Sections =
    [
        "Register", "Database", "ConnectionStrings", "DataProtection", "Recordings", "Api", "Auth", "Network", "Audit", "Billing",
        "Demo", "Requests", "Marketing", "Retention", "Mail", "Vehicles", "Controller", "Notice",
    ];

    public IReadOnlyList<SettingsSectionResponse> List() =>
    [
        .. Sections.Select(section => new SettingsSectionResponse(section, [.. configuration.GetSection(section)
                .AsEnumerable(makePathsRelative: false)
                .Where(kv => kv.Value is not null && kv.Key.Contains(':', StringComparison.Ordinal))
                .OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
                .Select(kv => Setting(section, kv.Key, kv.Value))]))
            .Where(s => s.Settings.Count > 0),
    ];

    /// <summary>True for a key whose value must not be shown: a password, a secret, a key, a certificate or a connection string.</summary>
    public static bool IsSecret(string key) => SecretKey().IsMatch(key);

    private static SettingResponse Setting(string section, string key, string? value)
    {
        var secret = section == "ConnectionStrings" || IsSecret(key);
        var set = !string.IsNullOrEmpty(value);
        return new SettingResponse(key, secret ? null : value, secret, set);
    }

    [GeneratedRegex(@"(password|secret|masterkey|apikey|token(?!minutes)|certificate|connectionstring|privatekey)[^:]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}

public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/settings", (SettingsOverview settings) => TypedResults.Ok(settings.List()))
            .WithTags("Users").RequirePermission(Permissions.UsersManage)
            .WithName("ListSettings").WithSummary("The settings in force by section; a secret (password, key, certificate, connection string) only as set or not.");
        return app;
    }
}
