using CustomerRegister.Data;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Whom a form is about: the person or organisation behind a subject key, as the staff forms address them.</summary>
public sealed record FormCustomer(Guid SubjectId, Guid? ConsumerId, Guid? OrganisationId, string Name, Catalog.DataSource UsualSource);

/// <summary>
/// The small look-ups the staff forms need before they call a use case: the consumer behind a subject key (the forms
/// are addressed by subject, the use cases by record) and the name shown in a form's heading. A subject whose
/// processing is restricted is not found, as in the API.
/// </summary>
public sealed class CustomerFormQueries(RegisterDbContext db, ProcessingLimits limits)
{
    public async Task<FormCustomer?> OfSubjectAsync(Guid subjectId, CancellationToken ct)
    {
        if (await limits.HidesAsync(subjectId, ct))
        {
            return null;
        }

        var consumer = await db.Set<Consumer>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => new { c.Id, c.FirstName, c.LastName }).FirstOrDefaultAsync(ct);
        if (consumer is not null)
        {
            return new(subjectId, consumer.Id, null, $"{consumer.LastName}, {consumer.FirstName}", Catalog.DataSource.Consumer);
        }

        var business = await db.Set<Organisation>().AsNoTracking().Where(o => o.SubjectId == subjectId)
            .Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct);
        if (business is not null)
        {
            return new(subjectId, null, business.Id, business.Name, Catalog.DataSource.CustomerOrganisation);
        }

        var contact = await db.Set<ContactPerson>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => new { c.FirstName, c.LastName }).FirstOrDefaultAsync(ct);
        return contact is null
            ? null
            : new(subjectId, null, null, $"{contact.LastName}, {contact.FirstName}", Catalog.DataSource.CustomerOrganisation);
    }

    /// <summary>The name of a relationship's customer and the page it lives on.</summary>
    public async Task<(string Name, string Href)> CustomerOfAsync(CustomerRelationship relationship, CancellationToken ct)
    {
        if (relationship.OrganisationId is { } organisationId)
        {
            var name = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
            return (name ?? "", $"/organisations/{organisationId}");
        }

        var subjectId = relationship.SubjectId!.Value;
        var customer = await OfSubjectAsync(subjectId, ct);
        return (customer?.Name ?? "", $"/subjects/{subjectId}");
    }
}
