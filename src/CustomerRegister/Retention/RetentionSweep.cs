using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using CustomerRegister.Vehicles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>What is due as of a moment, per table and rule, with what a hold keeps back.</summary>
public sealed record DueLine(string Table, IReadOnlyList<string> Categories, string Rule, string Reason, long Due, long Held);

/// <summary>Where a running sweep is: steps done of those known (a later pass adds its own), the rule and table it is on, items removed so far.</summary>
public sealed record SweepProgress(int Done, int Total, string Rule, string Table, IReadOnlyList<string> Categories, long Removed);

public sealed record SweepResult(Guid? RunId, bool Swept, string? Refusal, long Deleted, long Held, IReadOnlyList<DueLine> Lines);

/// <summary>
/// The retention sweep: deletes or anonymises what is due, in batches of one transaction each, under a lease
/// (<see cref="SweepLease"/>) so that one app instance sweeps at a time. A killed sweep leaves only whole batches done;
/// the next run continues from there, as what is due stays due. Each run writes its deletion log
/// (<see cref="DeletionLog"/>: counts per table, category and rule; no values). The rows go by <see cref="RowSweep"/>,
/// the people by <see cref="ProfileSweep"/>.
/// </summary>
public sealed class RetentionSweep(
    RegisterDbContext db, AuditLog audit, TimeProvider clock, IOptions<RetentionOptions> options, RetentionDates dates,
    IServiceScopeFactory scopes, StorageReclaimer reclaimer, IdentityCodeExpiry identityCodes, UnconfirmedRequests unconfirmed,
    Breaches.BreachRetention breaches,
    SweepSql sql, SweepLease lease, DeletionLog deletions, RowSweep rows, ProfileSweep profiles, ForecastCache forecasts, ILogger<RetentionSweep> log)
{
    private static readonly LocalText LeaseHeld = new(
        "Toinen instanssi on jo poistamassa vanhentuneita tietoja (lukko varattu).",
        "En annan instans rensar redan ut föråldrade uppgifter (låset är upptaget).",
        "Another instance is sweeping (lease held).");

    public const string LeaseName = SweepLease.Name;

    /// <summary>A sweep repeats its rules until a pass removes nothing (what one rule removes can free what another keeps), at most this often.</summary>
    public const int MaxPasses = 4;

    private readonly RowSweep _rows = rows;
    private readonly ProfileSweep _profiles = profiles;
    private readonly SweepSql _sql = sql;
    private readonly IdentityCodeExpiry _identityCodes = identityCodes;
    private readonly UnconfirmedRequests _unconfirmed = unconfirmed;
    private readonly Breaches.BreachRetention _breaches = breaches;

    public RetentionPlan Plan() => new(db.GetService<IDesignTimeModel>().Model, db.GetService<ISqlGenerationHelper>(), dates);

    /// <summary>
    /// People a hold keeps, by the hold's reason (their profile has no due date while it lasts). Counted from the holds'
    /// side: a few people.
    /// </summary>
    public static readonly (string Reason, string Sql)[] HeldPeople =
    [
        ("legal-hold: a legal hold in force keeps the person's data until it is released",
            $"SELECT COUNT(DISTINCT subject_id) FROM ({RetentionPlan.LegalHoldSubjects}) h"),
        ("legal-claims: a restriction for legal claims (GDPR Art 18(1)(c)) keeps the person's data until it is lifted",
            $"SELECT COUNT(DISTINCT subject_id) FROM ({RetentionPlan.LegalClaimsSubjects}) h"),
        ("collection: an open debt-collection case keeps the invoices, payments, the case, name and address until it closes",
            $"SELECT COUNT(DISTINCT subject_id) FROM ({RetentionPlan.OpenCollectionSubjects}) h"),
    ];

    /// <summary>
    /// What would go by <paramref name="asOf"/> and why, and what holds keep back. The counts are independent of each
    /// other, so they run side by side on <c>Retention:PreviewConnections</c> connections of their own.
    /// </summary>
    public async Task<IReadOnlyList<DueLine>> PreviewAsync(DateTime asOf, CancellationToken ct)
    {
        var plan = Plan();
        var today = HelsinkiTime.DateOf(asOf);
        var counts = plan.RowSources(asOf).Select(source => (Func<RetentionSweep, Task<DueLine>>)(sweep => sweep._rows.CountAsync(source, ct)))
            .Prepend(async sweep =>
            {
                var (due, held) = await sweep._identityCodes.CountDueAsync(today, ct);
                return sweep._identityCodes.Line(due, held);
            })
            .Prepend(async sweep => sweep._unconfirmed.Line(await sweep._unconfirmed.CountExpiredAsync(asOf, ct)))
            .Prepend(async sweep => sweep._breaches.Line(await sweep._breaches.CountExpiredAsync(asOf, ct)))
            .Concat(RetentionPlan.SubjectRules.SelectMany(rule => RetentionPlan.DueSubjectsParts(rule.Id)
                .Select(part => (Func<RetentionSweep, Task<DueLine>>)(sweep => sweep._profiles.CountAsync(plan, rule, part, asOf, ct)))))
            .Concat(HeldPeople.Select(h => (Func<RetentionSweep, Task<DueLine>>)(async sweep =>
                new DueLine("subjects", ProfileSweep.ProfileCategories, "held", h.Reason, 0, await sweep._sql.ScalarAsync(h.Sql, _ => { }, ct)))))
            .ToList();
        var lines = new DueLine?[counts.Count];

        // The slowest counts (the people, then the largest tables) are at the end of the list: start those first.
        var next = counts.Count;
        async Task Lane()
        {
            await using var scope = scopes.CreateAsyncScope();
            var sweep = scope.ServiceProvider.GetRequiredService<RetentionSweep>();
            await scope.ServiceProvider.GetRequiredService<RegisterDbContext>().Database.OpenConnectionAsync(ct);
            for (var i = Interlocked.Decrement(ref next); i >= 0; i = Interlocked.Decrement(ref next))
            {
                lines[i] = await counts[i](sweep);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.PreviewConnections)).Select(_ => Task.Run(Lane, ct)));
        return [.. Merge([.. lines.OfType<DueLine>()]).Where(l => l.Due + l.Held > 0)];
    }

    /// <summary>
    /// The first <paramref name="limit"/> due rows of each table a row rule removes by <paramref name="asOf"/>, and the
    /// first people a subject rule removes, as the sweep's own conditions find them.
    /// </summary>
    public async Task<(List<(RowSource Source, DueRow Row)> Rows, List<Guid> People)> DueItemsAsync(string rule, DateTime asOf, int limit,
        CancellationToken ct)
    {
        var plan = Plan();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var rows = new List<(RowSource, DueRow)>();
            foreach (var source in plan.RowSources(asOf).Where(s => s.Rule.Id == rule))
            {
                rows.AddRange((await _rows.ListAsync(source, limit, ct)).Select(r => (source, r)));
            }

            var people = RetentionPlan.SubjectRules.FirstOrDefault(r => r.Id == rule) is { } subjectRule
                ? await _profiles.ListAsync(plan, subjectRule, asOf, limit, ct)
                : [];
            return (rows, people);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Sweeps now on behalf of <paramref name="user"/>: a conflict on the lease when another instance is sweeping.</summary>
    public async Task<Outcome<SweepResult>> RunForAsync(System.Security.Claims.ClaimsPrincipal? user, CancellationToken ct,
        Action<SweepProgress>? progress = null)
    {
        var (kind, id) = AuditLog.Actor(user);
        var result = await RunAsync($"api:{kind}:{id}", ct, progress);
        return result.Swept ? result : Outcome.Conflict("lease", LeaseHeld);
    }

    /// <summary>
    /// Sweeps what is due now, telling <paramref name="progress"/> of each step. Refused (not an error) when another
    /// instance holds the lease.
    /// </summary>
    public async Task<SweepResult> RunAsync(string trigger, CancellationToken ct, Action<SweepProgress>? progress = null)
    {
        var asOf = clock.GetUtcNow().UtcDateTime;
        if (!await lease.TakeAsync(ct))
        {
            return new SweepResult(null, false, LeaseHeld.En, 0, 0, []);
        }

        var run = new RetentionRun { Id = Guid.CreateVersion7(), StartedAt = asOf, AsOf = asOf, Instance = SweepLease.Instance, Trigger = trigger };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        var plan = Plan();
        var lines = new List<DueLine>();
        var steps = new Steps(progress, 3 + PassSteps(plan, asOf));
        try
        {
            await db.Database.OpenConnectionAsync(ct);

            // Left over by a sweep that was killed mid-batch: its transaction rolled back, only the staging rows stayed.
            await _sql.ExecuteAsync("DELETE FROM retention_batch_subjects", _ => { }, ct);

            // Identity codes on scrapping certificates (Vehicles/IdentityCodeExpiry): emptied in one statement, the certificates stay.
            steps.Next(IdentityCodeExpiry.Rule.Id, IdentityCodeExpiry.Table, [Categories.IdentityCode.Id]);
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var today = HelsinkiTime.DateOf(asOf);
                var (_, held) = await _identityCodes.CountDueAsync(today, ct);
                var emptied = await _identityCodes.EmptyDueAsync(today, ct);
                await deletions.WriteAsync(run, [new DeletionLog.Line(IdentityCodeExpiry.Table, [Categories.IdentityCode], IdentityCodeExpiry.Rule.Id, "emptied", emptied),
                    new DeletionLog.Line(IdentityCodeExpiry.Table, [Categories.IdentityCode], IdentityCodeExpiry.Rule.Id, "held", held)], ct);
                await lease.RenewAsync(ct);
                await transaction.CommitAsync(ct);
                if (emptied + held > 0)
                {
                    lines.Add(_identityCodes.Line(emptied, held));
                }

                steps.Removed += emptied;
            }

            steps.Next(UnconfirmedRequests.Rule, UnconfirmedRequests.Table, [Categories.RightsRequest.Id]);

            // Web-form requests never confirmed (Requests/UnconfirmedRequests): deleted with their action log and undelivered mail.
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var deleted = await _unconfirmed.DeleteExpiredAsync(asOf, ct);
                await deletions.WriteAsync(run, UnconfirmedRequests.Table, [Categories.RightsRequest], UnconfirmedRequests.Rule, "deleted", deleted, ct);
                await lease.RenewAsync(ct);
                await transaction.CommitAsync(ct);
                if (deleted > 0)
                {
                    lines.Add(_unconfirmed.Line(deleted));
                }

                steps.Removed += deleted;
            }

            // The breach register (Breaches/BreachRetention): five years from recording, with the people each named.
            steps.Next(Breaches.BreachRetention.Rule.Id, Breaches.BreachRetention.Table, []);
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var deleted = await _breaches.DeleteExpiredAsync(asOf, ct);
                await deletions.WriteAsync(run, Breaches.BreachRetention.Table, [], Breaches.BreachRetention.Rule.Id, "deleted", deleted, ct);
                await lease.RenewAsync(ct);
                await transaction.CommitAsync(ct);
                if (deleted > 0)
                {
                    lines.Add(_breaches.Line(deleted));
                }

                steps.Removed += deleted;
            }

            // What one rule removes can free what another kept (a profile purge frees rows that pointed at them, a voucher's
            // deletion the relationship it rested on): passes repeat until one removes nothing, so a run leaves nothing due
            // behind it. A later pass looks for people again only when its own row rules removed something: purging a
            // person never makes another person due.
            for (var pass = 1; pass <= MaxPasses; pass++)
            {
                if (pass > 1)
                {
                    steps.Total += PassSteps(plan, asOf);
                }

                var removed = await PassAsync(run, plan, asOf, lines, first: pass == 1, steps, ct);
                log.LogInformation("Retention run {RunId} pass {Pass}: {Removed} items removed", run.Id, pass, removed);
                if (removed == 0)
                {
                    break;
                }
            }

            await ReclaimAsync(ct);
            run.CompletedAt = clock.GetUtcNow().UtcDateTime;
            lines = Merge(lines);
            run.Deleted = lines.Sum(l => l.Due);
            run.Held = lines.Sum(l => l.Held);
            audit.Add(new AuditEntry("retention.run", Purposes.LegalObligation, EntityType: "retention_run", EntityId: run.Id.ToString(),
                Fields: lines.SelectMany(l => l.Categories).Distinct()));
            await db.SaveChangesAsync(ct);
            forecasts.Invalidate();
            log.LogInformation("Retention run {RunId}: {Deleted} items removed, {Held} held", run.Id, run.Deleted, run.Held);
            return new SweepResult(run.Id, true, null, run.Deleted, run.Held, lines);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Retention run {RunId} failed; the next run continues from the last whole batch", run.Id);
            forecasts.Invalidate();
            db.ChangeTracker.Clear();
            await db.Set<RetentionRun>().Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Error, e.GetType().Name), CancellationToken.None);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            await lease.ReleaseAsync(CancellationToken.None);
        }
    }

    /// <summary>The lines of several passes as one per table, rule and reason.</summary>
    private static List<DueLine> Merge(List<DueLine> lines) =>
    [
        .. lines.GroupBy(l => (l.Table, l.Rule, l.Reason)).Select(g => g.First() with { Due = g.Sum(l => l.Due), Held = g.Sum(l => l.Held) }),
    ];

    /// <summary>
    /// One pass: rows by their own dates, then people by the end of their cooperation (in a later pass only if its rows
    /// removed something), then what vouchers no longer keep. Held items are counted in the <paramref name="first"/> pass.
    /// </summary>
    private async Task<long> PassAsync(RetentionRun run, RetentionPlan plan, DateTime asOf, List<DueLine> lines, bool first, Steps steps,
        CancellationToken ct)
    {
        long removed = 0;
        foreach (var source in plan.RowSources(asOf))
        {
            steps.Next(source.Rule.Id, source.Table, [.. source.Categories.Select(c => c.Id)]);
            var started = clock.GetTimestamp();
            var held = first ? await _rows.CountHeldAsync(source, ct) : 0;
            var deleted = await _rows.SweepAsync(run, source, ct);
            log.LogInformation("Retention run {RunId} {Table} {Rule}: {Deleted} removed, {Held} held in {Ms} ms", run.Id, source.Table,
                source.Rule.Id, deleted, held, clock.GetElapsedTime(started).TotalMilliseconds);
            removed += deleted;
            steps.Removed += deleted;
            if (deleted + held > 0)
            {
                lines.Add(RowSweep.Line(source, deleted, held));
                await deletions.WriteAsync(run, source.Table, source.Categories, source.Rule.Id, "held", held, ct);
            }
        }

        foreach (var rule in RetentionPlan.SubjectRules)
        {
            steps.Next(rule.Id, "subjects", ProfileSweep.ProfileCategories);
            if (!first && removed == 0)
            {
                continue;
            }

            var started = clock.GetTimestamp();
            var deleted = await _profiles.SweepAsync(run, plan, rule.Id, asOf, ct);
            log.LogInformation("Retention run {RunId} subjects {Rule}: {Deleted} items removed in {Ms} ms", run.Id, rule.Id, deleted,
                clock.GetElapsedTime(started).TotalMilliseconds);
            removed += deleted;
            steps.Removed += deleted;
            if (deleted > 0)
            {
                lines.Add(new DueLine("subjects", ProfileSweep.ProfileCategories, rule.Id, plan.SubjectReason(rule), deleted, 0));
            }
        }

        steps.Next(RetentionRule.CustomerProfile.Id, "subjects", ProfileSweep.ProfileCategories);
        var freed = await _profiles.PurgeFreedAsync(run, plan, ct);
        removed += freed;
        steps.Removed += freed;
        if (freed > 0)
        {
            lines.Add(new DueLine("subjects", ProfileSweep.ProfileCategories, RetentionRule.CustomerProfile.Id, ProfileSweep.FreedReason, freed, 0));
        }

        return removed;
    }

    /// <summary>The steps of one pass: each row source, each subject rule, and what vouchers no longer keep.</summary>
    private static int PassSteps(RetentionPlan plan, DateTime asOf) => plan.RowSources(asOf).Count + RetentionPlan.SubjectRules.Length + 1;

    /// <summary>Counts a run's steps and tells the listener, if any, as each begins.</summary>
    private sealed class Steps(Action<SweepProgress>? listener, int total)
    {
        public int Done { get; private set; }

        public int Total { get; set; } = total;

        public long Removed { get; set; }

        public void Next(string rule, string table, IReadOnlyList<string> categories)
        {
            listener?.Invoke(new SweepProgress(Done, Total, rule, table, categories, Removed));
            Done++;
        }
    }

    /// <summary>
    /// Reclaims the tables the run changed once it is over (<see cref="StorageReclaimer.AfterDeletionAsync"/>): in the
    /// background on PostgreSQL, a checkpoint on SQLite.
    /// </summary>
    private async Task ReclaimAsync(CancellationToken ct)
    {
        var changed = deletions.TakeChanged();
        if (changed.Count > 0)
        {
            await reclaimer.AfterDeletionAsync(db, changed, ct);
        }
    }
}
