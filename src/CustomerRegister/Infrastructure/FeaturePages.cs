using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// Pages live with their feature (docs/decisions/0009): Razor Pages looks for them from the project root, and a page
/// answers at its path after its <c>Pages</c> folder, so <c>/Identity/Pages/Account/Login</c> answers
/// <c>/Account/Login</c> and <c>/Pages/Index</c> answers <c>/</c> and <c>/Index</c>. A page's name (what
/// <c>asp-page</c>, <c>RedirectToPage</c> and the page conventions take) stays its path from the root.
/// </summary>
public sealed class FeaturePages : IPageRouteModelConvention
{
    private const string Folder = "Pages";

    private readonly Dictionary<string, string> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public static void AddTo(RazorPagesOptions options)
    {
        options.RootDirectory = "/";
        options.Conventions.Add(new FeaturePages());
    }

    public void Apply(PageRouteModel model)
    {
        // "/Identity/Pages/Account/Login" → "Identity/Pages/", the part of each route template that goes.
        var path = model.ViewEnginePath;
        var at = path.IndexOf("/" + Folder + "/", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException(
                $"The page {model.RelativePath} is outside a {Folder} folder: put it in <Feature>/{Folder}/ (docs/decisions/0009).");
        }

        var prefix = path[1..(at + Folder.Length + 2)];
        lock (_lock)
        {
            foreach (var route in model.Selectors.Select(s => s.AttributeRouteModel).OfType<AttributeRouteModel>())
            {
                // An Index page also answers its folder ("Pages" for "Pages/Index"); an absolute @page route ("/search") stays.
                var template = route.Template ?? "";
                if (template.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    route.Template = template[prefix.Length..];
                }
                else if (string.Equals(template + "/", prefix, StringComparison.OrdinalIgnoreCase))
                {
                    route.Template = "";
                }

                if (_owners.TryGetValue(route.Template!, out var owner) && owner != model.RelativePath)
                {
                    throw new InvalidOperationException(
                        $"The pages {owner} and {model.RelativePath} would both answer /{route.Template}.");
                }

                _owners[route.Template!] = model.RelativePath;
            }
        }
    }
}
