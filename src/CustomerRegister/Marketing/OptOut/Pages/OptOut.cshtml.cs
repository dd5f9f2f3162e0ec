using System.Globalization;
using CustomerRegister.Notice;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing.OptOut.Pages;

/// <summary>One way to reach the controller, as the page shows it: who (and their task), email.</summary>
public sealed record OptOutContact(string Name, string? Role, string? Email);

/// <summary>
/// The public page an opt-out link opens (no sign-in), in the person's language (<see cref="OptOutCultureProvider"/>).
/// Opening it changes nothing (mail scanners follow links); its button posts (antiforgery) to <see cref="OptOuts"/>.
/// A link that does not open — expired, tampered with, or of a person not in the register — gets the same page saying how
/// else to refuse, never whether the person exists.
/// </summary>
[AllowAnonymous]
public sealed class OptOutModel(OptOuts optOuts, OptOutLimits limits, IOptions<ControllerOptions> controller, IOptions<NoticeOptions> notice)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>What the link stands for; null when it does not open.</summary>
    public OptOutToken? Link { get; private set; }

    public OptOutResult? Result { get; private set; }

    public bool Limited { get; private set; }

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public string ControllerName => controller.Value.Name;

    public string? Address => notice.Value.Address;

    /// <summary>The controller's customer-service email first, then the people responsible for register matters.</summary>
    public IReadOnlyList<OptOutContact> Contacts =>
    [
        .. controller.Value.Email is { Length: > 0 } email ? [new OptOutContact(controller.Value.Name, null, email)] : Array.Empty<OptOutContact>(),
        .. notice.Value.Contacts.Where(c => c.Email is { Length: > 0 }).Select(c => new OptOutContact(c.Name, c.Role.In(Language) is { Length: > 0 } r ? r : null, c.Email)),
    ];

    public IActionResult OnGet()
    {
        Link = optOuts.Read(Token);
        return Link is null ? Invalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Link = optOuts.Read(Token);
        if (Link is null)
        {
            return Invalid();
        }

        if (!limits.Acquire(HttpContext))
        {
            Limited = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        Result = await optOuts.RefuseAsync(Token, ct);
        return Result == OptOutResult.Invalid ? Invalid() : Page();
    }

    private PageResult Invalid()
    {
        Link = null;
        Result = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
