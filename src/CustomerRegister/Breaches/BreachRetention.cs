using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Retention;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Breaches;

/// <summary>
/// The breach register's retention (<see cref="RetentionRule.BreachRecord"/>: five years from recording): the retention
/// sweep calls <see cref="DeleteExpiredAsync"/>, which removes the due breaches with the people they named.
/// </summary>
public sealed class BreachRetention(RegisterDbContext db, RetentionDates dates)
{
    public const string Table = "breaches";

    public static RetentionRule Rule => RetentionRule.BreachRecord;

    /// <summary>The first recording time a sweep at <paramref name="asOf"/> keeps.</summary>
    public DateTime Bound(DateTime asOf) => HelsinkiTime.StartUtc(dates.FirstKept(Rule, HelsinkiTime.DateOf(asOf))!.Value);

    public Task<int> CountExpiredAsync(DateTime asOf, CancellationToken ct) => Expired(asOf).CountAsync(ct);

    public async Task<int> DeleteExpiredAsync(DateTime asOf, CancellationToken ct)
    {
        var ids = Expired(asOf).Select(b => b.Id);
        await db.Set<BreachSubject>().Where(s => ids.Contains(s.BreachId)).ExecuteDeleteAsync(ct);
        return await Expired(asOf).ExecuteDeleteAsync(ct);
    }

    /// <summary>The sweep's line.</summary>
    public DueLine Line(long due) => new(Table, [], Rule.Id, RetentionPlan.Reason(Rule, dates.PeriodOf(Rule)), due, 0);

    private IQueryable<Breach> Expired(DateTime asOf)
    {
        var bound = Bound(asOf);
        return db.Set<Breach>().Where(b => b.RecordedAt < bound);
    }
}
