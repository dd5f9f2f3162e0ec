using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Contacts;

/// <summary>A new contact person of an organisation: the same use case as POST /api/organisations/{id}/contacts; then the person's page.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class NewModel(OrganisationQueries organisations, CreateContactPerson create) : PageModel
{
    [BindProperty]
    public ContactForm Input { get; set; } = new();

    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await organisations.GetAsync(id, ct) is not { } organisation)
        {
            return NotFound();
        }

        OrganisationName = organisation.Name;
        Input.Source = Catalog.DataSource.CustomerOrganisation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await organisations.GetAsync(id, ct) is not { } organisation)
        {
            return NotFound();
        }

        OrganisationName = organisation.Name;
        var outcome = await create.RunAsync(id, Input.ToRequest(), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/subjects/{outcome.Value!.SubjectId}");
    }
}
