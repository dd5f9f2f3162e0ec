using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

public sealed record RecentContact(
    Guid Id, Guid SubjectId, string Name, DateTime OccurredAt, ContactChannel Channel, ContactDirection Direction, string Summary);

public sealed record OpenFeedback(Guid Id, Guid SubjectId, string Name, DateTime ReceivedAt, ContactChannel Channel, string Text, int? Rating);

/// <summary>
/// Customer service's day across people: the latest contacts logged and the feedback not yet handled, newest first,
/// keyset-paged by (time, id). Restricted people (Art 18) stay out but for the DPO; every person shown is audited.
/// </summary>
public sealed class RecentCustomerWork(RegisterDbContext db, AuditLog audit, ProcessingLimits limits)
{
    public async Task<Outcome<Page<RecentContact>>> RecentContactsAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var query = await limits.VisibleAsync(db.Set<ContactHistoryEntry>().AsNoTracking(), e => e.SubjectId);
        if (after is { } a)
        {
            var cursor = await db.Set<ContactHistoryEntry>().Where(e => e.Id == a).Select(e => (DateTime?)e.OccurredAt).FirstOrDefaultAsync(ct);
            if (cursor is not { } t)
            {
                return Outcome.Invalid("after", FieldMessages.UnknownCursor);
            }

            query = query.Where(e => e.OccurredAt < t || (e.OccurredAt == t && e.Id.CompareTo(a) < 0));
        }

        var rows = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(size + 1)
            .Select(e => new { e.Id, e.SubjectId, e.OccurredAt, e.Channel, e.Direction, e.Summary }).ToListAsync(ct);
        var shown = rows.Take(size).ToList();
        var names = await SubjectNames.OfAsync(db, [.. shown.Select(r => r.SubjectId)], ct);
        await AuditAsync("contact_history.list", "contact_history", CustomerHistoryQueries.HistoryFields, shown.Select(r => r.SubjectId), ct);
        return Paging.Of(rows, size, r => r.Id,
            r => new RecentContact(r.Id, r.SubjectId, names.GetValueOrDefault(r.SubjectId, ""), r.OccurredAt, r.Channel, r.Direction, r.Summary));
    }

    public async Task<Outcome<Page<OpenFeedback>>> OpenFeedbackAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var query = (await limits.VisibleAsync(db.Set<Feedback>().AsNoTracking(), f => f.SubjectId)).Where(f => !f.Handled);
        if (after is { } a)
        {
            var cursor = await db.Set<Feedback>().Where(f => f.Id == a).Select(f => (DateTime?)f.ReceivedAt).FirstOrDefaultAsync(ct);
            if (cursor is not { } t)
            {
                return Outcome.Invalid("after", FieldMessages.UnknownCursor);
            }

            query = query.Where(f => f.ReceivedAt < t || (f.ReceivedAt == t && f.Id.CompareTo(a) < 0));
        }

        var rows = await query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).Take(size + 1)
            .Select(f => new { f.Id, f.SubjectId, f.ReceivedAt, f.Channel, f.Text, f.Rating }).ToListAsync(ct);
        var shown = rows.Take(size).ToList();
        var names = await SubjectNames.OfAsync(db, [.. shown.Select(r => r.SubjectId)], ct);
        await AuditAsync("feedback.list", "feedback", CustomerHistoryQueries.FeedbackFields, shown.Select(r => r.SubjectId), ct);
        return Paging.Of(rows, size, r => r.Id,
            r => new OpenFeedback(r.Id, r.SubjectId, names.GetValueOrDefault(r.SubjectId, ""), r.ReceivedAt, r.Channel, r.Text, r.Rating));
    }

    private async Task AuditAsync(string action, string entity, string[] fields, IEnumerable<Guid> subjects, CancellationToken ct)
    {
        foreach (var subjectId in subjects.Distinct())
        {
            audit.Add(new AuditEntry(action, Purposes.CustomerRelationship, subjectId, entity, Fields: fields));
        }

        await db.SaveChangesAsync(ct);
    }
}
