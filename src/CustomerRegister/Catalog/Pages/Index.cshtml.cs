using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Catalog.Pages;

/// <summary>The catalogue as a readable, printable page: the same <see cref="CatalogDocument"/> as <c>GET /api/catalog</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CatalogRead)]
public sealed class IndexModel(CatalogDocument document, RegisterDbContext db, TimeProvider clock) : PageModel
{
    public CatalogRecord Record { get; private set; } = null!;

    public DateTime Now { get; private set; }

    public static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public void OnGet()
    {
        Record = document.Build(db.Model);
        Now = clock.GetUtcNow().UtcDateTime;
    }

    public static string Roles(IReadOnlyList<string> roles) =>
        roles.Count == 0 ? UiText.Get("Catalog.Nobody") : string.Join(", ", roles.Select(r => UiText.Get("Start.Role." + r)));

    /// <summary>What a role may do with a category, in words ("lukee, muuttaa"), empty when nothing.</summary>
    public static string Cell(CatalogCategory c, string role)
    {
        var words = new List<string>();
        if (c.ReadRoles.Contains(role))
        {
            words.Add(UiText.Get("Catalog.Cell.Read"));
        }

        if (c.WriteRoles.Contains(role))
        {
            words.Add(UiText.Get("Catalog.Cell.Write"));
        }

        if (c.RevealRoles.Contains(role))
        {
            words.Add(UiText.Get("Catalog.Cell.Reveal"));
        }

        return string.Join(", ", words);
    }
}
