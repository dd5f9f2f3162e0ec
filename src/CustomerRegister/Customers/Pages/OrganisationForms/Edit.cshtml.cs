using CustomerRegister.Data;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.OrganisationForms;

/// <summary>An organisation's details as of the version read: the same use cases as GET and PUT /api/organisations/{id}.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class EditModel(OrganisationQueries organisations, UpdateOrganisation update) : VersionedFormModel<OrganisationForm>
{
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

            Name = saved.Name;
            return ShowSaved(OrganisationForm.Of(saved));
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

        return Saved($"/organisations/{id}");
    }
}
