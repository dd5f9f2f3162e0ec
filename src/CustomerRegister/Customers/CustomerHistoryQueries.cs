using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Reading a person's contact history, feedback and additional information, audited.</summary>
public sealed class CustomerHistoryQueries(RegisterDbContext db, AuditLog audit)
{
    private static readonly LocalText NotThisPersons = new(
        "Merkintä ei kuulu tälle henkilölle.",
        "Posten hör inte till den här personen.",
        "Not an entry of this person.");

    internal static readonly string[] HistoryFields = [Categories.ContactHistory.Id];
    internal static readonly string[] FeedbackFields = [Categories.Feedback.Id];
    internal static readonly string[] InfoFields = [Categories.AdditionalInfo.Id];

    /// <summary>Newest first, keyset-paged by time and id.</summary>
    public async Task<Outcome<Page<ContactHistoryResponse>>> HistoryAsync(Guid subjectId, Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        if (!await SubjectExistsAsync(db, subjectId, ct))
        {
            return Outcome.Missing;
        }

        var query = db.Set<ContactHistoryEntry>().AsNoTracking().Where(e => e.SubjectId == subjectId);
        if (after is { } a)
        {
            var cursor = await query.Where(e => e.Id == a).Select(e => (DateTime?)e.OccurredAt).FirstOrDefaultAsync(ct);
            if (cursor is not { } t)
            {
                return Outcome.Invalid("after", NotThisPersons);
            }

            query = query.Where(e => e.OccurredAt < t || (e.OccurredAt == t && e.Id.CompareTo(a) < 0));
        }

        var rows = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("contact_history.list", Purposes.CustomerRelationship, subjectId, "contact_history",
            Fields: HistoryFields), ct);
        return Paging.Of(rows, size, e => e.Id, e => e.ToResponse());
    }

    public Task<Outcome<ContactHistoryEntry>> HistoryEntryAsync(Guid id, CancellationToken ct) =>
        ItemAsync<ContactHistoryEntry>(id, "contact_history", HistoryFields, ct);

    public async Task<Outcome<List<Feedback>>> FeedbackAsync(Guid subjectId, CancellationToken ct)
    {
        if (!await SubjectExistsAsync(db, subjectId, ct))
        {
            return Outcome.Missing;
        }

        var rows = await db.Set<Feedback>().AsNoTracking().Where(f => f.SubjectId == subjectId)
            .OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("feedback.list", Purposes.CustomerRelationship, subjectId, "feedback", Fields: FeedbackFields), ct);
        return rows;
    }

    public Task<Outcome<Feedback>> FeedbackItemAsync(Guid id, CancellationToken ct) =>
        ItemAsync<Feedback>(id, "feedback", FeedbackFields, ct);

    public async Task<Outcome<List<AdditionalInfo>>> AdditionalInfoAsync(Guid subjectId, CancellationToken ct)
    {
        if (!await SubjectExistsAsync(db, subjectId, ct))
        {
            return Outcome.Missing;
        }

        var rows = await db.Set<AdditionalInfo>().AsNoTracking().Where(a => a.SubjectId == subjectId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("additional_info.list", Purposes.CustomerRelationship, subjectId, "additional_info",
            Fields: InfoFields), ct);
        return rows;
    }

    public Task<Outcome<AdditionalInfo>> AdditionalInfoItemAsync(Guid id, CancellationToken ct) =>
        ItemAsync<AdditionalInfo>(id, "additional_info", InfoFields, ct);

    /// <summary>One history item by id, its read audited as <c>{entity}.read</c> with the item's categories.</summary>
    private async Task<Outcome<T>> ItemAsync<T>(Guid id, string entity, string[] fields, CancellationToken ct)
        where T : SubjectRecord
    {
        var item = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (item is null)
        {
            return Outcome.Missing;
        }

        await audit.WriteAsync(new AuditEntry(entity + ".read", Purposes.CustomerRelationship, item.SubjectId, entity, id.ToString(), fields), ct);
        return item;
    }

    internal static Task<bool> SubjectExistsAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct);
}
