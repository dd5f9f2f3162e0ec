using CustomerRegister.Search;
using CustomerRegister.Subjects;

namespace CustomerRegister.Demo;

/// <summary>
/// Rows of any mapped entity type, grouped by type, to be bulk-written together. A new data category adds its own
/// entity rows here; the writers read the table shape from the EF model, so they need no change.
/// </summary>
public sealed class DemoBatch
{
    private readonly Dictionary<Type, List<object>> _rows = [];

    public int Subjects { get; private set; }

    public int RowCount { get; private set; }

    public IReadOnlyDictionary<Type, List<object>> Tables => _rows;

    public void Add<T>(T row)
        where T : class
    {
        if (!_rows.TryGetValue(typeof(T), out var list))
        {
            _rows[typeof(T)] = list = [];
        }

        list.Add(row);
        RowCount++;
        if (row is Subject)
        {
            Subjects++;
        }
    }

    /// <summary>The same entries <see cref="SearchIndex.ReplaceAsync"/> writes for a new record.</summary>
    public void AddSearchEntries(SearchTarget kind, Guid targetId, Guid? subjectId, IEnumerable<(string Field, string Term)> terms,
        string? sortKey = null)
    {
        foreach (var entry in SearchIndex.EntriesOf(kind, targetId, subjectId, sortKey, terms))
        {
            Add(entry);
        }
    }

    public void Merge(DemoBatch other)
    {
        foreach (var (type, rows) in other._rows)
        {
            if (!_rows.TryGetValue(type, out var list))
            {
                _rows[type] = list = [];
            }

            list.AddRange(rows);
        }

        RowCount += other.RowCount;
        Subjects += other.Subjects;
    }
}
