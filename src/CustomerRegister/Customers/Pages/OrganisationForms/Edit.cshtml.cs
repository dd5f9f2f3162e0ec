using CustomerRegister.Data;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.OrganisationForms;

/// <summary>An organisation's details as of the version read: the same use cases as GET and PUT /api/organisations/{id}.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class EditModel(OrganisationQueries organisations, UpdateOrganisation update) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public bool Stale { get; private set; }

    public IReadOnlyList<CurrentValue> Current { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await organisations.GetAsync(id, ct) is not { } organisation)
        {
            return NotFound();
        }

        Name = organisation.Name;
        Input = OrganisationForm.Of(organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await update.RunAsync(id, Input.ToRequest(), ct).CatchStale();
        if (outcome.IsStale())
        {
            if (await organisations.GetAsync(id, ct) is not { } saved)
            {
                return NotFound();
            }

            Stale = true;
            Name = saved.Name;
            Current =
            [
                CurrentValue.Of("Form.Customer.OrganisationName", saved.Name, Input.Name),
                CurrentValue.Of("Field.BusinessId", saved.BusinessId, Input.BusinessId),
                CurrentValue.Of("Form.Customer.Street", saved.Street, Input.Street),
                CurrentValue.Of("Form.Customer.PostalCode", saved.PostalCode, Input.PostalCode),
                CurrentValue.Of("Form.Customer.City", saved.City, Input.City),
                CurrentValue.Of("Form.Customer.IsSoleTrader", Display.YesNo(saved.IsSoleTrader), Display.YesNo(Input.IsSoleTrader)),
                CurrentValue.Of("Field.Source", UiText.Get("Source." + saved.Source), Input.Source is { } s ? UiText.Get("Source." + s) : null),
            ];
            ModelState.Remove("Input.Version");
            Input.Version = saved.Version;
            return Page();
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            Name = Input.Name ?? "";
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/organisations/{id}");
    }
}
