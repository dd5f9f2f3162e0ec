using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>
/// Reading organisations and their contact persons, audited per person; shared by the API and the page.
/// Restricted people (Art 18) are left out for all but the DPO: a restricted sole trader reads as not found, restricted
/// contact persons are not listed.
/// </summary>
public sealed class OrganisationQueries(RegisterDbContext db, AuditLog audit, ProcessingLimits limits)
{
    private static readonly string[] ContactReadFields =
        [Categories.Name.Id, Categories.Role.Id, Categories.Phone.Id, Categories.Email.Id];

    public async Task<Outcome<Page<OrganisationResponse>>> ListAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        // A restricted sole trader (Art 18) stays out of the list for all but the DPO.
        var query = await limits.VisibleAsync(db.Set<Organisation>().AsNoTracking(), o => o.SubjectId);
        var page = await query.ByIdAsync(after, size, o => o.ToResponse(), ct);
        await audit.WriteAsync(new AuditEntry("organisation.list", Purposes.CustomerRelationship, EntityType: "organisation",
            Fields: [Categories.SoleTrader.Id]), ct);
        return page;
    }

    public async Task<Organisation?> GetAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null || await limits.HidesAsync(organisation.SubjectId, ct))
        {
            return null;
        }

        await audit.WriteAsync(new AuditEntry("organisation.read", Purposes.CustomerRelationship, organisation.SubjectId,
            "organisation", id.ToString(), [Categories.SoleTrader.Id]), ct);
        return organisation;
    }

    /// <summary>The visible contact persons of an organisation that is itself visible; missing otherwise.</summary>
    public async Task<Outcome<List<ContactPerson>>> ContactsOfAsync(Guid organisationId, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.SubjectId }).FirstOrDefaultAsync(ct);
        if (organisation is null || await limits.HidesAsync(organisation.SubjectId, ct))
        {
            return Outcome.Missing;
        }

        return await ContactsAsync(organisationId, ct);
    }

    /// <summary>The visible contact persons of an organisation the caller has already read.</summary>
    public async Task<List<ContactPerson>> ContactsAsync(Guid organisationId, CancellationToken ct)
    {
        var visible = await limits.VisibleAsync(db.Set<ContactPerson>().AsNoTracking(), c => c.SubjectId);
        var contacts = await visible.Where(c => c.OrganisationId == organisationId)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ToListAsync(ct);
        foreach (var c in contacts)
        {
            audit.Add(new AuditEntry("contact.read", Purposes.CustomerRelationship, c.SubjectId, "contact_person", c.Id.ToString(), ContactReadFields));
        }

        await db.SaveChangesAsync(ct);
        return contacts;
    }

    public async Task<ContactPerson?> GetContactAsync(Guid id, CancellationToken ct)
    {
        var contact = await db.Set<ContactPerson>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null || await limits.HidesAsync(contact.SubjectId, ct))
        {
            return null;
        }

        await audit.WriteAsync(new AuditEntry("contact.read", Purposes.CustomerRelationship, contact.SubjectId, "contact_person",
            id.ToString(), ContactReadFields), ct);
        return contact;
    }
}
