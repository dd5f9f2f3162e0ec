using System.Globalization;
using System.Text.Json;
using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using CustomerRegister.Retention;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Erasure.Pages;

/// <summary>
/// <c>/requests/{id}/erasure</c>: the dry run of an erasure request (per category what is deleted, emptied, anonymised
/// or kept, with the law and the date it leaves) and only under it the confirm button; once erased, the certificate
/// with its download. The same use cases as <c>GET /api/requests/{id}/erasure-preview</c>, <c>POST …/erase</c> and
/// <c>GET …/erasure-certificate</c>.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class ErasureModel(ErasureHandling erasure, RetentionDates dates, RequestJobs requestJobs) : PageModel
{
    public Guid Id { get; private set; }

    public ErasurePreview? Preview { get; private set; }

    public ErasureReport? Certificate { get; private set; }

    public ErasureSummary? Summary { get; private set; }

    /// <summary>The erasure running (or ended) in the background for a large person, or null.</summary>
    public Infrastructure.Jobs.JobStatus? Job { get; private set; }

    /// <summary>Why there is no preview (the request is not matched to a person yet).</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The request's version the user saw with the preview.</summary>
    [BindProperty]
    public long? Version { get; set; }

    [BindProperty]
    public bool Reviewed { get; set; }

    public IEnumerable<string> ActionErrors => ModelState.Where(e => e.Key != nameof(Reviewed))
        .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).Distinct();

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!Reviewed)
        {
            ModelState.AddModelError(nameof(Reviewed), UiText.Get("Erasure.Confirm.ReviewedRequired"));
        }
        else if (await LargeAsync(id, ct) is { } items)
        {
            // A big profile: the erasure runs as a job; its page shows the progress and links to the certificate.
            return Redirect(Infrastructure.Jobs.Pages.JobPages.Href(requestJobs.Erase(id, Version, items, User).Id));
        }
        else
        {
            var outcome = await erasure.EraseAsync(id, Version, ct).CatchStale();
            if (outcome.NotFound)
            {
                return NotFound();
            }

            if (ModelState.Show(outcome, ""))
            {
                TempData[FormNotice.Key] = UiText.Get("Erasure.Done");
                return RedirectToPage(new { id });
            }
        }

        Reviewed = false;
        ModelState.Remove(nameof(Reviewed) + ".Value");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The certificate as the API gives it, as a file.</summary>
    public async Task<IActionResult> OnGetCertificateAsync(Guid id, CancellationToken ct)
    {
        var certificate = await erasure.CertificateAsync(id, ct);
        return certificate.IsOk
            ? File(JsonSerializer.SerializeToUtf8Bytes(certificate.Value, ErasureHandling.Json), "application/json", $"erasure-certificate-{id}.json")
            : NotFound();
    }

    private async Task<long?> LargeAsync(Guid id, CancellationToken ct) =>
        (await erasure.PreviewAsync(id, Language, ct)).Value is { Refusal: null } preview ? await requestJobs.LargeAsync(preview.SubjectId, ct) : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Job = requestJobs.LatestOf(id);
        var preview = await erasure.PreviewAsync(id, Language, ct);
        if (preview.NotFound || preview.Conflict?.Field == "type")
        {
            return false;
        }

        if (preview.IsOk)
        {
            Preview = preview.Value!;
            Version = Preview.Version;
            Summary = ErasureSummary.Of(Preview.Erased, Preview.Kept, Preview.MarketingBansKept.Select(c => c.ToString()), dates, Language);
        }
        else if (preview.Conflict?.Field == "state")
        {
            var certificate = await erasure.CertificateAsync(id, ct);
            if (!certificate.IsOk)
            {
                return false;
            }

            Certificate = certificate.Value!;
            Summary = ErasureSummary.Of(Certificate.Erased, Certificate.Kept, Certificate.MarketingBansKept, dates, Language);
        }
        else
        {
            Unavailable = UiText.Get("Erasure.NotMatched");
        }

        return true;
    }
}
