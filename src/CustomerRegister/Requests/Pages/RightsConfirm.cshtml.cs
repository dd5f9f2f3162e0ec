using System.Globalization;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerRegister.Requests.Pages;

/// <summary>
/// The page the confirmation mail links to. Opening it changes nothing (mail scanners follow links); its button posts the
/// token (with the antiforgery token) to the same use case as POST /api/public/requests/confirm.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestOptions.PublicRateLimitPolicy)]
public sealed class RightsConfirmModel(RequestIntake intake) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Confirmed { get; private set; }

    public bool Invalid { get; private set; }

    public string ConfirmedText { get; private set; } = "";

    public void OnGet()
    {
        Invalid = string.IsNullOrWhiteSpace(Token);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = await intake.ConfirmEmailAsync(Token, ct);
        if (request is null)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Confirmed = true;
        ConfirmedText = RequestLetters.Confirmed(Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
        return Page();
    }
}
