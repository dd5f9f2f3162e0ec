using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>
/// Reading an organisation and its contact persons, audited per person; shared by the API and the page.
/// Restricted people (Art 18) are left out for all but the DPO: a restricted sole trader reads as not found, restricted
/// contact persons are not listed.
/// </summary>
public sealed class OrganisationViews(RegisterDbContext db, AuditLog audit, ProcessingLimits limits)
{
    private static readonly string[] ContactFields =
        [Categories.Name.Id, Categories.Role.Id, Categories.Phone.Id, Categories.Email.Id];

    public async Task<Organisation?> GetAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is not null && await limits.HidesAsync(organisation.SubjectId, ct))
        {
            return null;
        }

        if (organisation is not null)
        {
            await audit.WriteAsync(new AuditEntry("organisation.read", Purposes.CustomerRelationship, organisation.SubjectId,
                "organisation", id.ToString(), [Categories.SoleTrader.Id]), ct);
        }

        return organisation;
    }

    public async Task<List<ContactPerson>> ContactsAsync(Guid organisationId, CancellationToken ct)
    {
        var visible = await limits.VisibleAsync(db.Set<ContactPerson>().AsNoTracking(), c => c.SubjectId);
        var contacts = await visible.Where(c => c.OrganisationId == organisationId)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ToListAsync(ct);
        foreach (var c in contacts)
        {
            audit.Add(new AuditEntry("contact.read", Purposes.CustomerRelationship, c.SubjectId, "contact_person", c.Id.ToString(), ContactFields));
        }

        await db.SaveChangesAsync(ct);
        return contacts;
    }
}
