using System.Data.Common;
using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Recordings;
using CustomerRegister.Requests;
using CustomerRegister.Vehicles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>The subject rules: staging due people, purging their profiles a chunk at a time, what vouchers no longer keep.</summary>
public sealed partial class RetentionSweep
{
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
}
