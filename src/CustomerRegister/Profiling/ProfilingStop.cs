using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerRegister.Profiling;

/// <summary>
/// Removes a person's profiling results in the same save that sets a restriction or an objection to profiling on them
/// (<see cref="ProcessingLimit"/>), whichever path sets it (a request, an erasure's remainder): at once and all or
/// nothing, with one audit event per person whose results went. The runs leave them out from then on
/// (<see cref="ProfileQueries.Blocked"/>).
/// </summary>
internal sealed class ProfilingStop(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RegisterDbContext db)
        {
            await RemoveAsync(db, cancellationToken);
        }

        return result;
    }

    private async Task RemoveAsync(RegisterDbContext db, CancellationToken ct)
    {
        var subjects = db.ChangeTracker.Entries<ProcessingLimit>()
            .Where(e => e.State == EntityState.Added && e.Entity.LiftedAt == null).Select(e => e.Entity.SubjectId).Distinct().ToList();
        if (subjects.Count == 0)
        {
            return;
        }

        var results = await db.Set<ProfileResult>().Where(r => subjects.Contains(r.SubjectId)).ToListAsync(ct);
        if (results.Count == 0)
        {
            return;
        }

        db.RemoveRange(results);
        var audit = new AuditLog(db, http, clock);
        foreach (var subject in results.Select(r => r.SubjectId).Distinct())
        {
            audit.Add(new AuditEntry("profiling.clear", Purposes.DataSubjectRights, subject, "profile_result", null, [Categories.Profiling.Id]));
        }
    }
}
