using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Subjects;

public sealed record ContactRole(ContactPersonResponse Contact, string OrganisationName);

/// <summary>One person's whole picture: every record that carries the subject key, read by indexed look-ups.</summary>
public sealed record SubjectPicture(
    Guid SubjectId,
    SubjectKind Kind,
    DateTime CreatedAt,
    ConsumerResponse? Consumer,
    IReadOnlyList<ContactRole> ContactRoles,
    OrganisationResponse? SoleTraderBusiness,
    IReadOnlyDictionary<string, object> Sections);

/// <summary>Builds one person's whole picture (the API and the staff page both use it) and audits the read.</summary>
public sealed class SubjectPictures(RegisterDbContext db, AuditLog audit, Access access, IEnumerable<ISubjectSection> sections)
{
    public async Task<SubjectPicture?> GetAsync(Guid id, CancellationToken ct)
    {
        var subject = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
        {
            return null;
        }
        var consumer = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.SubjectId == id, ct);
        var contacts = await (from c in db.Set<ContactPerson>().AsNoTracking()
                              join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                              where c.SubjectId == id
                              select new { Contact = c, o.Name }).ToListAsync(ct);
        var business = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.SubjectId == id, ct);

        var categories = new List<string>();
        if (consumer is not null)
        {
            categories.AddRange([Categories.Name.Id, Categories.Address.Id, Categories.Phone.Id, Categories.Email.Id, Categories.BankAccount.Id]);
        }

        if (contacts.Count > 0)
        {
            categories.AddRange([Categories.Name.Id, Categories.Role.Id, Categories.Phone.Id, Categories.Email.Id]);
        }

        if (business is not null)
        {
            categories.Add(Categories.SoleTrader.Id);
        }

        var loaded = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            if (await access.HasAsync(section.ReadPermission) && await section.LoadAsync(db, id, ct) is { } items)
            {
                loaded[section.Name] = items;
                categories.AddRange(section.Categories.Select(c => c.Id));
            }
        }

        await audit.WriteAsync(new AuditEntry("subject.read", Purposes.CustomerRelationship, id, "subject", id.ToString(),
            categories.Distinct()), ct);
        return new SubjectPicture(subject.Id, subject.Kind, subject.CreatedAt, consumer?.ToResponse(),
            contacts.Select(c => new ContactRole(c.Contact.ToResponse(), c.Name)).ToList(), business?.ToResponse(), loaded);
    }
}
