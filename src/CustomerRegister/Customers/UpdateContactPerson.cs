using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Replaces a contact person's details (and records the end of their role) as of the version read.</summary>
public sealed class UpdateContactPerson(RegisterDbContext db, SubjectRecordWrites writes, MarketingBans bans, TimeProvider clock)
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

        return await writes.UpdateAsync<ContactPerson>(id, request.Version!.Value, c =>
        {
            input.ApplyTo(c);
            c.Source = request.Source ?? c.Source;
        }, "contact_person", ct, c => CustomerEntries.KeepAsync(db, bans, c, isNew: false, ct), "contact.update");
    }
}
