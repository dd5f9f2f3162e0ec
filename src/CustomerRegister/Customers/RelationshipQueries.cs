using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>
/// Reading relationships, their contracts and services, audited; a restricted person's (Art 18) read as not found for
/// all but the DPO.
/// </summary>
public sealed class RelationshipQueries(RegisterDbContext db, AuditLog audit, ProcessingLimits limits)
{
    private static readonly LocalText PersonOrOrganisation = new(
        "Anna joko henkilö (subjectId) tai organisaatio (organisationId), ei molempia.",
        "Ange antingen person (subjectId) eller organisation (organisationId), inte båda.",
        "Give exactly one of subjectId and organisationId.");

    private static readonly string[] RelationshipFields = [Categories.CustomerRelationship.Id];
    private static readonly string[] ServiceFields = [Categories.OrderedServices.Id];

    /// <summary>The relationships of one customer: a consumer or sole trader (subject) or an organisation.</summary>
    public async Task<Outcome<List<CustomerRelationship>>> ListAsync(Guid? subjectId, Guid? organisationId, CancellationToken ct)
    {
        if ((subjectId is null) == (organisationId is null))
        {
            return Outcome.Invalid("subjectId", PersonOrOrganisation);
        }

        // A restricted person's relationships (Art 18) stay out of the list for all but the DPO.
        var query = await limits.VisibleAsync(db.Set<CustomerRelationship>().AsNoTracking(), r => r.SubjectId);
        query = subjectId is { } s ? query.Where(r => r.SubjectId == s) : query.Where(r => r.OrganisationId == organisationId);
        var rows = await query.OrderBy(r => r.StartDate).ThenBy(r => r.Id).ToListAsync(ct);
        foreach (var r in rows)
        {
            audit.Add(new AuditEntry("relationship.read", Purposes.CustomerRelationship, r.SubjectId, "customer_relationship",
                r.Id.ToString(), RelationshipFields));
        }

        await db.SaveChangesAsync(ct);
        return rows;
    }

    public async Task<Outcome<CustomerRelationship>> GetAsync(Guid id, CancellationToken ct)
    {
        if (await VisibleAsync(id, ct) is not { } relationship)
        {
            return Outcome.Missing;
        }

        await audit.WriteAsync(new AuditEntry("relationship.read", Purposes.CustomerRelationship, relationship.SubjectId,
            "customer_relationship", id.ToString(), RelationshipFields), ct);
        return relationship;
    }

    public async Task<Outcome<List<Contract>>> ContractsAsync(Guid relationshipId, CancellationToken ct)
    {
        if (await VisibleAsync(relationshipId, ct) is not { } relationship)
        {
            return Outcome.Missing;
        }

        var contracts = await db.Set<Contract>().AsNoTracking().Where(c => c.RelationshipId == relationshipId)
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("contract.list", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            relationshipId.ToString(), RelationshipFields), ct);
        return contracts;
    }

    public async Task<Outcome<Contract>> GetContractAsync(Guid id, CancellationToken ct)
    {
        var found = await (from c in db.Set<Contract>().AsNoTracking()
                           join r in db.Set<CustomerRelationship>() on c.RelationshipId equals r.Id
                           where c.Id == id
                           select new { Contract = c, r.SubjectId }).FirstOrDefaultAsync(ct);
        if (found is null || await limits.HidesAsync(found.SubjectId, ct))
        {
            return Outcome.Missing;
        }

        await audit.WriteAsync(new AuditEntry("contract.read", Purposes.CustomerRelationship, found.SubjectId, "contract",
            id.ToString(), RelationshipFields), ct);
        return found.Contract;
    }

    public async Task<Outcome<List<ServiceResponse>>> ServicesAsync(Guid relationshipId, CancellationToken ct)
    {
        if (await VisibleAsync(relationshipId, ct) is not { } relationship)
        {
            return Outcome.Missing;
        }

        var services = await LoadServicesAsync(db, [relationshipId], ct);
        await audit.WriteAsync(new AuditEntry("service.list", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            relationshipId.ToString(), ServiceFields), ct);
        return services;
    }

    /// <summary>An ordered service with its suspensions and cancellations.</summary>
    public async Task<Outcome<ServiceResponse>> GetServiceAsync(Guid id, CancellationToken ct)
    {
        var found = await (from s in db.Set<OrderedService>().AsNoTracking()
                           join r in db.Set<CustomerRelationship>() on s.RelationshipId equals r.Id
                           where s.Id == id
                           select new { Service = s, r.SubjectId }).FirstOrDefaultAsync(ct);
        if (found is null || await limits.HidesAsync(found.SubjectId, ct))
        {
            return Outcome.Missing;
        }

        var events = await EventsOfAsync(db, id, ct);
        await audit.WriteAsync(new AuditEntry("service.read", Purposes.CustomerRelationship, found.SubjectId, "ordered_service",
            id.ToString(), ServiceFields), ct);
        return found.Service.ToResponse(events);
    }

    /// <summary>The services of the relationships with their events, in order of ordering (not audited: callers audit).</summary>
    internal static async Task<List<ServiceResponse>> LoadServicesAsync(RegisterDbContext db, IReadOnlyCollection<Guid> relationshipIds,
        CancellationToken ct)
    {
        var services = await db.Set<OrderedService>().AsNoTracking().Where(s => relationshipIds.Contains(s.RelationshipId))
            .OrderBy(s => s.OrderedDate).ThenBy(s => s.Id).ToListAsync(ct);
        var serviceIds = services.Select(s => s.Id).ToList();
        var events = await db.Set<ServiceEvent>().AsNoTracking().Where(e => serviceIds.Contains(e.ServiceId)).ToListAsync(ct);
        return services.Select(s => s.ToResponse(events)).ToList();
    }

    internal static Task<List<ServiceEvent>> EventsOfAsync(RegisterDbContext db, Guid serviceId, CancellationToken ct) =>
        db.Set<ServiceEvent>().AsNoTracking().Where(e => e.ServiceId == serviceId).ToListAsync(ct);

    private async Task<CustomerRelationship?> VisibleAsync(Guid id, CancellationToken ct)
    {
        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return relationship is null || await limits.HidesAsync(relationship.SubjectId, ct) ? null : relationship;
    }
}
