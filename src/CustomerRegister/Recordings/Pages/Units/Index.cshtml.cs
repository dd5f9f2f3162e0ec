using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Recordings.Pages.Units;

/// <summary>
/// The production units with their CCTV periods (GET /api/production-units) and a new unit (POST, Retention.Run): the
/// administrator adds units; an existing unit's period is the DPO's to change (Recording.Configure). The list itself
/// holds no one's data, so any of those permissions or Recording.Read opens it.
/// </summary>
public sealed class IndexModel(ProductionUnits units, Access access) : PageModel
{
    public IReadOnlyList<ProductionUnit> Units { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public bool MayConfigure { get; private set; }

    public bool MayAdminister { get; private set; }

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AllowedAsync())
        {
            return Forbid();
        }

        Units = await units.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await AllowedAsync() || !MayCreate)
        {
            return Forbid();
        }

        var outcome = await units.CreateAsync(new ProductionUnitRequest(Input.Name, Input.Address, Input.CctvRetentionMonths, null), ct);
        if (ModelState.Show(outcome))
        {
            TempData[FormNotice.Key] = UiText.Format("Units.Created", outcome.Value!.Name);
            return Redirect("/admin/units");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Units = await units.ListAsync(ct);
        return Page();
    }

    private async Task<bool> AllowedAsync()
    {
        MayCreate = await access.HasAsync(Permissions.RetentionRun);
        MayConfigure = await access.HasAsync(Permissions.RecordingConfigure);
        MayAdminister = await access.HasAsync(Permissions.UsersManage);
        return MayCreate || MayConfigure || await access.HasAsync(Permissions.RecordingRead);
    }

    public sealed class UnitInput
    {
        public string? Name { get; set; }

        public string? Address { get; set; }

        public int? CctvRetentionMonths { get; set; }

        public long? Version { get; set; }
    }
}
