using System.Data.Common;
using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>A due row: its key, the person it is about (if the table names one), its start day, and whether a hold keeps it.</summary>
public sealed record DueRow(string Key, Guid? SubjectId, DateOnly? Start, bool Held);

/// <summary>
/// The row rules: batches of due rows by their own dates (<see cref="RowSource"/>), one transaction each, what holds them
/// back, and the pacing that leaves the database to the staff between batches.
/// </summary>
public sealed class RowSweep(
    RegisterDbContext db, SweepSql sql, SweepLease lease, DeletionLog deletions, IRecordingStore files, TimeProvider clock,
    IOptions<RetentionOptions> options, ILogger<RowSweep> log)
{
    /// <summary>What is due and held of a source, as a preview line.</summary>
    public async Task<DueLine> CountAsync(RowSource source, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var (due, held) = await CountDueAndHeldAsync(source, ct);
        log.LogDebug("Preview {Table} {Rule}: {Due} due, {Held} held in {Ms} ms", source.Table, source.Rule.Id, due, held,
            clock.GetElapsedTime(started).TotalMilliseconds);
        return Line(source, due, held);
    }

    public static DueLine Line(RowSource source, long due, long held) =>
        new(source.Table, [.. source.Categories.Select(c => c.Id)], source.Rule.Id, source.Reason, due, held);

    public async Task<long> SweepAsync(RetentionRun run, RowSource source, CancellationToken ct)
    {
        var names = db.GetService<ISqlGenerationHelper>();
        var table = names.DelimitIdentifier(source.Table);
        var startColumn = $"{table}.{names.DelimitIdentifier(source.Start.GetColumnName())}";
        var batch = options.Value.BatchSize;
        long total = 0;

        // A recording's file goes with its row: the row first (committed), then the file; a crash in between leaves an
        // orphan file, which the recordings integrity check removes.
        var file = source.Entity.FindProperty(nameof(Recordings.CallRecording.StorageKey));
        var returning = $" RETURNING {names.DelimitIdentifier(source.Start.GetColumnName())}"
                        + (file is null ? "" : $", {names.DelimitIdentifier(file.GetColumnName())}");

        // Batches walk the start column's index upwards from where the last one stopped: restarting from the lowest
        // value every time would step over the dead index entries of every batch before it.
        object? from = null;
        while (true)
        {
            var started = clock.GetTimestamp();
            var keys = new List<string>();
            long deleted = 0;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var after = from is null ? "" : $" AND {startColumn} >= @from";
                var text = $"DELETE FROM {table} WHERE {RowsOf(row => $"SELECT {row} FROM {table} WHERE {DueNotHeld(source)}{after} "
                                                                      + $"ORDER BY {startColumn} LIMIT {batch}")}{returning}";
                await using (var command = sql.CommandFor(text, c =>
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
                    await deletions.WriteAsync(run, source.Table, source.Categories, source.Rule.Id, "deleted", deleted, ct);
                }

                await lease.RenewAsync(ct);
                await transaction.CommitAsync(ct);
            }

            foreach (var stored in keys)
            {
                await files.DeleteAsync(stored, ct);
            }

            await PaceAsync(clock.GetElapsedTime(started), ct);
            total += deleted;
            if (deleted < batch)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// Leaves the database to the staff between row batches: a pause of <c>Retention:PauseFactor</c> times the batch's own
    /// time. Row rules delete cheap rows by the tens of thousands per second, and that is what weighs on concurrent
    /// searches (measured at 1 M subjects with four clients searching: p95 twice its idle value while web events went
    /// unpaced, 1.1× paced at 0.6). The profile purge's chunks are heavier per row and weighed little; pausing them only
    /// made the run longer, so they are not paced. Measured and waited on the <see cref="TimeProvider"/>: on a test's fake
    /// clock a batch takes no time, so no pause waits for a clock that does not move.
    /// </summary>
    private async Task PaceAsync(TimeSpan batch, CancellationToken ct)
    {
        var pause = batch * options.Value.PauseFactor;
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, clock, ct);
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
        var names = db.GetService<ISqlGenerationHelper>();
        var model = db.GetService<IDesignTimeModel>().Model;
        var table = names.DelimitIdentifier(source.Table);
        var key = source.Entity.FindPrimaryKey()!.Properties[0];
        var keyColumn = $"{table}.{names.DelimitIdentifier(key.GetColumnName())}";
        var parts = new List<string> { $"{table}.{names.DelimitIdentifier(source.Start.GetColumnName())} < @bound" };
        if (source.Extra is not null)
        {
            parts.Add(source.Extra);
        }

        // Rows something else still points at (an invoice its later payment names) wait for it.
        foreach (var fk in source.Entity.GetReferencingForeignKeys()
                     .Where(f => f.Properties.Count == 1 && f.DeleteBehavior is not (DeleteBehavior.Cascade or DeleteBehavior.SetNull)))
        {
            var child = names.DelimitIdentifier(fk.DeclaringEntityType.GetTableName()!);
            parts.Add($"NOT EXISTS (SELECT 1 FROM {child} x WHERE x.{names.DelimitIdentifier(fk.Properties[0].GetColumnName())} = {keyColumn})");
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
            if (SubjectRows.Tables(model, names, derived: true, owned: false, match: hold).FirstOrDefault(t => t.Entity == source.Entity) is { } person)
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
        var all = await sql.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE {Conditions(source).Due}", c => BindBound(c, source), ct);
        var held = all == 0 ? 0 : await CountHeldAsync(source, ct);
        return (all - held, held);
    }

    /// <summary>
    /// The first <paramref name="limit"/> due rows of a source, earliest start first: each row's key, the person it is
    /// about (when the table names one), its start day and whether a hold keeps it.
    /// </summary>
    public async Task<List<DueRow>> ListAsync(RowSource source, int limit, CancellationToken ct)
    {
        var names = db.GetService<ISqlGenerationHelper>();
        var table = names.DelimitIdentifier(source.Table);
        var key = $"{table}.{names.DelimitIdentifier(source.Entity.FindPrimaryKey()!.Properties[0].GetColumnName())}";
        var start = $"{table}.{names.DelimitIdentifier(source.Start.GetColumnName())}";
        var subject = source.Entity.FindProperty(nameof(Subjects.SubjectRecord.SubjectId)) is { } s
            ? $"{table}.{names.DelimitIdentifier(s.GetColumnName())}"
            : "NULL";
        var (due, held) = Conditions(source);
        var isHeld = held is null ? "0" : $"CASE WHEN {held.IsHeld} THEN 1 ELSE 0 END";
        var rows = new List<DueRow>();
        await using var command = sql.CommandFor(
            $"SELECT {key}, {start}, {subject}, {isHeld} FROM {table} WHERE {due} ORDER BY {start} LIMIT {limit}", c => BindBound(c, source));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var day = Typed(reader.GetValue(1), source) switch
            {
                DateOnly d => d,
                DateTime t => HelsinkiTime.DateOf(t),
                _ => (DateOnly?)null,
            };
            rows.Add(new DueRow(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, reader.IsDBNull(2) ? null : AsGuid(reader.GetValue(2)),
                day, Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) == 1));
        }

        return rows;
    }

    private static Guid AsGuid(object value) => value is Guid g ? g : Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!);

    public async Task<long> CountHeldAsync(RowSource source, CancellationToken ct)
    {
        var (due, held) = Conditions(source);
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(source.Table);
        return held is null ? 0 : await sql.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE {due} AND {held.Keys}", c => BindBound(c, source), ct);
    }

    private void BindBound(DbCommand command, RowSource source) =>
        command.Parameters.Add(source.Start.GetRelationalTypeMapping().CreateParameter(command, "bound", source.Bound));
}
