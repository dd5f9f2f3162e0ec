using System.Globalization;
using Npgsql;

namespace CustomerRegister.Demo;

/// <summary>
/// Bulk loading into an EMPTY PostgreSQL register: secondary indexes and foreign keys are dropped before the COPY and
/// built again after it, which costs far less than maintaining them row by row (a foreign key is a trigger per row).
/// Re-adding a foreign key validates every row, so integrity is checked all the same. Primary keys stay. The
/// definitions are read from the catalog first, and are restored even when the load fails. Autovacuum is held off the
/// tables meanwhile: it would vacuum them while they fill, and each index build or new foreign key then waits a second
/// (deadlock_timeout) for the autovacuum in its way to be cancelled (measured: six such waits, 5–6 s of a 1 M seed).
/// </summary>
public sealed class DeferredIndexes
{
    private readonly List<(string Table, string Name, string Definition)> _indexes;
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys;
    private readonly List<string> _heaps;
    private bool _restored;

    private DeferredIndexes(List<(string Table, string Name, string Definition)> indexes, List<(string Table, string Name, string Definition)> foreignKeys,
        List<string> heaps)
    {
        _indexes = indexes;
        _foreignKeys = foreignKeys;
        _heaps = heaps;
    }

    public int Count => _indexes.Count;

    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        var indexes = new List<(string, string, string)>();
        await using (var read = new NpgsqlCommand("""
            SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.tablename, i.indexname
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                // A partitioned table's index reads "ON ONLY t", which would not build the partitions' indexes.
                indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2).Replace(" ON ONLY ", " ON ", StringComparison.Ordinal)));
            }
        }

        var foreignKeys = new List<(string, string, string)>();
        await using (var read = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND c.conrelid::regclass::text = ANY(@tables)
            ORDER BY 1, 2
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        // The tables that hold rows: the plain ones and the partitions of a partitioned one (the search index), which is
        // where autovacuum works.
        var heaps = new List<string>();
        await using (var read = new NpgsqlCommand("""
            SELECT c.oid::regclass::text FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
              AND (c.relname = ANY(@tables) OR EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                                                        WHERE i.inhrelid = c.oid AND p.relname = ANY(@tables)))
            ORDER BY 1
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                heaps.Add(reader.GetString(0));
            }
        }

        foreach (var heap in heaps)
        {
            await using var off = new NpgsqlCommand($"ALTER TABLE {heap} SET (autovacuum_enabled = false)", connection);
            await off.ExecuteNonQueryAsync(ct);
        }

        foreach (var (table, name, _) in foreignKeys)
        {
            await using var drop = new NpgsqlCommand($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }

        foreach (var (_, name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX IF EXISTS \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }

        return new DeferredIndexes(indexes, foreignKeys, heaps);
    }

    /// <summary>Builds the indexes again and refreshes the planner's statistics, spread over the given connections.</summary>
    public async Task RestoreAsync(IReadOnlyList<NpgsqlConnection> connections, TextWriter output, CancellationToken ct)
    {
        if (_restored)
        {
            return;
        }

        var started = DateTime.UtcNow;
        int analysed;
        try
        {
            analysed = await RebuildAsync(connections, ct);
        }
        finally
        {
            // Autovacuum comes back whatever happened to the rebuild (a failed one is retried by the caller, and would
            // otherwise leave the tables without it).
            foreach (var heap in _heaps)
            {
                await using var on = new NpgsqlCommand($"ALTER TABLE {heap} RESET (autovacuum_enabled)", connections[0]);
                await on.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        _restored = true;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  rebuilt {_indexes.Count} indexes, validated {_foreignKeys.Count} foreign keys and refreshed the statistics of {analysed} tables "
            + $"in {(DateTime.UtcNow - started).TotalSeconds:N1} s"));
    }

    /// <summary>Index builds, validations and statistics; returns the number of tables analysed.</summary>
    private async Task<int> RebuildAsync(IReadOnlyList<NpgsqlConnection> connections, CancellationToken ct)
    {
        // Foreign keys come back NOT VALID first, one at a time (each briefly locks two tables), so that validating them
        // can run beside the index builds: VALIDATE takes only locks that neither block each other nor CREATE INDEX
        // on another table, so the connections cannot deadlock.
        foreach (var (table, name, definition) in _foreignKeys)
        {
            await using var add = new NpgsqlCommand($"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition} NOT VALID", connections[0]);
            await add.ExecuteNonQueryAsync(ct);
        }

        // Largest tables first, so that the longest builds (the search index's) do not start last and leave one
        // connection idle at the end; an index is built by one process per connection (no parallel workers, which on a
        // busy machine only add sorting and merging work).
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);

        // A partitioned table (the search index) counts with all its partitions, and is analysed as a whole.
        await using (var read = new NpgsqlCommand("""
            SELECT c.relname, CASE WHEN c.relkind = 'p'
                THEN (SELECT COALESCE(sum(pg_relation_size(t.relid)), 0)::bigint FROM pg_partition_tree(c.oid) t)
                ELSE pg_relation_size(c.oid) END
            FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """, connections[0]))
        {
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                sizes[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        foreach (var connection in connections)
        {
            await using var set = new NpgsqlCommand("SET max_parallel_maintenance_workers = 0", connection);
            await set.ExecuteNonQueryAsync(ct);
        }

        var queue = new Queue<string>(_indexes.Select(i => (i.Table, Statement: i.Definition))
            .Concat(_foreignKeys.Select(f => (f.Table, Statement: $"ALTER TABLE {f.Table} VALIDATE CONSTRAINT \"{f.Name}\"")))
            .OrderByDescending(x => sizes.GetValueOrDefault(x.Table.Trim('"'))).Select(x => x.Statement)

            // The planner's statistics last, table by table on both connections (an ANALYZE waits for an index still
            // being built on its table, so these come after every build).
            .Concat(sizes.OrderByDescending(t => t.Value).Select(t => $"ANALYZE \"{t.Key}\"")));
        await Task.WhenAll(connections.Select(async connection =>
        {
            while (true)
            {
                string? statement;
                lock (queue)
                {
                    if (!queue.TryDequeue(out statement))
                    {
                        return;
                    }
                }

                await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync(ct);
            }
        }));
        return sizes.Count;
    }
}
