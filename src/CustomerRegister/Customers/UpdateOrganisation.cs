using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Replaces an organisation's details as of the version read; one made a sole trader gets a subject key.</summary>
public sealed class UpdateOrganisation(RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock)
{
    public async Task<Outcome<Organisation>> RunAsync(Guid id, OrganisationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = OrganisationInput.Read(request, errors);
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var organisation = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return Outcome.Missing;
        }

        if (await BusinessIds.TakenAsync(db, input.BusinessId, id, ct))
        {
            return BusinessIds.Duplicate;
        }

        var changed = VersionedUpdate.Apply(db, organisation, request.Version!.Value, o =>
        {
            input.ApplyTo(o);
            o.Source = request.Source ?? o.Source;
            BusinessIds.KeepSubject(db, o, clock.GetUtcNow().UtcDateTime);
        });
        await CustomerEntries.KeepAsync(db, bans, organisation, isNew: false, ct);
        audit.Add(new AuditEntry("organisation.update", Purposes.CustomerRelationship, organisation.SubjectId, "organisation",
            id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return organisation;
    }
}
