using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>
/// The steps every record of a person shares when it is recorded or corrected (contacts, feedback, additional
/// information, a consumer's or contact person's details): the person must exist, the change is audited as
/// <c>{entity}.create</c> or <c>{entity}.update</c> (or the action given) with the fields it set, and a correction
/// applies as of the version read, with what must be kept in step (<c>keep</c>) in the same save.
/// </summary>
public sealed class SubjectRecordWrites(RegisterDbContext db, AuditLog audit)
{
    public async Task<Outcome<T>> CreateAsync<T>(T item, string entity, CancellationToken ct)
        where T : SubjectRecord
    {
        if (!await CustomerHistoryQueries.SubjectExistsAsync(db, item.SubjectId, ct))
        {
            return Outcome.Missing;
        }

        db.Add(item);
        audit.Add(new AuditEntry($"{entity}.create", Purposes.CustomerRelationship, item.SubjectId, entity, item.Id.ToString(),
            Access.SetFields(db.Entry(item))));
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<Outcome<T>> UpdateAsync<T>(
        Guid id, long version, Action<T> change, string entity, CancellationToken ct, Func<T, Task>? keep = null, string? action = null)
        where T : SubjectRecord, IVersioned
    {
        var item = await db.Set<T>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (item is null)
        {
            return Outcome.Missing;
        }

        var changed = VersionedUpdate.Apply(db, item, version, change);
        if (keep is not null)
        {
            await keep(item);
        }

        audit.Add(new AuditEntry(action ?? $"{entity}.update", Purposes.CustomerRelationship, item.SubjectId, entity, id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return item;
    }
}
