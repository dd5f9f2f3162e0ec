using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Adds a contact person to an organisation, with a subject key of their own.</summary>
public sealed class CreateContactPerson(RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock)
{
    public async Task<Outcome<ContactPerson>> RunAsync(Guid organisationId, ContactPersonRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ContactInput.Read(request, errors, HelsinkiTime.Today(clock));
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (!await db.Set<Organisation>().AnyAsync(o => o.Id == organisationId, ct))
        {
            return Outcome.Missing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = Subject.New(SubjectKind.ContactPerson, now);
        var contact = new ContactPerson
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subject.Id,
            OrganisationId = organisationId,
            Source = request.Source!.Value,
            CreatedAt = now,
        };
        input.ApplyTo(contact);
        db.Add(subject);
        db.Add(contact);
        await CustomerEntries.KeepAsync(db, bans, contact, isNew: true, ct);
        audit.Add(new AuditEntry("contact.create", Purposes.CustomerRelationship, subject.Id, "contact_person", contact.Id.ToString(),
            Access.SetFields(db.Entry(contact))));
        await db.SaveChangesAsync(ct);
        return contact;
    }
}
