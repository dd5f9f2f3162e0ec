using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Replaces a relationship's number, dates and status as of the version read; its customer stays.</summary>
public sealed class UpdateRelationship(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly LocalText CustomerFixed = new(
        "Asiakkuuden asiakasta ei voi vaihtaa.",
        "Kundrelationens kund kan inte bytas.",
        "The customer of a relationship cannot be changed.");

    public async Task<Outcome<CustomerRelationship>> RunAsync(Guid id, RelationshipRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = RelationshipInput.Read(request, errors, HelsinkiTime.Today(clock));
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var relationship = await db.Set<CustomerRelationship>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return Outcome.Missing;
        }

        if (request.SubjectId is { } s && s != relationship.SubjectId)
        {
            errors.Add("subjectId", CustomerFixed);
        }

        if (request.OrganisationId is { } o && o != relationship.OrganisationId)
        {
            errors.Add("organisationId", CustomerFixed);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (await db.Set<CustomerRelationship>().AnyAsync(r => r.CustomerNumber == input.Number && r.Id != id, ct))
        {
            return RelationshipInput.DuplicateNumber;
        }

        var customer = await CodeIndex.CustomerOfAsync(db, relationship.SubjectId, relationship.OrganisationId, ct);
        if (customer is not null && relationship.CustomerNumber != input.Number)
        {
            await CodeIndex.ReplaceAsync(db, customer, relationship.CustomerNumber, input.Number, ct);
        }

        var changed = VersionedUpdate.Apply(db, relationship, request.Version!.Value, r =>
        {
            // An organisation made a sole trader after the relationship began now has a subject: follow it.
            r.SubjectId = customer?.SubjectId ?? r.SubjectId;
            input.ApplyTo(r);
            r.Source = request.Source ?? r.Source;
        });
        audit.Add(new AuditEntry("relationship.update", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return relationship;
    }
}
