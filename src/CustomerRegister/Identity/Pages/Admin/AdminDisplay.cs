using CustomerRegister.Localization;

namespace CustomerRegister.Identity.Pages.Admin;

/// <summary>Role and permission names in the page's language.</summary>
public static class AdminDisplay
{
    public static string Role(string role) => UiText.Get("Start.Role." + role);

    public static string Roles(IEnumerable<string> roles) =>
        string.Join(", ", roles.Select(Role)) is { Length: > 0 } names ? names : UiText.Get("Admin.Roles.None");

    public static string Permission(string permission) => UiText.Get("Admin.Permission." + permission);

    /// <summary>Where the page's one-time secrets travel to the next page (post-redirect-get): read once, then gone.</summary>
    public const string SecretKey = "Admin.Secret";

    public const string SecretForKey = "Admin.SecretFor";
}
