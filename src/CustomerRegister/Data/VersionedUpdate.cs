using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Data;

/// <summary>Every change of a versioned row is made as of the version the caller read: a stale one fails at SaveChanges with 409.</summary>
public static class VersionedUpdate
{
    /// <summary>Marks the tracked row as read at <paramref name="version"/>, for a change whose audit names fixed fields.</summary>
    public static void AsOf<T>(RegisterDbContext db, T entity, long version)
        where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;

    /// <summary>The tracked row <paramref name="id"/> marked as read at <paramref name="version"/>, or null when there is none.</summary>
    public static async Task<T?> FindAsOfAsync<T>(RegisterDbContext db, Guid id, long version, CancellationToken ct)
        where T : class, IVersioned, IKeyedRow
    {
        var row = await db.Set<T>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is not null)
        {
            AsOf(db, row, version);
        }

        return row;
    }

    /// <summary>Applies a change as of <paramref name="version"/> and returns the names of the columns that changed, for the audit event.</summary>
    public static List<string> Apply<T>(RegisterDbContext db, T entity, long version, Action<T> change)
        where T : class, IVersioned
    {
        AsOf(db, entity, version);
        change(entity);
        db.ChangeTracker.DetectChanges();
        return [.. Access.ChangedFields(db.Entry(entity))];
    }
}
