using System.Globalization;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Billing.Pages;

/// <summary>
/// The collection hand-over for billing staff: the agencies with cases waiting, each sent as the agency's file (the same
/// <see cref="ExportCollectionCases"/> as the API, a disclosure), and the agency's status file brought in
/// (<see cref="ImportCollectionStatuses"/>: all rows or none, each refusal naming its row).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.BillingRead)]
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.BillingWrite)]
public sealed class CollectionModel(ExportCollectionCases export, ImportCollectionStatuses import) : PageModel
{
    public IReadOnlyList<(string AgencyName, int Cases)> Waiting { get; private set; } = [];

    /// <summary>The refusals of the last send or upload, in the page's language: file-level first, then per row.</summary>
    public List<string> Refusals { get; } = [];

    [BindProperty]
    public IFormFile? StatusFile { get; set; }

    [TempData(Key = BillingPages.NoticeKey)]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Waiting = await export.WaitingByAgencyAsync(ct);

    public async Task<IActionResult> OnPostSendAsync(string? agencyName, CancellationToken ct)
    {
        var outcome = await export.WaitingAsync(agencyName, ct);
        if (outcome.IsOk)
        {
            return File(outcome.Value!.Content, CollectionFile.ContentType + "; charset=utf-8", outcome.Value.FileName);
        }

        return await RefusedAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        byte[]? content = null;
        if (StatusFile is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var outcome = await import.RunAsync(content, ct);
        if (outcome.IsOk)
        {
            Notice = UiText.Format("Collection.Import.Saved", outcome.Value!.Updated, outcome.Value.Closed);
            return RedirectToPage();
        }

        return await RefusedAsync(outcome, ct);
    }

    private async Task<IActionResult> RefusedAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (outcome.Errors is { } errors)
        {
            foreach (var (field, messages) in errors.Messages)
            {
                foreach (var message in messages)
                {
                    if (field == ImportCollectionStatuses.FileField)
                    {
                        ModelState.AddModelError(nameof(StatusFile), message.In(language));
                    }
                    else
                    {
                        Refusals.Add(message.In(language));
                    }
                }
            }
        }

        if (outcome.Conflict is { } conflict)
        {
            Refusals.Add(conflict.Message.In(language));
        }

        Waiting = await export.WaitingByAgencyAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
