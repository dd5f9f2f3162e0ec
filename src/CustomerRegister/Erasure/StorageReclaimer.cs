using System.Threading.Channels;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Erasure;

/// <summary>
/// Deleted is not gone in storage: SQLite (secure_delete on) still holds old page images in its -wal file until a
/// checkpoint, PostgreSQL keeps dead tuples until VACUUM. After an erasure commits, SQLite is checkpointed at once
/// (TRUNCATE empties the -wal file); PostgreSQL's touched tables are vacuumed in the background, batched, so that the
/// erasure itself does not wait for index scans of large tables.
/// </summary>
public sealed class StorageReclaimer(IServiceScopeFactory scopes, ILogger<StorageReclaimer> log) : BackgroundService
{
    private readonly Channel<IReadOnlyList<string>> _pending = Channel.CreateUnbounded<IReadOnlyList<string>>();

    /// <summary>
    /// Called after an erasure's (or a retention sweep's) deletions committed. Returns what was done, for the certificate.
    /// </summary>
    public async Task<string> AfterDeletionAsync(RegisterDbContext db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            return await CheckpointAsync(db, ct)
                ? "sqlite: secure_delete overwrote the freed space; the write-ahead log was checkpointed and truncated"
                : "sqlite: secure_delete overwrote the freed space; the write-ahead log will be emptied by the next checkpoint";
        }

        await _pending.Writer.WriteAsync(tables, ct);
        return "postgresql: the touched tables are vacuumed in the background (dead rows reclaimed)";
    }

    /// <summary>
    /// Vacuums PostgreSQL tables at once, on the caller's open connection and outside any transaction (the retention
    /// sweep between its batches). SQLite has nothing to do until the deletions are over.
    /// </summary>
    public async Task ReclaimNowAsync(RegisterDbContext db, IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            foreach (var table in tables)
            {
                await VacuumAsync(db, table, ct);
            }
        }
    }

    /// <summary>
    /// The physical parts of a table, to delete from and vacuum one at a time: its partitions on PostgreSQL (the search
    /// index is hash-partitioned), otherwise the table itself.
    /// </summary>
    public async Task<IReadOnlyList<string>> PartsOfAsync(RegisterDbContext db, string table, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return [table];
        }

        var parts = await db.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = to_regclass({table}) ORDER BY c.relname
            """).ToListAsync(ct);
        return parts.Count > 0 ? parts : [table];
    }

#pragma warning disable EF1002 // table names come from the EF model, never from input
    private static Task VacuumAsync(RegisterDbContext db, string table, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($"VACUUM (SKIP_LOCKED) \"{table.Replace("\"", "", StringComparison.Ordinal)}\"", ct);
#pragma warning restore EF1002

    private async Task<bool> CheckpointAsync(RegisterDbContext db, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            // No pause of our own between attempts: a TRUNCATE checkpoint already waits in SQLite's busy handler
            // (busy_timeout, DatabaseSetup) for the readers and the writer it needs gone, so the wait is on them, not on a clock.
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                // The row is (busy, log frames, checkpointed frames); busy = 1 while a reader holds an older snapshot.
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct) && reader.GetInt64(0) == 0)
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "WAL checkpoint failed");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        log.LogWarning("WAL checkpoint stayed busy; the next checkpoint will empty it");
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            var tables = new SortedSet<string>(StringComparer.Ordinal);
            while (_pending.Reader.TryRead(out var batch))
            {
                tables.UnionWith(batch);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
                foreach (var table in tables)
                {
                    await VacuumAsync(db, table, stoppingToken);
                }

                log.LogInformation("Vacuumed {Count} tables after deletions", tables.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Vacuum after deletions failed; autovacuum will reclaim the rows");
            }
        }
    }
}
