using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Recordings.Pages.Units;

/// <summary>Changes a unit and its CCTV period as of the version read (PUT /api/production-units/{id}): the DPO only.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RecordingConfigure)]
public sealed class EditModel(ProductionUnits units) : PageModel
{
    [BindProperty]
    public IndexModel.UnitInput Input { get; set; } = new();

    /// <summary>After a stale save: the values saved meanwhile (the user's input is kept in the form).</summary>
    public ProductionUnit? Current { get; private set; }

    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await units.GetAsync(id, ct)).Value is not { } unit)
        {
            return NotFound();
        }

        Input = new IndexModel.UnitInput
        {
            Name = unit.Name,
            Address = unit.Address,
            CctvRetentionMonths = unit.CctvRetentionMonths,
            Version = unit.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await units.UpdateAsync(id, new ProductionUnitRequest(Input.Name, Input.Address, Input.CctvRetentionMonths, Input.Version), ct)
            .CatchStale();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (ModelState.Show(outcome))
        {
            TempData[FormNotice.Key] = UiText.Format("Units.Saved", outcome.Value!.Name);
            return Redirect("/admin/units");
        }

        if (outcome.IsStale())
        {
            Stale = true;
            Current = (await units.GetAsync(id, ct)).Value;
            Input.Version = Current?.Version;
            ModelState.Remove("Input.Version");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
