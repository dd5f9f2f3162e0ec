using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// One page of a list, keyset-paged: pass <see cref="NextAfter"/> back as <c>?after=</c> for the next page; null on the
/// last page. The one paging envelope of the API.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, Guid? NextAfter);

/// <summary>The same envelope for a list keyed by a number (the audit trail, newest first by event number).</summary>
public sealed record NumberedPage<T>(IReadOnlyList<T> Items, long? NextAfter);

/// <summary>How many there are and the first page of them: what a start page shows of a longer list.</summary>
public sealed record Counted<T>(int Count, Page<T> First);

/// <summary>The one page-size rule of every list: <c>?limit=</c> from 1 to <see cref="MaxSize"/>, <see cref="DefaultSize"/> if absent.</summary>
public static class Paging
{
    public const int DefaultSize = 50;

    public const int MaxSize = 200;

    /// <summary>The audit trail is read by the DPO and auditors in longer pages.</summary>
    public const int AuditMaxSize = 500;

    /// <summary>The size asked for, or the error naming <c>limit</c> and its range.</summary>
    public static int? Size(FieldErrors errors, int? limit, int max = MaxSize)
    {
        var size = limit ?? DefaultSize;
        if (size is < 1 || size > max)
        {
            errors.Add("limit", FieldMessages.Between(1, max));
            return null;
        }

        return size;
    }

    /// <summary>
    /// The page of <paramref name="query"/> in id order after the row <paramref name="after"/>: the one keyset query
    /// of every list ordered by its rows' ids (fetches size + 1 rows to know whether a next page exists).
    /// </summary>
    public static async Task<Page<TResult>> ByIdAsync<T, TResult>(
        this IQueryable<T> query, Guid? after, int size, Func<T, TResult> map, CancellationToken ct)
        where T : class, IKeyedRow
    {
        if (after is { } a)
        {
            query = query.Where(r => r.Id.CompareTo(a) > 0);
        }

        var rows = await query.OrderBy(r => r.Id).Take(size + 1).ToListAsync(ct);
        return Of(rows, size, r => r.Id, map);
    }

    /// <summary>The page of the first <paramref name="size"/> rows of <paramref name="rows"/> (fetched as size + 1).</summary>
    public static Page<TResult> Of<TRow, TResult>(
        IReadOnlyList<TRow> rows, int size, Func<TRow, Guid> key, Func<TRow, TResult> map) =>
        new(rows.Take(size).Select(map).ToList(), rows.Count > size ? key(rows[size - 1]) : null);
}
