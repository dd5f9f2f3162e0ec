using CustomerRegister.Billing;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Organisations;

/// <summary>
/// An organisation on one page: its details, contact persons, relationships with contracts and services, and its
/// invoices for a viewer who may read billing; the same queries as the API's organisation, relationship and invoice reads.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CustomerRead)]
public sealed class DetailsModel(OrganisationQueries views, RelationshipQueries relationships, InvoiceQueries invoices, Access access) : PageModel
{
    public Organisation? Organisation { get; private set; }

    public IReadOnlyList<ContactPerson> Contacts { get; private set; } = [];

    public IReadOnlyList<RelationshipDetail> Relationships { get; private set; } = [];

    /// <summary>Null when the viewer may not read billing (the panel then leaves no trace).</summary>
    public IReadOnlyList<InvoiceResponse>? Invoices { get; private set; }

    public bool MayWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Organisation = await views.GetAsync(id, ct);
        if (Organisation is null)
        {
            return NotFound();
        }

        MayWrite = await access.HasAsync(Permissions.CustomerWrite);
        Contacts = await views.ContactsAsync(id, ct);
        var found = await relationships.ListAsync(null, id, ct);
        var details = new List<RelationshipDetail>();
        foreach (var r in found.Value ?? [])
        {
            var contracts = await relationships.ContractsAsync(r.Id, ct);
            var services = await relationships.ServicesAsync(r.Id, ct);
            details.Add(new RelationshipDetail(r.ToResponse(), [.. (contracts.Value ?? []).Select(c => c.ToResponse())], services.Value ?? []));
        }

        Relationships = details;
        if (await access.HasAsync(Permissions.BillingRead))
        {
            Invoices = (await invoices.ListAsync(null, id, null, ct)).Value ?? [];
        }

        return Page();
    }
}
