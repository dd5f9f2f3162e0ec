using CustomerRegister.Customers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Organisations;

[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerRead)]
public sealed class DetailsModel(OrganisationQueries views) : PageModel
{
    public Organisation? Organisation { get; private set; }

    public IReadOnlyList<ContactPerson> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Organisation = await views.GetAsync(id, ct);
        if (Organisation is null)
        {
            return NotFound();
        }

        Contacts = await views.ContactsAsync(id, ct);
        return Page();
    }
}
