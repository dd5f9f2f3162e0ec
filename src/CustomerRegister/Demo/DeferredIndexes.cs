using System.Collections.Concurrent;
using Npgsql;

namespace CustomerRegister.Demo;

/// <summary>
/// Seeding an empty PostgreSQL register: the secondary (non-unique) indexes are dropped before the load and built again
/// after it — one sorted build per index instead of maintaining each on every row copied in. Unique indexes and keys stay,
/// so the load is checked as it goes; the audit trail's tables are left alone. The definitions are read back from the
/// database itself (<c>pg_indexes</c>), so what is rebuilt is exactly what the migrations made; a partitioned table's
/// index is dropped and built on the parent, which does it for every partition.
/// </summary>
public sealed class DeferredIndexes
{
    private const string Secondary = """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.indexdef NOT LIKE 'CREATE UNIQUE INDEX%'
          AND i.tablename NOT IN ('audit_events', 'audit_seals') AND i.tablename NOT LIKE '\_\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = format('%I.%I', i.schemaname, i.indexname)::regclass)
        ORDER BY i.tablename, i.indexname
        """;

    private readonly List<(string Name, string Definition)> _dropped;

    private DeferredIndexes(List<(string Name, string Definition)> dropped) => _dropped = dropped;

    public int Count => _dropped.Count;

    /// <summary>Drops the secondary indexes and remembers their definitions.</summary>
    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var indexes = new List<(string, string)>();
        await using (var read = new NpgsqlCommand(Secondary, connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                // A partitioned table's index reads "ON ONLY parent": built that way it would cover no partition.
                indexes.Add((reader.GetString(0), reader.GetString(1).Replace(" ON ONLY ", " ON ", StringComparison.Ordinal)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }

        return new DeferredIndexes(indexes);
    }

    /// <summary>Builds the dropped indexes again, side by side on the given connections (largest tables' first as listed).</summary>
    public async Task RebuildAsync(IReadOnlyList<NpgsqlConnection> connections, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<string>(_dropped.Select(d => d.Definition));
        await Task.WhenAll(connections.Select(async connection =>
        {
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection))
            {
                await memory.ExecuteNonQueryAsync(ct);
            }

            while (queue.TryDequeue(out var definition))
            {
                await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
                await create.ExecuteNonQueryAsync(ct);
            }

            await using var reset = new NpgsqlCommand("RESET maintenance_work_mem", connection);
            await reset.ExecuteNonQueryAsync(ct);
        }));
    }
}
