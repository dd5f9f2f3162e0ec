using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.OrganisationForms;

/// <summary>A new organisation: the same use case as POST /api/organisations; then the organisation's page.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class NewModel(CreateOrganisation create) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public void OnGet() => Input.Source = Catalog.DataSource.CustomerOrganisation;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await create.RunAsync(Input.ToRequest(), ct);
        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/organisations/{outcome.Value!.Id}");
    }
}
