using CustomerRegister.Catalog;
using CustomerRegister.Erasure;

namespace CustomerRegister.Retention;

/// <summary>
/// A run's deletion log (<c>retention_run_counts</c>): counts per table, category, rule and action, never values. It also
/// remembers which tables the run changed, for reclaiming their space once it is over.
/// </summary>
public sealed class DeletionLog(SweepSql sql)
{
    public sealed record Line(string Table, IEnumerable<DataCategory> Categories, string Rule, string Action, long Count);

    /// <summary>Rows deleted or emptied per table since it was last reclaimed (<see cref="TakeChanged"/>).</summary>
    private readonly Dictionary<string, long> _changed = new(StringComparer.Ordinal);

    /// <summary>The tables changed since the last call, which forgets them.</summary>
    public IReadOnlyList<string> TakeChanged()
    {
        var changed = _changed.Where(t => t.Value > 0).Select(t => t.Key).ToList();
        _changed.Clear();
        return changed;
    }

    /// <summary>A table already reclaimed as the run went.</summary>
    public void Forget(string table) => _changed.Remove(table);

    public Task WriteAsync(RetentionRun run, string table, IEnumerable<DataCategory> categories, string rule, string action, long count,
        CancellationToken ct) => WriteAsync(run, [new Line(table, categories, rule, action, count)], ct);

    /// <summary>A chunk's erased items, one line per table and action, in one statement.</summary>
    public Task WriteErasedAsync(RetentionRun run, string rule, IReadOnlyList<ErasedItems> erased, CancellationToken ct) =>
        WriteAsync(run, [.. erased.GroupBy(e => (e.Table, e.Action)).Select(e => new Line(e.Key.Table,
            [.. e.SelectMany(x => x.Categories).Distinct().Select(Categories.Get)], rule, e.Key.Action, e.Sum(x => x.Count)))], ct);

    public async Task WriteAsync(RetentionRun run, IReadOnlyList<Line> lines, CancellationToken ct)
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
        await sql.ExecuteAsync($"INSERT INTO retention_run_counts (run_id, table_name, categories, rule, action, \"count\") VALUES {values}", c =>
        {
            sql.BindGuid(c, "run", run.Id);
            for (var i = 0; i < written.Count; i++)
            {
                sql.Add(c, $"table{i}", written[i].Table);
                sql.Add(c, $"categories{i}", string.Join(",", written[i].Categories.Select(x => x.Id).Distinct()));
                sql.Add(c, $"rule{i}", written[i].Rule);
                sql.Add(c, $"action{i}", written[i].Action);
                sql.Add(c, $"count{i}", written[i].Count);
            }
        }, ct);
    }
}
