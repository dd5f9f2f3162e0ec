using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pdf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Vehicles.Pages.Reception;

/// <summary>
/// One certificate at the desk (GET /api/vehicles/certificates/{id}): the identity code masked, revealed only for a
/// stated purpose (audited); the printable PDF without the code; the metal-credit payout next.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.VehicleRead)]
public sealed class CertificateModel(CertificateQueries queries, Access access, IOptions<VehiclesOptions> options) : PageModel
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
        var outcome = await queries.GetAsync(id, null, null, ct);
        if (outcome.Value is not { } read)
        {
            return NotFound();
        }

        var document = CertificatePdf.Render(read.Item, options.Value.Issuer, CultureInfo.CurrentUICulture);
        Response.ContentType = CertificatePdf.ContentType;
        Response.Headers.ContentDisposition = $"inline; filename=\"{CertificatePdf.FileName(read.Item)}\"";
        Response.Headers.CacheControl = "no-store";
        await PdfOutput.WriteAsync(document, Response.Body, ct);
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
