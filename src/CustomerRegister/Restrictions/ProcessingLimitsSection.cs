using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Restrictions;

/// <summary>A restriction or objection in force, as the person's picture shows it.</summary>
public sealed record ProcessingLimitSummary(LimitKind Kind, RestrictionGround? Ground, DateTime SetAt);

/// <summary>Restrictions and objections in force, so that everyone who opens the person sees what they may not do.</summary>
public sealed class ProcessingLimitsSection : ISubjectSection
{
    public string Name => "processingLimits";

    public string ReadPermission => Permissions.CustomerRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.RightsRequest];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var rows = await db.Set<ProcessingLimit>().AsNoTracking().Where(l => l.SubjectId == subjectId && l.LiftedAt == null)
            .OrderBy(l => l.SetAt).ToListAsync(ct);
        return rows.Count == 0 ? null : rows.Select(r => new ProcessingLimitSummary(r.Kind, r.Ground, r.SetAt)).ToList();
    }
}
