using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Replaces a contact person's details (and records the end of their role) as of the version read.</summary>
public sealed class UpdateContactPerson(RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock)
{
    public async Task<Outcome<ContactPerson>> RunAsync(Guid id, ContactPersonRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ContactInput.Read(request, errors, HelsinkiTime.Today(clock));
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var contact = await db.Set<ContactPerson>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return Outcome.Missing;
        }

        var changed = VersionedUpdate.Apply(db, contact, request.Version!.Value, c =>
        {
            input.ApplyTo(c);
            c.Source = request.Source ?? c.Source;
        });
        await CustomerEntries.KeepAsync(db, bans, contact, isNew: false, ct);
        audit.Add(new AuditEntry("contact.update", Purposes.CustomerRelationship, contact.SubjectId, "contact_person", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return contact;
    }
}
