using System.Data.Common;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>
/// The subject rules (<see cref="RetentionPlan.SubjectRules"/>): staging the people due, purging their profiles a chunk
/// at a time (one transaction each), and the rest of purged profiles once no voucher keeps it.
/// </summary>
public sealed class ProfileSweep(
    RegisterDbContext db, SweepSql sql, SweepLease lease, DeletionLog deletions, ErasureEngine engine, StorageReclaimer reclaimer,
    TimeProvider clock, IOptions<RetentionOptions> options, ILogger<ProfileSweep> log)
{
    public const string FreedReason = "customer-profile: what a voucher kept of a purged profile, once no voucher refers to it";

    /// <summary>The categories a profile purge removes, as a preview or log line names them.</summary>
    public static IReadOnlyList<string> ProfileCategories => [.. Categories.All.Where(RetentionPlan.IsProfile).Select(c => c.Id)];

    /// <summary>One disjoint part of a subject rule's people (<see cref="RetentionPlan.DueSubjectsParts"/>); the preview adds the parts up.</summary>
    public async Task<DueLine> CountAsync(RetentionPlan plan, RetentionRule rule, string part, DateTime asOf, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var due = await sql.ScalarAsync($"SELECT COUNT(*) FROM ({part}) d", c => BindSubjectRule(c, plan, rule.Id, asOf), ct);
        log.LogDebug("Preview subjects {Rule}: {Due} due in {Ms} ms", rule.Id, due, clock.GetElapsedTime(started).TotalMilliseconds);
        return new DueLine("subjects", ProfileCategories, rule.Id, plan.SubjectReason(rule), due, 0);
    }

    /// <summary>The first <paramref name="limit"/> people a subject rule removes by <paramref name="asOf"/> (none held: the rule's SQL leaves them out).</summary>
    public async Task<List<Guid>> ListAsync(RetentionPlan plan, RetentionRule rule, DateTime asOf, int limit, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var command = sql.CommandFor($"SELECT s FROM ({RetentionPlan.DueSubjectsSql(rule.Id)}) d LIMIT {limit}",
            c => BindSubjectRule(c, plan, rule.Id, asOf));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var value = reader.GetValue(0);
            ids.Add(value is Guid g ? g : Guid.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!));
        }

        return ids;
    }

    /// <summary>
    /// One chunk of staged ids: <paramref name="Match"/> selects them (<c>IN (…)</c>), <paramref name="Range"/> is the
    /// condition on the staging table itself, <paramref name="Bind"/> adds their parameters.
    /// </summary>
    private sealed record Chunk(string Match, string Range, Action<DbCommand> Bind);

    /// <summary>
    /// Works through the ids staged under <paramref name="staged"/> in chunks of <paramref name="size"/>, one transaction
    /// each: a chunk is the next key range of the staging table's index (keyset), so no chunk reads past the ones done
    /// before it. <paramref name="work"/> gets the chunk (<see cref="Chunk"/>); the chunk's staging rows go in the same
    /// transaction (unless <paramref name="consume"/> is false: a first pass over the same people), and the lease is
    /// renewed. Chunks are not paced (<see cref="RowSweep"/>).
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
                sql.BindGuid(c, "staged", staged);
                if (last is { } f)
                {
                    sql.BindGuid(c, "from", f);
                }
            }

            var upper = await sql.ScalarAsync<object>($"SELECT subject_id FROM (SELECT subject_id FROM retention_batch_subjects "
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
                sql.BindGuid(c, "to", to);
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                total += await work(new Chunk($"IN (SELECT subject_id FROM retention_batch_subjects WHERE {range})", range, BindRange));
                if (consume)
                {
                    await sql.ExecuteAsync($"DELETE FROM retention_batch_subjects WHERE {range}", BindRange, ct);
                }

                await lease.RenewAsync(ct);
                await transaction.CommitAsync(ct);
            }

            from = to;
        }
    }

    /// <summary>
    /// Stages the people a subject rule removes once, moves those with an open collection case to a batch of their own,
    /// and purges both.
    /// </summary>
    public async Task<long> SweepAsync(RetentionRun run, RetentionPlan plan, string rule, DateTime asOf, CancellationToken ct)
    {
        var staging = clock.GetTimestamp();
        var (all, people) = await StageAsync(plan, rule, asOf, ct);
        var debtors = Guid.CreateVersion7();
        var inCollection = people == 0 ? 0 : await sql.ExecuteAsync(
            $"UPDATE retention_batch_subjects SET batch_id = @debtors WHERE batch_id = @staged AND subject_id {RetentionPlan.CollectionSubjects}", c =>
            {
                sql.BindGuid(c, "debtors", debtors);
                sql.BindGuid(c, "staged", all);
            }, ct);
        log.LogInformation("Retention run {RunId} subjects {Rule}: {People} people due ({Debtors} with an open collection case), found in {Ms} ms",
            run.Id, rule, people, inCollection, clock.GetElapsedTime(staging).TotalMilliseconds);
        return (people > inCollection ? await PurgeProfilesAsync(run, rule, all, asOf, ct) : 0)
               + (inCollection > 0 ? await PurgeAroundCollectionAsync(run, rule, debtors, asOf, ct) : 0);
    }

    /// <summary>
    /// The rest of purged profiles that a voucher kept (an invoice's customer relationship) once no voucher points at it:
    /// it goes in the same run as the voucher, so a second run finds nothing.
    /// </summary>
    public async Task<long> PurgeFreedAsync(RetentionRun run, RetentionPlan plan, CancellationToken ct)
    {
        if (plan.FreedSubjectsSql() is not { } freed)
        {
            return 0;
        }

        var batch = Guid.CreateVersion7();
        var people = await sql.ExecuteAsync($"INSERT INTO retention_batch_subjects (batch_id, subject_id) SELECT DISTINCT @staged, d.s FROM ({freed}) d",
            c => sql.BindGuid(c, "staged", batch), ct);
        if (people == 0)
        {
            return 0;
        }

        var today = plan.Today(run.AsOf);
        return await InChunksAsync(batch, Math.Max(1, options.Value.BatchSize / 10), async chunk =>
        {
            var erased = await engine.PurgeAsync(chunk.Match, chunk.Bind, c => RetentionPlan.IsProfile(c) && c != Categories.SearchIndex, today, ct);
            await deletions.WriteErasedAsync(run, "customer-profile", erased, ct);
            return erased.Sum(e => e.Count);
        }, ct);
    }

    /// <summary>Stages the people a subject rule removes (<see cref="RetentionPlan.DueSubjectsSql"/>) under a new batch id.</summary>
    private async Task<(Guid Batch, long People)> StageAsync(RetentionPlan plan, string rule, DateTime asOf, CancellationToken ct)
    {
        var batch = Guid.CreateVersion7();
        var people = await sql.ExecuteAsync(
            $"INSERT INTO retention_batch_subjects (batch_id, subject_id) SELECT @staged, d.s FROM ({RetentionPlan.DueSubjectsSql(rule)}) d",
            c =>
            {
                BindSubjectRule(c, plan, rule, asOf);
                sql.BindGuid(c, "staged", batch);
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
            await deletions.WriteErasedAsync(run, rule, erased, ct);
            return erased.Sum(e => e.Count);
        }, ct);
    }

    private async Task<long> PurgeProfilesAsync(RetentionRun run, string rule, Guid all, DateTime asOf, CancellationToken ct)
    {
        // First the people's search-index rows, one part of the index at a time, each part vacuumed as soon as it is done.
        // Searches are answered from the covering index alone only while the table's pages are marked all-visible;
        // deleting a person's rows here and there clears the mark on nearly every page, and until a VACUUM sets it
        // again every search reads the table too (measured at 1 M subjects: a common name prefix 8 ms → 40 ms). On
        // PostgreSQL the index is eight hash partitions (Data/Migrations/HandWrittenSql.cs, ADR 6), so at any moment at most one
        // eighth of it is in that state, and for the short time one part takes. The rest of the purge does not touch it.
        var today = HelsinkiTime.DateOf(asOf);
        var entry = db.Model.FindEntityType(typeof(Search.SearchEntry))!;
        var searchIndex = entry.GetTableName()!;
        var subjectColumn = entry.FindProperty(nameof(Search.SearchEntry.SubjectId))!.GetColumnName();
        var parts = await reclaimer.PartsOfAsync(db, searchIndex, ct);
        var names = db.GetService<ISqlGenerationHelper>();

        // About five entries per person, spread over the parts: a chunk of people near BatchSize rows in each part.
        var perChunk = Math.Max(1, options.Value.BatchSize * parts.Count / 5);
        foreach (var part in parts)
        {
            var started = clock.GetTimestamp();
            var deleted = 0L;
            await InChunksAsync(all, perChunk, async chunk =>
            {
                var count = await sql.ExecuteAsync($"DELETE FROM {names.DelimitIdentifier(part)} WHERE {names.DelimitIdentifier(subjectColumn)} {chunk.Match}", chunk.Bind, ct);
                await deletions.WriteAsync(run, searchIndex, [Categories.SearchIndex], rule, "deleted", count, ct);
                deleted += count;
                return 0;
            }, ct, consume: false);
            if (deleted > 0)
            {
                await reclaimer.ReclaimNowAsync(db, [part], ct);
            }

            deletions.Forget(searchIndex);
            log.LogInformation("Retention run {RunId} {Table}: {Rows} rows deleted and vacuumed in {Ms} ms", run.Id, part, deleted, clock.GetElapsedTime(started).TotalMilliseconds);
        }

        // About 20 rows per person: a tenth of the row batch in people keeps a transaction near the row batch's size.
        return await InChunksAsync(all, Math.Max(1, options.Value.BatchSize / 10), async chunk =>
        {
            var erased = await engine.PurgeAsync(chunk.Match, chunk.Bind, c => RetentionPlan.IsProfile(c) && c != Categories.SearchIndex, today, ct);
            await deletions.WriteErasedAsync(run, rule, erased, ct);
            await sql.ExecuteAsync($"INSERT INTO retention_purged_subjects (subject_id, purged_at, rule) SELECT subject_id, @now, @rule "
                               + $"FROM retention_batch_subjects WHERE {chunk.Range}", c =>
            {
                chunk.Bind(c);
                sql.Add(c, "now", asOf);
                sql.Add(c, "rule", rule);
            }, ct);
            return erased.Sum(e => e.Count);
        }, ct);
    }

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
