using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.IndustryOptOut.Pages;

/// <summary>
/// The industry opt-out lists: the lists in force, the load history with each load's provenance and refusals, and the
/// upload of a new list (<see cref="IndustryOptOutJobs"/>, the same use case as POST /api/marketing/industry-opt-out),
/// which goes on at <c>/jobs/{id}</c> with its progress.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingRead)]
[RequestSizeLimit(IndustryOptOutJobs.MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = IndustryOptOutJobs.MaxFileBytes + (64 * 1024))]
public sealed class IndustryOptOutModel(IndustryOptOutLoader loader, IndustryOptOutJobs jobs, Access access) : PageModel
{
    public const int HistoryRows = 20;

    public IReadOnlyList<IndustryOptOutList> Current { get; private set; } = [];

    public IReadOnlyList<IndustryOptOutList> History { get; private set; } = [];

    public bool CanLoad { get; private set; }

    /// <summary>Who loaded each list: staff names by user id.</summary>
    public IReadOnlyDictionary<Guid, string> LoadedBy { get; private set; } = new Dictionary<Guid, string>();

    public string LoaderOf(IndustryOptOutList list) => list.LoadedById is { } id && LoadedBy.TryGetValue(id, out var name) ? name : "";

    [BindProperty]
    public UploadForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.MarketingWrite))
        {
            return Forbid();
        }

        var file = Input.File;
        await using var content = file?.OpenReadStream();
        var outcome = await jobs.StartAsync(new IndustryOptOutLoadRequest(Input.Kind, Input.Supplier, file?.FileName, file is { Length: > 0 }),
            content, User, ct);
        if (ModelState.Show(outcome))
        {
            return Redirect($"/jobs/{outcome.Value!.Job.Id}");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await loader.CurrentAsync(ct);
        History = await loader.HistoryAsync(HistoryRows, ct);
        LoadedBy = await loader.LoadedByAsync(Current.Concat(History), ct);
        CanLoad = await access.HasAsync(Permissions.MarketingWrite);
    }

    public sealed class UploadForm
    {
        public IndustryOptOutKind? Kind { get; set; }

        public string? Supplier { get; set; }

        public IFormFile? File { get; set; }
    }
}
