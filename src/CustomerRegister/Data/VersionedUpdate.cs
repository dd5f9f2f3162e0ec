using CustomerRegister.Infrastructure;

namespace CustomerRegister.Data;

public static class VersionedUpdate
{
    /// <summary>
    /// Applies a change to a tracked row as of the version the caller read (a stale one fails at SaveChanges with
    /// 409) and returns the names of the columns that changed, for the audit event.
    /// </summary>
    public static List<string> Apply<T>(RegisterDbContext db, T entity, long version, Action<T> change)
        where T : class, IVersioned
    {
        var entry = db.Entry(entity);
        entry.Property(e => e.Version).OriginalValue = version;
        change(entity);
        db.ChangeTracker.DetectChanges();
        return [.. Access.ChangedFields(entry)];
    }
}
