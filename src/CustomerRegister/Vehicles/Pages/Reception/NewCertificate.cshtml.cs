using CustomerRegister.Catalog;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Vehicles.Pages.Reception;

/// <summary>Issues a scrapping certificate to the chosen owner: the use case of POST /api/vehicles/certificates.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.VehicleWrite)]
public sealed class NewCertificateModel(ReceptionDesk desk, IssueCertificate issue) : PageModel
{
    public const string IdentityCodeKey = "Input.IdentityCode";

    public DeskOwner? Owner { get; private set; }

    [BindProperty]
    public CertificateInput Input { get; set; } = new();

    public static IEnumerable<SelectListItem> VehicleClasses =>
        VehicleRules.VehicleClasses.Select(c => new SelectListItem(c, c));

    public async Task<IActionResult> OnGetAsync(Guid? subjectId, CancellationToken ct)
    {
        Owner = subjectId is { } id ? await desk.OwnerAsync(id, ct) : null;
        if (Owner is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? subjectId, CancellationToken ct)
    {
        Owner = subjectId is { } id ? await desk.OwnerAsync(id, ct) : null;
        if (Owner is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var request = new CertificateRequest(Input.CertificateNumber, null, Input.RegistrationNumber, Input.Vin, Input.Make, Input.Model,
            Input.VehicleClass, Owner.ConsumerId, Input.IdentityCode, Input.Nationality, DataSource.Consumer);
        var outcome = await issue.RunAsync(request, ct);
        if (ModelState.Show(outcome))
        {
            TempData["Reception.Issued"] = true;
            return Redirect($"/reception/certificates/{outcome.Value!.Id}");
        }

        Response.StatusCode = outcome.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    public sealed class CertificateInput
    {
        public string? CertificateNumber { get; set; }

        public string? RegistrationNumber { get; set; }

        public string? Vin { get; set; }

        public string? Make { get; set; }

        public string? Model { get; set; }

        public string? VehicleClass { get; set; } = "M1";

        public string? IdentityCode { get; set; }

        public string? Nationality { get; set; } = "FI";
    }
}
