using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>The person's customer relationships (as a consumer or a sole trader) with their contracts and services.</summary>
public sealed class RelationshipsSection : ISubjectSection
{
    public string Name => "relationships";

    public string ReadPermission => Permissions.CustomerRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.CustomerRelationship, Catalog.Categories.OrderedServices];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        // Also through the sole trader's organisation, in case it became a sole trader after the relationship began.
        // Two indexed look-ups rather than one OR, which the planner would answer with a scan of every relationship.
        var relationships = await db.Set<CustomerRelationship>().AsNoTracking().Where(r => r.SubjectId == subjectId).ToListAsync(ct);
        var businesses = await db.Set<Organisation>().AsNoTracking().Where(o => o.SubjectId == subjectId).Select(o => (Guid?)o.Id).ToListAsync(ct);
        if (businesses.Count > 0)
        {
            var known = relationships.Select(r => r.Id).ToHashSet();
            relationships.AddRange((await db.Set<CustomerRelationship>().AsNoTracking()
                .Where(r => businesses.Contains(r.OrganisationId)).ToListAsync(ct)).Where(r => !known.Contains(r.Id)));
        }

        relationships = [.. relationships.OrderBy(r => r.StartDate).ThenBy(r => r.Id)];
        if (relationships.Count == 0)
        {
            return null;
        }

        var ids = relationships.Select(r => r.Id).ToList();
        var contracts = await db.Set<Contract>().AsNoTracking().Where(c => ids.Contains(c.RelationshipId))
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToListAsync(ct);
        var services = await RelationshipQueries.LoadServicesAsync(db, ids, ct);
        return relationships.Select(r => new RelationshipDetail(r.ToResponse(),
            contracts.Where(c => c.RelationshipId == r.Id).Select(c => c.ToResponse()).ToList(),
            services.Where(s => s.RelationshipId == r.Id).ToList())).ToList();
    }
}

public sealed class ContactHistorySection : ISubjectSection
{
    public string Name => "contactHistory";

    public string ReadPermission => Permissions.CustomerRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.ContactHistory];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var rows = await db.Set<ContactHistoryEntry>().AsNoTracking().Where(e => e.SubjectId == subjectId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        return rows.Count == 0 ? null : rows.Select(e => e.ToResponse()).ToList();
    }
}

public sealed class FeedbackSection : ISubjectSection
{
    public string Name => "feedback";

    public string ReadPermission => Permissions.CustomerRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.Feedback];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var rows = await db.Set<Feedback>().AsNoTracking().Where(f => f.SubjectId == subjectId)
            .OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).ToListAsync(ct);
        return rows.Count == 0 ? null : rows.Select(f => f.ToResponse()).ToList();
    }
}

public sealed class AdditionalInfoSection : ISubjectSection
{
    public string Name => "additionalInfo";

    public string ReadPermission => Permissions.CustomerRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.AdditionalInfo];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var rows = await db.Set<AdditionalInfo>().AsNoTracking().Where(a => a.SubjectId == subjectId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(ct);
        return rows.Count == 0 ? null : rows.Select(a => a.ToResponse()).ToList();
    }
}
