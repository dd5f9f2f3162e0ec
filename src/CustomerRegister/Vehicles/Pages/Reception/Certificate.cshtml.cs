using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Vehicles.Pages.Reception;

/// <summary>
/// One certificate at the desk (GET /api/vehicles/certificates/{id}): the identity code masked, revealed only for a
/// stated purpose (audited); the printable PDF without the code; the metal-credit payout next.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.VehicleRead)]
public sealed class CertificateModel(CertificateQueries queries, CertificatePrints prints, Access access) : PageModel
{
    public ScrappingCertificate Certificate { get; private set; } = null!;

    public string? RevealedIdentityCode { get; private set; }

    public string? RevealError { get; private set; }

    public bool MayReveal { get; private set; }

    public bool MayPay { get; private set; }

    public bool JustIssued { get; private set; }

    public bool MayIssue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await queries.GetAsync(id, null, null, ct);
        if (outcome.Value is not { } read)
        {
            return NotFound();
        }

        await LoadAsync(read.Item);
        JustIssued = TempData["Reception.Issued"] is true;
        return Page();
    }

    /// <summary>The certificate as a printable PDF in the page's language, without the identity code.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        using var print = (await prints.RenderAsync(id, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct)).Value;
        if (print is null)
        {
            return NotFound();
        }

        // Inline, so that a tablet opens it in its viewer to print; the viewer also saves it.
        Response.ContentType = CertificatePdf.ContentType;
        Response.Headers.ContentDisposition = $"inline; filename=\"{print.FileName}\"";
        Response.Headers.CacheControl = "no-store";
        await print.WriteAsync(Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>Reveals the identity code for the purpose stated (the API's ?reveal=identityCode with X-Purpose), audited.</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid id, string? purpose, CancellationToken ct)
    {
        var outcome = await queries.GetAsync(id, "identityCode", purpose ?? "", ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Value is { Forbidden: false } granted)
        {
            await LoadAsync(granted.Item);
            RevealedIdentityCode = granted.Value;
            return Page();
        }

        var current = await queries.GetAsync(id, null, null, ct);
        if (current.Value is not { } read)
        {
            return NotFound();
        }

        await LoadAsync(read.Item);
        (RevealError, Response.StatusCode) = outcome switch
        {
            { Value.Forbidden: true } => (Localization.UiText.Get("Reception.Certificate.RevealDenied"), StatusCodes.Status403Forbidden),
            { Conflict: not null } => (Localization.UiText.Get("Reception.Certificate.NoCodeKept"), StatusCodes.Status409Conflict),
            _ => (Localization.UiText.Get("Field.Invalid"), StatusCodes.Status400BadRequest),
        };
        return Page();
    }

    private async Task LoadAsync(ScrappingCertificate certificate)
    {
        Certificate = certificate;
        MayReveal = await access.HasAsync(Permissions.IdentityCodeReveal);
        MayPay = await access.HasAsync(Permissions.BillingWrite);
        MayIssue = await access.HasAsync(Permissions.VehicleWrite);
    }

    /// <summary>The purposes the identity code may be revealed for (the catalogue's uses of the category).</summary>
    public static IEnumerable<string> RevealPurposes => Categories.IdentityCode.Uses.Select(u => u.Purpose);
}
