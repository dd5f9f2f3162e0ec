using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace CustomerRegister.Marketing.Campaigns.Pages;

/// <summary>
/// A saved campaign: its criteria, a preview (counts per reason, first rows; a large selection counted by a job whose
/// page comes back here) and the file — the same use cases as <c>/api/campaigns/{id}/preview</c> and <c>/export</c>; the
/// file is streamed as it is drawn. Its previews and
/// downloads are listed with their counts. Reading needs <c>Marketing.Read</c>; a preview or a file <c>Marketing.Write</c>.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingRead)]
public sealed class CampaignModel(Campaigns campaigns, Infrastructure.Access access) : PageModel
{
    public CampaignDetail? Detail { get; private set; }

    public IReadOnlyList<CampaignEventChoice> Events { get; private set; } = [];

    public CampaignPreview? Preview { get; private set; }

    [TempData(Key = "Campaigns.Notice")]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.MarketingWrite))
        {
            return Forbid();
        }

        var outcome = await campaigns.PreviewAsync(id, User, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        if (outcome.Value!.Job is { } job)
        {
            return Redirect($"/jobs/{job.Id}");
        }

        Preview = outcome.Value.Preview;
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(Guid id, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.MarketingWrite))
        {
            return Forbid();
        }

        var plan = await campaigns.ExportPlanAsync(id, ct);
        if (!ModelState.Show(plan))
        {
            return NotFound();
        }

        Response.ContentType = CampaignFile.ContentType;
        Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileNameStar = plan.Value!.FileName, FileName = plan.Value.FileName }.ToString();
        await campaigns.ExportAsync(plan.Value, Response.Body, ct);
        return new EmptyResult();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await campaigns.GetAsync(id, ct);
        Detail = detail.Value;
        Events = await campaigns.EventsAsync(ct);
        return detail.IsOk;
    }
}
