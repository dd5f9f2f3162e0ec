using CustomerRegister.Localization;
using Microsoft.AspNetCore.Localization;

namespace CustomerRegister.Marketing.OptOut;

/// <summary>
/// The opt-out page speaks the person's language, which its link carries (fi, sv, en), whatever the browser's settings;
/// a link that does not open leaves the usual choice (cookie, or Finnish).
/// </summary>
public sealed class OptOutCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments(OptOutLinks.PathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return Task.FromResult<ProviderCultureResult?>(null);
        }

        var link = httpContext.RequestServices.GetRequiredService<OptOutLinks>().Read(rest.Value?.Trim('/'));
        return Task.FromResult(link is null || !Languages.IsSupported(link.Language) ? null : new ProviderCultureResult(link.Language));
    }
}
