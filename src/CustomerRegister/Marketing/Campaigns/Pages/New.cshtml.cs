using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Campaigns.Pages;

/// <summary>
/// A new campaign list: the criteria form, a preview (the counts per reason and the first rows, through the same use
/// case the API's preview calls) and saving it, after which its page offers the file.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingWrite)]
public sealed class NewModel(Campaigns campaigns) : PageModel
{
    [BindProperty]
    public CampaignFormInput Input { get; set; } = new();

    public IReadOnlyList<CampaignEventChoice> Events { get; private set; } = [];

    public CampaignPreview? Preview { get; private set; }

    /// <summary>Why a selection was not previewed here: too large to judge within the request (save it first).</summary>
    public string? TooLarge { get; private set; }

    [TempData(Key = "Campaigns.Notice")]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Events = await campaigns.EventsAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Events = await campaigns.EventsAsync(ct);
        var outcome = await campaigns.PreviewAsync(Input.Request(), ct);
        if (outcome.Conflict is { Reason: Campaigns.SelectionTooLarge } large)
        {
            TooLarge = large.Message.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            return Page();
        }

        if (ModelState.Show(outcome))
        {
            Preview = outcome.Value;
            return Page();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var outcome = await campaigns.CreateAsync(Input.Request(), User, ct);
        if (ModelState.Show(outcome))
        {
            Notice = UiText.Get("Campaigns.SavedNotice");
            return Redirect($"/marketing/campaigns/{outcome.Value!.Id}");
        }

        Events = await campaigns.EventsAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
