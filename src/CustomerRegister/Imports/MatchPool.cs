namespace CustomerRegister.Imports;

/// <summary>
/// The records one chunk's rows are matched against (those the database found and those the file has created so far),
/// found by each match key in one look-up instead of a scan per row. The first record with a key keeps it, as a scan in
/// order would find it; a record whose fields a row changes is found by its new keys from then on.
/// </summary>
internal sealed class MatchPool<T>
    where T : class
{
    private readonly Func<T, string?>[] _keys;
    private readonly Dictionary<string, T>[] _by;

    public MatchPool(IEnumerable<T> records, params Func<T, string?>[] keys)
    {
        _keys = keys;
        _by = [.. keys.Select(_ => new Dictionary<string, T>(StringComparer.Ordinal))];
        foreach (var record in records)
        {
            Add(record);
        }
    }

    public void Add(T record)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i](record) is { } key)
            {
                _by[i].TryAdd(key, record);
            }
        }
    }

    /// <summary>The first record whose key number <paramref name="key"/> is <paramref name="value"/>.</summary>
    public T? Find(int key, string? value) => value is not null && _by[key].TryGetValue(value, out var record) ? record : null;

    /// <summary>Runs <paramref name="change"/> on <paramref name="record"/> and files it under the keys it has after.</summary>
    public bool Change(T record, Func<bool> change)
    {
        var before = _keys.Select(k => k(record)).ToArray();
        if (!change())
        {
            return false;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (before[i] is { } old && _by[i].TryGetValue(old, out var holder) && ReferenceEquals(holder, record) && _keys[i](record) != old)
            {
                _by[i].Remove(old);
            }
        }

        Add(record);
        return true;
    }
}
