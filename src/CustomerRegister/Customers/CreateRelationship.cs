using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Begins a customer relationship of a consumer or an organisation; its number becomes a search term of the customer.</summary>
public sealed class CreateRelationship(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly LocalText ConsumerOrOrganisation = new(
        "Anna joko kuluttaja-asiakas (subjectId) tai organisaatio (organisationId), ei molempia.",
        "Ange antingen konsumentkund (subjectId) eller organisation (organisationId), inte båda.",
        "Give exactly one of subjectId (a consumer) and organisationId.");

    private static readonly LocalText NoSuchConsumer = new(
        "Tällä tunnisteella ei löydy kuluttaja-asiakasta; yritysasiakkaalle anna organisaatio (organisationId).",
        "Ingen konsumentkund har den här nyckeln; för ett företag ange organisationen (organisationId).",
        "No consumer has this subject key; for a business give organisationId.");

    private static readonly LocalText NoSuchOrganisation = new(
        "Organisaatiota ei löydy.",
        "Organisationen finns inte.",
        "No such organisation.");

    public async Task<Outcome<CustomerRelationship>> RunAsync(RelationshipRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = RelationshipInput.Read(request, errors, HelsinkiTime.Today(clock));
        errors.RequiredSource(request.Source);
        if ((request.SubjectId is null) == (request.OrganisationId is null))
        {
            errors.Add("subjectId", ConsumerOrOrganisation);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var customer = await CodeIndex.CustomerOfAsync(db, request.SubjectId, request.OrganisationId, ct);
        if (customer is null)
        {
            return request.OrganisationId is null
                ? Outcome.Invalid("subjectId", NoSuchConsumer)
                : Outcome.Invalid("organisationId", NoSuchOrganisation);
        }

        if (await db.Set<CustomerRelationship>().AnyAsync(r => r.CustomerNumber == input.Number, ct))
        {
            return RelationshipInput.DuplicateNumber;
        }

        var relationship = new CustomerRelationship
        {
            Id = Guid.CreateVersion7(),
            Source = request.Source!.Value,
            OrganisationId = request.OrganisationId,
            SubjectId = customer.SubjectId,
        };
        input.ApplyTo(relationship);
        db.Add(relationship);
        CodeIndex.Add(db, customer, input.Number);
        audit.Add(new AuditEntry("relationship.create", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            relationship.Id.ToString(), Access.SetFields(db.Entry(relationship))));
        await db.SaveChangesAsync(ct);
        return relationship;
    }
}
