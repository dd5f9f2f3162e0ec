using System.Data.Common;
using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Recordings;
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

public sealed record SweepResult(Guid? RunId, bool Swept, string? Refusal, long Deleted, long Held, IReadOnlyList<DueLine> Lines);

/// <summary>
/// The retention sweep: deletes or anonymises what is due, in batches of one transaction each, under a lease so that one
/// app instance sweeps at a time. A killed sweep leaves only whole batches done; the next run continues from there, as
/// what is due stays due. Each run writes its deletion log (counts per table, category and rule; no values).
/// </summary>
public sealed class RetentionSweep(
    RegisterDbContext db, ErasureEngine engine, AuditLog audit, TimeProvider clock, IOptions<RetentionOptions> options,
    RetentionDates dates, IRecordingStore files, IServiceScopeFactory scopes, StorageReclaimer reclaimer, IdentityCodeExpiry identityCodes,
    ILogger<RetentionSweep> log)
{
    public const string LeaseName = "retention-sweep";

    private static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Rows deleted or emptied per table since it was last reclaimed (<see cref="ReclaimAsync"/>).</summary>
    private readonly Dictionary<string, long> _changed = new(StringComparer.Ordinal);

    /// <summary>A sweep repeats its rules until a pass removes nothing (what one rule removes can free what another keeps), at most this often.</summary>
    public const int MaxPasses = 4;

    private RetentionPlan Plan() => new(db.GetService<IDesignTimeModel>().Model, db.GetService<ISqlGenerationHelper>(), dates);

    /// <summary>
    /// What would go by <paramref name="asOf"/> and why, and what holds keep back. The counts are independent of each
    /// other, so they run side by side on <c>Retention:PreviewConnections</c> connections of their own.
    /// </summary>
    public async Task<IReadOnlyList<DueLine>> PreviewAsync(DateTime asOf, CancellationToken ct)
    {
        var plan = Plan();
        var counts = plan.RowSources(asOf).Select(source => (Func<RetentionSweep, Task<DueLine>>)(sweep => sweep.CountAsync(source, ct)))
            .Prepend(sweep => sweep.CountIdentityCodesAsync(asOf, ct))
            .Concat(SubjectRules.SelectMany(r => RetentionPlan.DueSubjectsParts(r.Rule)
                .Select(part => (Func<RetentionSweep, Task<DueLine>>)(sweep => sweep.CountSubjectsAsync(r.Rule, r.Reason, part, asOf, ct)))))
            .Concat(HeldPeople.Select(h => (Func<RetentionSweep, Task<DueLine>>)(sweep => sweep.CountHeldPeopleAsync(h.Reason, h.Sql, ct))))
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

    private async Task<DueLine> CountAsync(RowSource source, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (due, held) = await CountDueAndHeldAsync(source, ct);
        log.LogDebug("Preview {Table} {Rule}: {Due} due, {Held} held in {Ms} ms", source.Table, source.Rule.Id, due, held, watch.ElapsedMilliseconds);
        return new DueLine(source.Table, [.. source.Categories.Select(c => c.Id)], source.Rule.Id, source.Reason, due, held);
    }

    /// <summary>Identity codes on scrapping certificates that the sweep on <paramref name="asOf"/>'s Helsinki date empties.</summary>
    private async Task<DueLine> CountIdentityCodesAsync(DateTime asOf, CancellationToken ct)
    {
        var (due, held) = await identityCodes.CountDueAsync(HelsinkiTime.DateOf(asOf), ct);
        return identityCodes.Line(due, held);
    }

    /// <summary>One disjoint part of a subject rule's people (<see cref="RetentionPlan.DueSubjectsParts"/>); the preview adds the parts up.</summary>
    private async Task<DueLine> CountSubjectsAsync(string rule, string reason, string part, DateTime asOf, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var plan = Plan();
        var due = await ScalarAsync($"SELECT COUNT(*) FROM ({part}) d", c => BindSubjectRule(c, plan, rule, asOf), ct);
        log.LogDebug("Preview subjects {Rule}: {Due} due in {Ms} ms", rule, due, watch.ElapsedMilliseconds);
        return new DueLine("subjects", [.. Categories.All.Where(RetentionPlan.IsProfile).Select(c => c.Id)], rule, reason, due, 0);
    }

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

    private async Task<DueLine> CountHeldPeopleAsync(string reason, string sql, CancellationToken ct)
    {
        var held = await ScalarAsync(sql, _ => { }, ct);
        return new DueLine("subjects", [.. Categories.All.Where(RetentionPlan.IsProfile).Select(c => c.Id)], "held", reason, 0, held);
    }

    /// <summary>Sweeps what is due now. Refused (not an error) when another instance holds the lease.</summary>
    public async Task<SweepResult> RunAsync(string trigger, CancellationToken ct)
    {
        var asOf = clock.GetUtcNow().UtcDateTime;
        if (!await TakeLeaseAsync(ct))
        {
            return new SweepResult(null, false, "Another instance is sweeping (lease held).", 0, 0, []);
        }

        var run = new RetentionRun { Id = Guid.CreateVersion7(), StartedAt = asOf, AsOf = asOf, Instance = Instance, Trigger = trigger };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        var plan = Plan();
        var lines = new List<DueLine>();
        try
        {
            await db.Database.OpenConnectionAsync(ct);

            // Left over by a sweep that was killed mid-batch: its transaction rolled back, only the staging rows stayed.
            await ScalarAsync("DELETE FROM retention_batch_subjects", _ => { }, ct);

            // Identity codes on scrapping certificates (Vehicles/IdentityCodeExpiry): emptied in one statement, the certificates stay.
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var today = HelsinkiTime.DateOf(asOf);
                var (_, held) = await identityCodes.CountDueAsync(today, ct);
                var emptied = await identityCodes.EmptyDueAsync(today, ct);
                await LogAsync(run, [new LogLine(IdentityCodeExpiry.Table, [Categories.IdentityCode], IdentityCodeExpiry.Rule.Id, "emptied", emptied),
                    new LogLine(IdentityCodeExpiry.Table, [Categories.IdentityCode], IdentityCodeExpiry.Rule.Id, "held", held)], ct);
                await RenewLeaseAsync(ct);
                await transaction.CommitAsync(ct);
                if (emptied + held > 0)
                {
                    lines.Add(identityCodes.Line(emptied, held));
                }
            }

            // What one rule removes can free what another kept (a profile purge frees rows that pointed at them, a voucher's
            // deletion the relationship it rested on): passes repeat until one removes nothing, so a run leaves nothing due
            // behind it. A later pass looks for people again only when its own row rules removed something: purging a
            // person never makes another person due.
            for (var pass = 1; pass <= MaxPasses; pass++)
            {
                var removed = await PassAsync(run, plan, asOf, lines, first: pass == 1, ct);
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
            log.LogInformation("Retention run {RunId}: {Deleted} items removed, {Held} held", run.Id, run.Deleted, run.Held);
            return new SweepResult(run.Id, true, null, run.Deleted, run.Held, lines);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Retention run {RunId} failed; the next run continues from the last whole batch", run.Id);
            db.ChangeTracker.Clear();
            await db.Set<RetentionRun>().Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Error, e.GetType().Name), CancellationToken.None);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            await ReleaseLeaseAsync(CancellationToken.None);
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
    private async Task<long> PassAsync(RetentionRun run, RetentionPlan plan, DateTime asOf, List<DueLine> lines, bool first, CancellationToken ct)
    {
        var countHeld = first;
        long removed = 0;
        foreach (var source in plan.RowSources(asOf))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var held = countHeld ? await CountHeldAsync(source, ct) : 0;
            var deleted = await SweepRowsAsync(run, source, ct);
            log.LogInformation("Retention run {RunId} {Table} {Rule}: {Deleted} removed, {Held} held in {Ms} ms", run.Id, source.Table,
                source.Rule.Id, deleted, held, watch.ElapsedMilliseconds);
            removed += deleted;
            if (deleted + held > 0)
            {
                lines.Add(new DueLine(source.Table, [.. source.Categories.Select(c => c.Id)], source.Rule.Id, source.Reason, deleted, held));
                await LogAsync(run, source.Table, source.Categories, source.Rule.Id, "held", held, ct);
            }
        }

        foreach (var (rule, reason) in first || removed > 0 ? SubjectRules : [])
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var deleted = await SweepSubjectsAsync(run, plan, rule, asOf, ct);
            log.LogInformation("Retention run {RunId} subjects {Rule}: {Deleted} items removed in {Ms} ms", run.Id, rule, deleted,
                watch.ElapsedMilliseconds);
            removed += deleted;
            if (deleted > 0)
            {
                lines.Add(new DueLine("subjects", [.. Categories.All.Where(RetentionPlan.IsProfile).Select(c => c.Id)], rule, reason, deleted, 0));
            }
        }

        var freed = await PurgeFreedAsync(run, plan, ct);
        removed += freed;
        if (freed > 0)
        {
            lines.Add(new DueLine("subjects", [.. Categories.All.Where(RetentionPlan.IsProfile).Select(c => c.Id)], "customer-profile", FreedReason, freed, 0));
        }

        return removed;
    }

    /// <summary>
    /// One chunk of staged ids: <paramref name="Match"/> selects them (<c>IN (…)</c>), <paramref name="Range"/> is the
    /// condition on the staging table itself, <paramref name="Bind"/> adds their parameters.
    /// </summary>
    private sealed record Chunk(string Match, string Range, Action<DbCommand> Bind);

    private static readonly (string Rule, string Reason)[] SubjectRules =
    [
        ("customer-profile", "customer-profile: the configured period after the end of cooperation (Retention:CustomerProfileMonths)"),
        ("prospect", "prospect: the configured period after the last contact with a person who never became a customer (Retention:ProspectMonths)"),
    ];

    private async Task<long> SweepRowsAsync(RetentionRun run, RowSource source, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(source.Table);
        var key = sql.DelimitIdentifier(source.Entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        var startColumn = $"{table}.{sql.DelimitIdentifier(source.Start.GetColumnName())}";
        var batch = options.Value.BatchSize;
        long total = 0;

        // A recording's file goes with its row: the row first (committed), then the file; a crash in between leaves an
        // orphan file, which the recordings integrity check removes.
        var file = source.Entity.FindProperty(nameof(Recordings.CallRecording.StorageKey));
        var returning = $" RETURNING {sql.DelimitIdentifier(source.Start.GetColumnName())}"
                        + (file is null ? "" : $", {sql.DelimitIdentifier(file.GetColumnName())}");

        // Batches walk the start column's index upwards from where the last one stopped: restarting from the lowest
        // value every time would step over the dead index entries of every batch before it.
        object? from = null;
        while (true)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var keys = new List<string>();
            long deleted = 0;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var after = from is null ? "" : $" AND {startColumn} >= @from";
                var text = $"DELETE FROM {table} WHERE {RowsOf(row => $"SELECT {row} FROM {table} WHERE {DueNotHeld(source)}{after} "
                                                                      + $"ORDER BY {startColumn} LIMIT {batch}")}{returning}";
                await using (var command = CommandFor(text, c =>
                             {
                                 BindBound(c, source);
                                 if (from is not null)
                                 {
                                     c.Parameters.Add(source.Start.GetRelationalTypeMapping().CreateParameter(c, "from", from));
                                 }
                             }))
                {
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        deleted++;
                        var value = Typed(reader.GetValue(0), source);
                        if (from is null || Comparer<object>.Default.Compare(value, from) > 0)
                        {
                            from = value;
                        }

                        if (file is not null)
                        {
                            keys.Add(reader.GetString(1));
                        }
                    }
                }

                if (deleted > 0)
                {
                    await LogAsync(run, source.Table, source.Categories, source.Rule.Id, "deleted", deleted, ct);
                }

                await RenewLeaseAsync(ct);
                await transaction.CommitAsync(ct);
            }

            foreach (var stored in keys)
            {
                await files.DeleteAsync(stored, ct);
            }

            await PaceAsync(watch, ct);
            total += deleted;
            if (deleted < batch)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// Works through the ids staged under <paramref name="staged"/> in chunks of <paramref name="size"/>, one transaction
    /// each: a chunk is the next key range of the staging table's index (keyset), so no chunk reads past the ones done
    /// before it. <paramref name="work"/> gets the chunk (<see cref="Chunk"/>); the chunk's staging rows go in the same
    /// transaction (unless <paramref name="consume"/> is false: a first pass over the same people), and the lease is
    /// renewed. Chunks are not paced (<see cref="PaceAsync"/>).
    /// </summary>
    private async Task<long> InChunksAsync(Guid staged, int size, Func<Chunk, Task<long>> work, CancellationToken ct, bool consume = true)
    {
        Guid? from = null;
        long total = 0;
        while (true)
        {
            var after = from is null ? "" : " AND subject_id > @from";
            var last = from;
            void Bind(DbCommand c)
            {
                BindGuid(c, "staged", staged);
                if (last is { } f)
                {
                    BindGuid(c, "from", f);
                }
            }

            var upper = await ScalarAsync<object>($"SELECT subject_id FROM (SELECT subject_id FROM retention_batch_subjects "
                                                  + $"WHERE batch_id = @staged{after} ORDER BY subject_id LIMIT {size}) c ORDER BY subject_id DESC LIMIT 1",
                Bind, ct);
            if (upper is null or DBNull)
            {
                return total;
            }

            var to = upper as Guid? ?? Guid.Parse((string)upper);
            var range = $"batch_id = @staged{after} AND subject_id <= @to";
            void BindRange(DbCommand c)
            {
                Bind(c);
                BindGuid(c, "to", to);
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                total += await work(new Chunk($"IN (SELECT subject_id FROM retention_batch_subjects WHERE {range})", range, BindRange));
                if (consume)
                {
                    await ExecuteAsync($"DELETE FROM retention_batch_subjects WHERE {range}", BindRange, ct);
                }

                await RenewLeaseAsync(ct);
                await transaction.CommitAsync(ct);
            }

            from = to;
        }
    }

    /// <summary>
    /// Reclaims the tables the run changed once it is over (<see cref="StorageReclaimer.AfterDeletionAsync"/>): in the
    /// background on PostgreSQL, a checkpoint on SQLite.
    /// </summary>
    private async Task ReclaimAsync(CancellationToken ct)
    {
        var changed = _changed.Where(t => t.Value > 0).Select(t => t.Key).ToList();
        _changed.Clear();
        if (changed.Count > 0)
        {
            await reclaimer.AfterDeletionAsync(db, changed, ct);
        }
    }

    /// <summary>
    /// Leaves the database to the staff between row batches: a pause of <c>Retention:PauseFactor</c> times the batch's own
    /// time. Row rules delete cheap rows by the tens of thousands per second, and that is what weighs on concurrent
    /// searches (measured at 1 M subjects with four clients searching: p95 twice its idle value while web events went
    /// unpaced, 1.1× paced at 0.6). The profile purge's chunks are heavier per row and weighed little; pausing them only
    /// made the run longer, so they are not paced.
    /// </summary>
    private async Task PaceAsync(System.Diagnostics.Stopwatch batch, CancellationToken ct)
    {
        if (options.Value.PauseFactor > 0)
        {
            await Task.Delay(batch.Elapsed * options.Value.PauseFactor, ct);
        }
    }

    /// <summary>
    /// The rows a query (given the column that holds a row's address) picks, by their physical address rather than their key:
    /// the delete then goes straight to each row instead of looking every key up in the primary-key index (half the
    /// time of a batch). A row changed by someone else in between has a new address and simply waits for a later batch.
    /// </summary>
    private string RowsOf(Func<string, string> query) => db.Provider == DatabaseProvider.Postgres
        ? $"ctid = ANY(ARRAY({query("ctid")}))"
        : $"rowid IN ({query("rowid")})";

    /// <summary>A value read back from the start column, as the CLR type the parameter mapping expects.</summary>
    private static object? Typed(object? value, RowSource source)
    {
        var type = Nullable.GetUnderlyingType(source.Start.ClrType) ?? source.Start.ClrType;
        return value switch
        {
            null => null,
            string text when type == typeof(DateOnly) => DateOnly.Parse(text, CultureInfo.InvariantCulture),
            string text when type == typeof(DateTime) => DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc),
            DateTime t when type == typeof(DateOnly) => DateOnly.FromDateTime(t),
            DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
            _ => value,
        };
    }

    /// <summary>
    /// Stages the people a subject rule removes once, moves those with an open collection case to a batch of their own,
    /// and purges both.
    /// </summary>
    private async Task<long> SweepSubjectsAsync(RetentionRun run, RetentionPlan plan, string rule, DateTime asOf, CancellationToken ct)
    {
        var staging = System.Diagnostics.Stopwatch.StartNew();
        var (all, people) = await StageAsync(plan, rule, asOf, ct);
        var debtors = Guid.CreateVersion7();
        var inCollection = people == 0 ? 0 : await ExecuteAsync(
            $"UPDATE retention_batch_subjects SET batch_id = @debtors WHERE batch_id = @staged AND subject_id {RetentionPlan.CollectionSubjects}", c =>
            {
                BindGuid(c, "debtors", debtors);
                BindGuid(c, "staged", all);
            }, ct);
        log.LogInformation("Retention run {RunId} subjects {Rule}: {People} people due ({Debtors} with an open collection case), found in {Ms} ms",
            run.Id, rule, people, inCollection, staging.ElapsedMilliseconds);
        return (people > inCollection ? await PurgeProfilesAsync(run, rule, all, asOf, ct) : 0)
               + (inCollection > 0 ? await PurgeAroundCollectionAsync(run, rule, debtors, asOf, ct) : 0);
    }

    private const string FreedReason = "customer-profile: what a voucher kept of a purged profile, once no voucher refers to it";

    /// <summary>
    /// The rest of purged profiles that a voucher kept (an invoice's customer relationship) once no voucher points at it:
    /// it goes in the same run as the voucher, so a second run finds nothing.
    /// </summary>
    private async Task<long> PurgeFreedAsync(RetentionRun run, RetentionPlan plan, CancellationToken ct)
    {
        if (plan.FreedSubjectsSql() is not { } freed)
        {
            return 0;
        }

        var batch = Guid.CreateVersion7();
        var people = await ExecuteAsync($"INSERT INTO retention_batch_subjects (batch_id, subject_id) SELECT DISTINCT @staged, d.s FROM ({freed}) d",
            c => BindGuid(c, "staged", batch), ct);
        if (people == 0)
        {
            return 0;
        }

        var today = plan.Today(run.AsOf);
        return await InChunksAsync(batch, Math.Max(1, options.Value.BatchSize / 10), async chunk =>
        {
            var erased = await engine.PurgeAsync(chunk.Match, chunk.Bind, c => RetentionPlan.IsProfile(c) && c != Categories.SearchIndex, today, ct);
            await LogErasedAsync(run, "customer-profile", erased, ct);
            return erased.Sum(e => e.Count);
        }, ct);
    }

    /// <summary>Stages the people a subject rule removes (<see cref="RetentionPlan.DueSubjectsSql"/>) under a new batch id.</summary>
    private async Task<(Guid Batch, long People)> StageAsync(RetentionPlan plan, string rule, DateTime asOf, CancellationToken ct)
    {
        var batch = Guid.CreateVersion7();
        var people = await ExecuteAsync(
            $"INSERT INTO retention_batch_subjects (batch_id, subject_id) SELECT @staged, d.s FROM ({RetentionPlan.DueSubjectsSql(rule)}) d",
            c =>
            {
                BindSubjectRule(c, plan, rule, asOf);
                BindGuid(c, "staged", batch);
            }, ct);
        return (batch, people);
    }

    /// <summary>
    /// Due people with an open debt-collection case: everything of their profile goes on its date except what collection
    /// needs (name and address, and the search entries that find them); they are not marked purged, so the rest goes once
    /// the case has closed.
    /// </summary>
    private async Task<long> PurgeAroundCollectionAsync(RetentionRun run, string rule, Guid batch, DateTime asOf, CancellationToken ct)
    {
        var today = HelsinkiTime.DateOf(asOf);
        return await InChunksAsync(batch, Math.Max(1, options.Value.BatchSize / 10), async chunk =>
        {
            var erased = await engine.PurgeAsync(chunk.Match, chunk.Bind,
                c => RetentionPlan.IsProfile(c) && !RetentionPlan.IsCollectionData(c) && c != Categories.SearchIndex, today, ct);
            await LogErasedAsync(run, rule, erased, ct);
            return erased.Sum(e => e.Count);
        }, ct);
    }

    private async Task<long> PurgeProfilesAsync(RetentionRun run, string rule, Guid all, DateTime asOf, CancellationToken ct)
    {
        // First the people's search-index rows, one part of the index at a time, each part vacuumed as soon as it is done.
        // Searches are answered from the covering index alone only while the table's pages are marked all-visible;
        // deleting a person's rows here and there clears the mark on nearly every page, and until a VACUUM sets it
        // again every search reads the table too (measured at 1 M subjects: a common name prefix 8 ms → 40 ms). On
        // PostgreSQL the index is eight hash partitions (migration PartitionSearchIndex), so at any moment at most one
        // eighth of it is in that state, and for the short time one part takes. The rest of the purge does not touch it.
        var today = HelsinkiTime.DateOf(asOf);
        var entry = db.Model.FindEntityType(typeof(Search.SearchEntry))!;
        var searchIndex = entry.GetTableName()!;
        var subjectColumn = entry.FindProperty(nameof(Search.SearchEntry.SubjectId))!.GetColumnName();
        var parts = await reclaimer.PartsOfAsync(db, searchIndex, ct);
        var sql = db.GetService<ISqlGenerationHelper>();

        // About five entries per person, spread over the parts: a chunk of people near BatchSize rows in each part.
        var perChunk = Math.Max(1, options.Value.BatchSize * parts.Count / 5);
        foreach (var part in parts)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var deleted = 0L;
            await InChunksAsync(all, perChunk, async chunk =>
            {
                var count = await ExecuteAsync($"DELETE FROM {sql.DelimitIdentifier(part)} WHERE {sql.DelimitIdentifier(subjectColumn)} {chunk.Match}", chunk.Bind, ct);
                await LogAsync(run, searchIndex, [Categories.SearchIndex], rule, "deleted", count, ct);
                deleted += count;
                return 0;
            }, ct, consume: false);
            if (deleted > 0)
            {
                await reclaimer.ReclaimNowAsync(db, [part], ct);
            }

            _changed.Remove(searchIndex);
            log.LogInformation("Retention run {RunId} {Table}: {Rows} rows deleted and vacuumed in {Ms} ms", run.Id, part, deleted, watch.ElapsedMilliseconds);
        }

        // About 20 rows per person: a tenth of the row batch in people keeps a transaction near the row batch's size.
        return await InChunksAsync(all, Math.Max(1, options.Value.BatchSize / 10), async chunk =>
        {
            var erased = await engine.PurgeAsync(chunk.Match, chunk.Bind, c => RetentionPlan.IsProfile(c) && c != Categories.SearchIndex, today, ct);
            await LogErasedAsync(run, rule, erased, ct);
            await ExecuteAsync($"INSERT INTO retention_purged_subjects (subject_id, purged_at, rule) SELECT subject_id, @now, @rule "
                               + $"FROM retention_batch_subjects WHERE {chunk.Range}", c =>
            {
                chunk.Bind(c);
                Add(c, "now", asOf);
                Add(c, "rule", rule);
            }, ct);
            return erased.Sum(e => e.Count);
        }, ct);
    }

    /// <summary>A chunk's deletion-log lines, one per table and action, in one statement.</summary>
    private Task LogErasedAsync(RetentionRun run, string rule, IReadOnlyList<ErasedItems> erased, CancellationToken ct) =>
        LogAsync(run, [.. erased.GroupBy(e => (e.Table, e.Action)).Select(e => new LogLine(e.Key.Table,
            [.. e.SelectMany(x => x.Categories).Distinct().Select(Categories.Get)], rule, e.Key.Action, e.Sum(x => x.Count)))], ct);

    /// <summary>The due rows of a source that nothing holds back.</summary>
    private string DueNotHeld(RowSource source)
    {
        var (due, held) = Conditions(source);
        return held is null ? due : $"{due} AND {held.IsHeld} IS NOT TRUE";
    }

    /// <summary>
    /// What holds a row back, as a test of the row itself (<paramref name="IsHeld"/>: for deleting the due rows that are
    /// not held) and as the set of held keys (<paramref name="Keys"/>: for counting the held ones from the holds' side).
    /// </summary>
    private sealed record Held(string IsHeld, string Keys);

    /// <summary>The due (and deletable) rows of a source, and what holds them, if anything can.</summary>
    private (string Due, Held? Held) Conditions(RowSource source)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var model = db.GetService<IDesignTimeModel>().Model;
        var table = sql.DelimitIdentifier(source.Table);
        var key = source.Entity.FindPrimaryKey()!.Properties[0];
        var keyColumn = $"{table}.{sql.DelimitIdentifier(key.GetColumnName())}";
        var parts = new List<string> { $"{table}.{sql.DelimitIdentifier(source.Start.GetColumnName())} < @bound" };
        if (source.Extra is not null)
        {
            parts.Add(source.Extra);
        }

        // Rows something else still points at (an invoice its later payment names) wait for it.
        foreach (var fk in source.Entity.GetReferencingForeignKeys()
                     .Where(f => f.Properties.Count == 1 && f.DeleteBehavior is not (DeleteBehavior.Cascade or DeleteBehavior.SetNull)))
        {
            var child = sql.DelimitIdentifier(fk.DeclaringEntityType.GetTableName()!);
            parts.Add($"NOT EXISTS (SELECT 1 FROM {child} x WHERE x.{sql.DelimitIdentifier(fk.Properties[0].GetColumnName())} = {keyColumn})");
        }

        var tests = new List<string>();
        var keys = new List<string>();
        if (key.ClrType == typeof(Guid))
        {
            tests.Add($"EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL AND h.row_id = {keyColumn})");
            keys.Add("SELECT row_id FROM legal_holds WHERE released_at IS NULL AND row_id IS NOT NULL");
        }

        // A person's legal hold or legal-claims restriction holds all their rows; an open collection case only the
        // tables of what collection needs.
        var holds = source.Categories.Any(RetentionPlan.IsCollectionData)
            ? [RetentionPlan.HeldSubjects, RetentionPlan.CollectionSubjects]
            : new[] { RetentionPlan.HeldSubjects };
        foreach (var hold in holds)
        {
            if (SubjectRows.Tables(model, sql, derived: true, owned: false, match: hold).FirstOrDefault(t => t.Entity == source.Entity) is { } person)
            {
                tests.Add($"({person.Condition})");
                keys.Add($"SELECT {keyColumn} FROM {table} WHERE {person.Condition}");
            }
        }

        var held = tests.Count == 0 ? null : new Held($"({string.Join(" OR ", tests)})", $"{keyColumn} IN ({string.Join(" UNION ", keys)})");
        return (string.Join(" AND ", parts), held);
    }

    /// <summary>
    /// Due items not held, and due items held. All due rows are counted on the start column's index alone; the held ones
    /// are found from the holds' side (a few people and rows), so no due row needs a hold look-up of its own.
    /// </summary>
    private async Task<(long Due, long Held)> CountDueAndHeldAsync(RowSource source, CancellationToken ct)
    {
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(source.Table);
        var all = await ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE {Conditions(source).Due}", c => BindBound(c, source), ct);
        var held = all == 0 ? 0 : await CountHeldAsync(source, ct);
        return (all - held, held);
    }

    private async Task<long> CountHeldAsync(RowSource source, CancellationToken ct)
    {
        var (due, held) = Conditions(source);
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(source.Table);
        return held is null ? 0 : await ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE {due} AND {held.Keys}", c => BindBound(c, source), ct);
    }

    private void BindBound(DbCommand command, RowSource source) =>
        command.Parameters.Add(source.Start.GetRelationalTypeMapping().CreateParameter(command, "bound", source.Bound));

    /// <summary>The subject rule's bound as a day (<c>@bound</c>, for the profile rule's date columns) and as the instant it begins in Helsinki (<c>@boundtime</c>).</summary>
    private void BindSubjectRule(DbCommand command, RetentionPlan plan, string rule, DateTime asOf)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var bound = plan.SubjectBound(rule, asOf);
        if (rule == "customer-profile")
        {
            var endDate = model.FindEntityType(typeof(Customers.CustomerRelationship))!.FindProperty(nameof(Customers.CustomerRelationship.EndDate))!;
            command.Parameters.Add(endDate.GetRelationalTypeMapping().CreateParameter(command, "bound", bound));
        }

        var created = model.FindEntityType(typeof(Subjects.Subject))!.FindProperty(nameof(Subjects.Subject.CreatedAt))!;
        command.Parameters.Add(created.GetRelationalTypeMapping().CreateParameter(command, "boundtime", HelsinkiTime.StartUtc(bound)));
    }

    private void BindGuid(DbCommand command, string name, Guid value) =>
        command.Parameters.Add(db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(Subjects.Subject))!.FindPrimaryKey()!
            .Properties[0].GetRelationalTypeMapping().CreateParameter(command, name, value));

    private void Add(DbCommand command, string name, object value) =>
        command.Parameters.Add(db.GetService<IRelationalTypeMappingSource>().FindMapping(value.GetType())!.CreateParameter(command, name, value));

    private Task LogAsync(RetentionRun run, string table, IEnumerable<DataCategory> categories, string rule, string action, long count,
        CancellationToken ct) => LogAsync(run, [new LogLine(table, categories, rule, action, count)], ct);

    private sealed record LogLine(string Table, IEnumerable<DataCategory> Categories, string Rule, string Action, long Count);

    private async Task LogAsync(RetentionRun run, IReadOnlyList<LogLine> lines, CancellationToken ct)
    {
        var written = lines.Where(l => l.Count > 0).ToList();
        if (written.Count == 0)
        {
            return;
        }

        foreach (var line in written.Where(l => l.Action != "held"))
        {
            _changed[line.Table] = _changed.GetValueOrDefault(line.Table) + line.Count;
        }

        var values = string.Join(", ", written.Select((_, i) => $"(@run, @table{i}, @categories{i}, @rule{i}, @action{i}, @count{i})"));
        await ExecuteAsync($"INSERT INTO retention_run_counts (run_id, table_name, categories, rule, action, \"count\") VALUES {values}", c =>
        {
            BindGuid(c, "run", run.Id);
            for (var i = 0; i < written.Count; i++)
            {
                Add(c, $"table{i}", written[i].Table);
                Add(c, $"categories{i}", string.Join(",", written[i].Categories.Select(x => x.Id).Distinct()));
                Add(c, $"rule{i}", written[i].Rule);
                Add(c, $"action{i}", written[i].Action);
                Add(c, $"count{i}", written[i].Count);
            }
        }, ct);
    }

    private async Task<bool> TakeLeaseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var taken = await db.Set<RetentionLease>().Where(l => l.Name == LeaseName && (l.ExpiresAt < now || l.Holder == Instance))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, Instance).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken > 0)
        {
            return true;
        }

        if (await db.Set<RetentionLease>().AnyAsync(l => l.Name == LeaseName, ct))
        {
            return false;
        }

        try
        {
            db.Add(new RetentionLease { Name = LeaseName, Holder = Instance, ExpiresAt = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the lease first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task RenewLeaseAsync(CancellationToken ct)
    {
        var until = clock.GetUtcNow().UtcDateTime.AddSeconds(options.Value.LeaseSeconds);
        var renewed = await db.Set<RetentionLease>().Where(l => l.Name == LeaseName && l.Holder == Instance)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, until), ct);
        if (renewed == 0)
        {
            throw new InvalidOperationException("The retention lease was lost to another instance; stopping this sweep.");
        }
    }

    private async Task ReleaseLeaseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<RetentionLease>().Where(l => l.Name == LeaseName && l.Holder == Instance)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, now), ct);
    }

    private async Task<long> ExecuteAsync(string text, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = CommandFor(text, bind);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> ScalarAsync(string text, Action<DbCommand> bind, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync<object>(text, bind, ct) ?? 0L, CultureInfo.InvariantCulture);

    private async Task<T?> ScalarAsync<T>(string text, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = CommandFor(text, bind);
        return (T?)await command.ExecuteScalarAsync(ct);
    }

    private DbCommand CommandFor(string text, Action<DbCommand> bind)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        bind(command);
        return command;
    }
}
