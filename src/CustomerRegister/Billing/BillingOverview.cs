using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

public sealed record InvoiceRow(
    Guid Id, string InvoiceNumber, Guid? SubjectId, Guid? OrganisationId, string BillingName, DateOnly DueDate, decimal Amount, InvoiceStatus Status);

public sealed record CollectionCaseRow(Guid Id, Guid? SubjectId, Guid? OrganisationId, string Name, string AgencyName, DateTime OpenedAt);

/// <summary>How many there are and the first of them: what a start page shows of a longer list.</summary>
public sealed record Counted<T>(int Count, Page<T> First);

/// <summary>Today's payouts at the desk: how many and how much; the rows only for a reader of billing data.</summary>
public sealed record PayoutDay(int Count, decimal Total, IReadOnlyList<PayoutRow>? Rows);

public sealed record PayoutRow(Guid Id, Guid SubjectId, string Name, decimal Amount, decimal? WeightKg, string? Material);

/// <summary>
/// Billing's day across customers: open invoices by due date (soonest first), overdue ones by how recently they fell
/// due (those needing a reminder now come first; the long overdue are usually in collection already) and the open
/// collection cases (oldest first), each keyset-paged by (date, id); restricted people (Art 18) stay out but for the DPO; each person shown audited.
/// </summary>
public sealed class BillingOverview(RegisterDbContext db, AuditLog audit, ProcessingLimits limits, TimeProvider clock)
{
    /// <summary>Open invoices not yet due (<paramref name="overdue"/> false) or past their due date (true), with their count.</summary>
    public async Task<Outcome<Counted<InvoiceRow>>> OpenInvoicesAsync(bool overdue, Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var today = HelsinkiTime.Today(clock);
        var open = (await limits.VisibleAsync(db.Set<Invoice>().AsNoTracking(), i => i.SubjectId)).Where(i => i.Status == InvoiceStatus.Open);
        var all = overdue ? open.Where(i => i.DueDate < today) : open.Where(i => i.DueDate >= today);
        var query = all;
        if (after is { } a)
        {
            var cursor = await db.Set<Invoice>().Where(i => i.Id == a).Select(i => (DateOnly?)i.DueDate).FirstOrDefaultAsync(ct);
            if (cursor is not { } d)
            {
                return Outcome.Invalid("after", "Not an invoice.");
            }

            query = overdue
                ? query.Where(i => i.DueDate < d || (i.DueDate == d && i.Id.CompareTo(a) < 0))
                : query.Where(i => i.DueDate > d || (i.DueDate == d && i.Id.CompareTo(a) > 0));
        }

        var count = await all.CountAsync(ct);
        var ordered = overdue
            ? query.OrderByDescending(i => i.DueDate).ThenByDescending(i => i.Id)
            : query.OrderBy(i => i.DueDate).ThenBy(i => i.Id);
        var rows = await ordered.Take(size + 1)
            .Select(i => new InvoiceRow(i.Id, i.InvoiceNumber, i.SubjectId, i.OrganisationId, i.BillingName, i.DueDate, i.Amount, i.Status))
            .ToListAsync(ct);
        await AuditAsync("invoice.list", "invoice", InvoiceQueries.InvoiceFields, rows.Take(size).Select(r => r.SubjectId), ct);
        return new Counted<InvoiceRow>(count, Paging.Of(rows, size, r => r.Id, r => r));
    }

    /// <summary>Open collection cases, oldest first, named after their invoices' billing name.</summary>
    public async Task<Outcome<Counted<CollectionCaseRow>>> OpenCasesAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var all = (await limits.VisibleAsync(db.Set<CollectionCase>().AsNoTracking(), c => c.SubjectId)).Where(c => c.Status == CollectionStatus.Open);
        var query = all;
        if (after is { } a)
        {
            var cursor = await db.Set<CollectionCase>().Where(c => c.Id == a).Select(c => (DateTime?)c.OpenedAt).FirstOrDefaultAsync(ct);
            if (cursor is not { } t)
            {
                return Outcome.Invalid("after", "Not a collection case.");
            }

            query = query.Where(c => c.OpenedAt > t || (c.OpenedAt == t && c.Id.CompareTo(a) > 0));
        }

        var count = await all.CountAsync(ct);
        var cases = await query.OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).Take(size + 1)
            .Select(c => new { c.Id, c.SubjectId, c.OrganisationId, c.AgencyName, c.OpenedAt }).ToListAsync(ct);
        var ids = cases.Select(c => (Guid?)c.Id).ToList();
        var names = (await db.Set<Invoice>().AsNoTracking().Where(i => ids.Contains(i.CollectionCaseId))
                .Select(i => new { i.CollectionCaseId, i.BillingName }).ToListAsync(ct))
            .GroupBy(i => i.CollectionCaseId!.Value).ToDictionary(g => g.Key, g => g.First().BillingName);
        await AuditAsync("collection.list", "collection_case", [Categories.Collection.Id], cases.Take(size).Select(c => c.SubjectId), ct);
        return new Counted<CollectionCaseRow>(count, Paging.Of(cases, size, c => c.Id,
            c => new CollectionCaseRow(c.Id, c.SubjectId, c.OrganisationId, names.GetValueOrDefault(c.Id, ""), c.AgencyName, c.OpenedAt)));
    }

    /// <summary>
    /// The metal credits paid on <paramref name="day"/>: the count and total for the desk that pays them, the rows only
    /// when <paramref name="withRows"/> (a reader of billing data; each person shown audited).
    /// </summary>
    public async Task<PayoutDay> PayoutsOnAsync(DateOnly day, bool withRows, int limit, CancellationToken ct)
    {
        var query = (await limits.VisibleAsync(db.Set<MetalCreditPayout>().AsNoTracking(), p => p.SubjectId)).Where(p => p.PaidOn == day);
        // A desk pays a handful a day; summed here because SQLite cannot sum decimals in SQL.
        var amounts = await query.Select(p => p.Amount).ToListAsync(ct);
        if (!withRows)
        {
            return new PayoutDay(amounts.Count, amounts.Sum(), null);
        }

        var rows = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(limit)
            .Select(p => new { p.Id, p.SubjectId, p.Amount, p.WeightKg, p.Material }).ToListAsync(ct);
        var names = await Customers.SubjectNames.OfAsync(db, [.. rows.Select(r => r.SubjectId)], ct);
        await AuditAsync("metal_credit.list", "metal_credit_payout", MetalCreditQueries.PayoutFields, rows.Select(r => (Guid?)r.SubjectId), ct);
        return new PayoutDay(amounts.Count, amounts.Sum(),
            [.. rows.Select(r => new PayoutRow(r.Id, r.SubjectId, names.GetValueOrDefault(r.SubjectId, ""), r.Amount, r.WeightKg, r.Material))]);
    }

    private async Task AuditAsync(string action, string entity, string[] fields, IEnumerable<Guid?> subjects, CancellationToken ct)
    {
        foreach (var subjectId in subjects.OfType<Guid>().Distinct())
        {
            audit.Add(new AuditEntry(action, Purposes.Invoicing, subjectId, entity, Fields: fields));
        }

        await db.SaveChangesAsync(ct);
    }
}
