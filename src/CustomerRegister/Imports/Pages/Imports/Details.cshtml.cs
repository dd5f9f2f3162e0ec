using System.Globalization;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Imports.Pages.Imports;

/// <summary>
/// One file (<c>/imports/{id}</c>): its provenance, the dry run's or import's counts, the report by row (paged, filtered
/// by outcome, downloadable as CSV), and the confirm and discard buttons — the API's use cases.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.ImportRun)]
public sealed class DetailsModel(ImportQueries queries, ImportBatches batches, BackgroundJobs jobs) : PageModel
{
    public ImportBatchView Batch { get; private set; } = null!;

    public IReadOnlyList<ImportRowView> Rows { get; private set; } = [];

    public JobStatus? Job { get; private set; }

    [BindProperty(SupportsGet = true)]
    public RowAction? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public int After { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public List<string> Errors { get; } = [];

    public bool MayConfirm => Batch is { State: ImportState.Checked, Counts.Refused: 0 };

    public bool MayDiscard => Batch.State is ImportState.Checked or ImportState.Failed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } batch)
        {
            return NotFound();
        }

        Response.ContentType = ImportFile.ContentType + "; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{ImportsEndpoints.ReportName(batch)}\"";
        await queries.WriteReportAsync(id, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Response.Body, ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var outcome = await batches.ConfirmAsync(id, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return Redirect($"/jobs/{outcome.Value!.JobId}");
        }

        return await RefusedAsync(id, outcome, ct);
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct)
    {
        var outcome = await batches.DiscardAsync(id, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            Notice = UiText.Get("Imports.Saved.Discarded");
            return Redirect($"/imports/{id}");
        }

        return await RefusedAsync(id, outcome, ct);
    }

    /// <summary>The record a row created or matched: the person's page, or an organisation's.</summary>
    public static string? RecordHref(ImportRowView row) => row switch
    {
        { SubjectId: { } s } => $"/subjects/{s}",
        { RecordType: "organisation", RecordId: { } o } => $"/organisations/{o}",
        _ => null,
    };

    private async Task<IActionResult> RefusedAsync<T>(Guid id, Infrastructure.Outcome<T> outcome, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Show(outcome, "");
        Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } batch)
        {
            return false;
        }

        Batch = batch;
        Rows = await queries.RowsAsync(id, Show, Math.Max(After, 0), ImportQueries.ReportPage, ct);
        Job = batch.State is ImportState.Checking or ImportState.Importing ? jobs.LatestOf($"import:{id}") : null;
        return true;
    }
}
