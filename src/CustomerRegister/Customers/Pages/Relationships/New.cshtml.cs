using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Relationships;

/// <summary>
/// A new customer relationship of a consumer or sole trader (<c>/subjects/{id}</c>) or of an organisation
/// (<c>/organisations/{id}</c>): the same use case as POST /api/relationships; then the relationship's page.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class NewModel(CustomerFormQueries forms, OrganisationQueries organisations, CreateRelationship create, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public RelationshipForm Input { get; set; } = new();

    public string CustomerName { get; private set; } = "";

    public string Back { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string owner, Guid id, CancellationToken ct)
    {
        if (await CustomerAsync(owner, id, ct) is not { } customer)
        {
            return NotFound();
        }

        Input.StartDate = HelsinkiTime.Today(clock);
        Input.Source = customer.UsualSource;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, Guid id, CancellationToken ct)
    {
        if (await CustomerAsync(owner, id, ct) is not { } customer)
        {
            return NotFound();
        }

        var request = new RelationshipRequest(
            customer.OrganisationId is null ? customer.SubjectId : null, customer.OrganisationId,
            Input.CustomerNumber, Input.StartDate, null, null, Input.Source, null);
        var outcome = await create.RunAsync(request, ct);
        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/relationships/{outcome.Value!.Id}");
    }

    private async Task<FormCustomer?> CustomerAsync(string owner, Guid id, CancellationToken ct)
    {
        FormCustomer? customer;
        if (owner == "organisations")
        {
            customer = await organisations.GetAsync(id, ct) is { } o
                ? new FormCustomer(o.SubjectId ?? Guid.Empty, null, o.Id, o.Name, DataSource.CustomerOrganisation)
                : null;
            Back = $"/organisations/{id}";
        }
        else
        {
            customer = await forms.OfSubjectAsync(id, ct);
            Back = $"/subjects/{id}";
        }

        // A contact person is no customer of its own: their organisation is.
        if (customer is null || (customer.ConsumerId is null && customer.OrganisationId is null))
        {
            return null;
        }

        CustomerName = customer.Name;
        return customer;
    }
}

/// <summary>The relationship form's fields as typed.</summary>
public sealed class RelationshipForm
{
    public string? CustomerNumber { get; set; }

    public DateOnly? StartDate { get; set; }

    public DataSource? Source { get; set; }
}
