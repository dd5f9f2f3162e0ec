using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Adds a customer organisation; a sole trader gets a subject key, since their business data is personal.</summary>
public sealed class CreateOrganisation(RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock)
{
    public async Task<Outcome<Organisation>> RunAsync(OrganisationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = OrganisationInput.Read(request, errors);
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (await BusinessIds.TakenAsync(db, input.BusinessId, null, ct))
        {
            return BusinessIds.Duplicate;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation { Id = Guid.CreateVersion7(), Source = request.Source!.Value, CreatedAt = now };
        input.ApplyTo(organisation);
        BusinessIds.KeepSubject(db, organisation, now);
        db.Add(organisation);
        await CustomerEntries.KeepAsync(db, bans, organisation, isNew: true, ct);
        audit.Add(new AuditEntry("organisation.create", Purposes.CustomerRelationship, organisation.SubjectId, "organisation",
            organisation.Id.ToString(), Access.SetFields(db.Entry(organisation))));
        await db.SaveChangesAsync(ct);
        return organisation;
    }
}

/// <summary>Rules every write of an organisation shares.</summary>
internal static class BusinessIds
{
    public static readonly Failure Duplicate = Outcome.Conflict("businessId", new LocalText(
        "Toisella organisaatiolla on jo tämä Y-tunnus.",
        "En annan organisation har redan det här FO-numret.",
        "Another organisation already has this business ID."));

    /// <summary>Whether another organisation than <paramref name="exceptId"/> already has the business ID.</summary>
    public static async Task<bool> TakenAsync(RegisterDbContext db, string? businessId, Guid? exceptId, CancellationToken ct) =>
        businessId is not null && await db.Set<Organisation>().AnyAsync(o => o.BusinessId == businessId && o.Id != exceptId, ct);

    /// <summary>A sole trader is a person: the organisation gets a subject key the first time it is one.</summary>
    public static void KeepSubject(RegisterDbContext db, Organisation organisation, DateTime now)
    {
        if (organisation.IsSoleTrader && organisation.SubjectId is null)
        {
            var subject = Subject.New(SubjectKind.SoleTrader, now);
            db.Add(subject);
            organisation.SubjectId = subject.Id;
        }
    }
}
