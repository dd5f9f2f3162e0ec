using System.Linq.Expressions;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Restrictions;

/// <summary>
/// The one place that says whether a person's data may be used beyond storage: search, marketing, profiling and
/// exports ask here. Look-ups go by the indexed subject key, so the answer costs the same in any register size.
/// </summary>
public sealed class ProcessingLimits(RegisterDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http, Access access)
{
    public const string EntityType = "processing_limit";

    public static IQueryable<ProcessingLimit> Active(RegisterDbContext db, LimitKind kind) =>
        db.Set<ProcessingLimit>().AsNoTracking().Where(l => l.Kind == kind && l.LiftedAt == null);

    /// <summary>No profiling of a restricted person or of one who objected to it (Art 18, Art 21).</summary>
    public async Task<bool> MayProfileAsync(Guid subjectId, CancellationToken ct) =>
        !await db.Set<ProcessingLimit>().AsNoTracking().AnyAsync(l => l.SubjectId == subjectId && l.LiftedAt == null, ct);

    /// <summary>Whether the caller sees restricted people (Art 18) at all: with <c>Restricted.Read</c> only (the DPO).</summary>
    public Task<bool> ShowsRestrictedAsync() => access.HasAsync(Permissions.RestrictedRead);

    /// <summary>
    /// A list as the caller may see it: without the rows of restricted people unless the caller is the DPO. The filter is
    /// part of the SQL (an anti-join on the indexed subject key), so pages stay full. <paramref name="subjectOf"/> selects
    /// a row's person; a row of nobody (null: an organisation that is not a sole trader) is kept.
    /// </summary>
    public async Task<IQueryable<T>> VisibleAsync<T>(IQueryable<T> query, Expression<Func<T, Guid?>> subjectOf) =>
        await ShowsRestrictedAsync() ? query : query.Where(NotRestricted(db, subjectOf));

    /// <summary>The rows whose person is not restricted, as an expression EF translates.</summary>
    public static Expression<Func<T, bool>> NotRestricted<T>(RegisterDbContext db, Expression<Func<T, Guid?>> subjectOf)
    {
        var restricted = Active(db, LimitKind.Restriction);
        Expression<Func<Guid?, bool>> free = s => !restricted.Any(l => l.SubjectId == s);
        var body = new Substitute(free.Parameters[0], subjectOf.Body).Visit(free.Body);
        return Expression.Lambda<Func<T, bool>>(body, subjectOf.Parameters);
    }

    /// <summary>A single read: true when the person is restricted and the caller is not the DPO, so the read answers 404.</summary>
    public async Task<bool> HidesAsync(Guid? subjectId, CancellationToken ct) =>
        subjectId is { } s && (await HiddenAmongAsync([s], ct)).Count > 0;

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>The restricted among the given people; empty when the caller may see restricted data (the DPO).</summary>
    public async Task<HashSet<Guid>> HiddenAmongAsync(IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        if (subjectIds.Count == 0 || await ShowsRestrictedAsync())
        {
            return [];
        }

        return [.. await Active(db, LimitKind.Restriction).Where(l => subjectIds.Contains(l.SubjectId))
            .Select(l => l.SubjectId).Distinct().ToListAsync(ct)];
    }

    public Task<List<ProcessingLimit>> OfAsync(Guid subjectId, CancellationToken ct) =>
        db.Set<ProcessingLimit>().AsNoTracking().Where(l => l.SubjectId == subjectId).OrderBy(l => l.SetAt).ToListAsync(ct);

    /// <summary>Adds a limit unless the same kind is already in force; the caller saves. Returns the limit in force.</summary>
    public async Task<ProcessingLimit> AddAsync(Guid subjectId, LimitKind kind, RestrictionGround? ground, Guid? requestId, CancellationToken ct)
    {
        var existing = await db.Set<ProcessingLimit>()
            .FirstOrDefaultAsync(l => l.SubjectId == subjectId && l.Kind == kind && l.LiftedAt == null, ct);
        if (existing is not null)
        {
            return existing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var limit = new ProcessingLimit
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Source = DataSource.OwnSystems,
            Kind = kind,
            Ground = ground,
            RequestId = requestId,
            SetAt = now,
            SetBy = AuditLog.Actor(http.HttpContext?.User).Id,
        };
        db.Add(limit);
        audit.Add(new AuditEntry($"{EntityType}.set", Purposes.DataSubjectRights, subjectId, EntityType, limit.Id.ToString(),
            [Categories.RightsRequest.Id]));
        return limit;
    }

    /// <summary>Lifts the limit in force; the row stays with who lifted it, when and why. Null when none is in force.</summary>
    public async Task<ProcessingLimit?> LiftAsync(Guid subjectId, LimitKind kind, string reason, CancellationToken ct)
    {
        var limit = await db.Set<ProcessingLimit>()
            .FirstOrDefaultAsync(l => l.SubjectId == subjectId && l.Kind == kind && l.LiftedAt == null, ct);
        if (limit is null)
        {
            return null;
        }

        limit.LiftedAt = clock.GetUtcNow().UtcDateTime;
        limit.LiftedBy = AuditLog.Actor(http.HttpContext?.User).Id;
        limit.LiftReason = reason;
        audit.Add(new AuditEntry($"{EntityType}.lift", Purposes.DataSubjectRights, subjectId, EntityType, limit.Id.ToString(),
            ["lifted_at", "lift_reason"]));
        await db.SaveChangesAsync(ct);
        return limit;
    }
}
