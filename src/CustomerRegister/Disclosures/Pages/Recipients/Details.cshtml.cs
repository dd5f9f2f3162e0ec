using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Disclosures.Pages.Recipients;

/// <summary>
/// One recipient (<c>/recipients/{id}</c>): its record and its disclosures newest first, paged (as
/// <c>GET /api/recipients/{id}/disclosures</c>); ending it (as <c>POST /api/recipients/{id}/end</c>).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CatalogRead)]
public sealed class DetailsModel(RecipientQueries recipients, RecipientAdministration admin, Access access) : PageModel
{
    public Recipient Recipient { get; private set; } = null!;

    public Page<DisclosureResponse> Disclosures { get; private set; } = new([], null);

    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    [BindProperty]
    public long? Version { get; set; }

    public bool MayManage { get; private set; }

    public bool MayOpenPeople { get; private set; }

    public string? EndError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.RecipientManage))
        {
            return Forbid();
        }

        var outcome = await admin.EndAsync(id, Version, ct).CatchStale();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            EndError = (outcome.Conflict?.Message ?? outcome.Errors?.Messages.First().Value[0])?.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            Response.StatusCode = outcome.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData[FormNotice.Key] = UiText.Get("Disclosures.Recipient.Ended");
        return Redirect($"/recipients/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var page = await recipients.OfRecipientAsync(id, After, null, ct);
        if (await recipients.GetAsync(id, ct) is not { } recipient || page.Value is not { } disclosures)
        {
            return false;
        }

        Recipient = recipient;
        Disclosures = disclosures;
        MayManage = await access.HasAsync(Permissions.RecipientManage);
        MayOpenPeople = await access.HasAsync(Permissions.CustomerRead);
        return true;
    }
}
