using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Billing;

/// <summary>Reads of invoices and collection cases, each audited.</summary>
public sealed class InvoiceQueries(
    RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options, ProcessingLimits limits, TimeProvider clock)
{
    internal static readonly string[] InvoiceFields = [Categories.Invoice.Id, Categories.Payment.Id];

    /// <summary>A customer's invoices, newest first, in every state.</summary>
    public Task<Outcome<List<InvoiceResponse>>> ListAsync(Guid? consumerId, Guid? organisationId, int? limit, CancellationToken ct) =>
        ListAsync(consumerId, organisationId, null, limit, ct);

    /// <summary>
    /// A customer's invoices, newest first: exactly one of <paramref name="consumerId"/> and <paramref name="organisationId"/>;
    /// <paramref name="state"/> narrows them as the billing desk's list does (all when null).
    /// </summary>
    public async Task<Outcome<List<InvoiceResponse>>> ListAsync(
        Guid? consumerId, Guid? organisationId, InvoiceListState? state, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if ((consumerId is null) == (organisationId is null))
        {
            errors.Add("consumerId", FieldMessages.ConsumerOrOrganisation);
        }

        var size = Paging.Size(errors, limit);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        // A restricted person's invoices (Art 18) stay out of the list for all but the DPO.
        var query = (await limits.VisibleAsync(db.Set<Invoice>().AsNoTracking(), i => i.SubjectId))
            .Where(i => consumerId != null ? i.ConsumerId == consumerId : i.OrganisationId == organisationId);
        if (state is { } s)
        {
            query = query.Where(InState(s, HelsinkiTime.Today(clock)));
        }

        var invoices = await query
            .OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Id).Take(size!.Value).ToListAsync(ct);
        var ids = invoices.Select(i => i.Id).ToList();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => ids.Contains(p.InvoiceId)).ToListAsync(ct);
        foreach (var subjectId in invoices.Select(i => i.SubjectId).Distinct())
        {
            audit.Add(new AuditEntry("invoice.list", Purposes.Invoicing, subjectId, "invoice", Fields: InvoiceFields));
        }

        await db.SaveChangesAsync(ct);
        var years = options.Value.VoucherRetentionYears;
        return invoices.Select(i => i.ToResponse(payments, years)).ToList();
    }

    /// <summary>
    /// The billing desk's list across customers: unpaid invoices by due date, so the most overdue come first (paid and
    /// cancelled ones newest due date first), optionally only one customer's by name or invoice number. Keyset-paged:
    /// <paramref name="after"/> is the last id of the previous page.
    /// </summary>
    public async Task<Outcome<Page<InvoiceListItem>>> WorklistAsync(
        InvoiceListState state, string? customer, Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Paging.Size(errors, limit);
        var term = errors.Text("customer", customer, 200);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var today = HelsinkiTime.Today(clock);
        var query = (await limits.VisibleAsync(db.Set<Invoice>().AsNoTracking(), i => i.SubjectId)).Where(InState(state, today));
        if (term is not null)
        {
            var number = term.ToUpperInvariant();
            var name = term.ToLowerInvariant();
            query = query.Where(i => i.InvoiceNumber == number || i.BillingName.ToLower().Contains(name));
        }

        var ascending = state is InvoiceListState.Open or InvoiceListState.Overdue;
        if (after is { } a)
        {
            if (await db.Set<Invoice>().AsNoTracking().Where(i => i.Id == a).Select(i => (DateOnly?)i.DueDate).FirstOrDefaultAsync(ct) is not { } due)
            {
                return Outcome.Invalid("after", FieldMessages.UnknownCursor);
            }

            query = ascending
                ? query.Where(i => i.DueDate > due || (i.DueDate == due && i.Id.CompareTo(a) > 0))
                : query.Where(i => i.DueDate < due || (i.DueDate == due && i.Id.CompareTo(a) < 0));
        }

        var ordered = ascending
            ? query.OrderBy(i => i.DueDate).ThenBy(i => i.Id)
            : query.OrderByDescending(i => i.DueDate).ThenByDescending(i => i.Id);
        var rows = await ordered.Take(size!.Value + 1).ToListAsync(ct);
        var paid = await PaidAsync(rows.Take(size.Value).Select(i => i.Id).ToList(), ct);
        foreach (var subjectId in rows.Take(size.Value).Select(i => i.SubjectId).Distinct())
        {
            audit.Add(new AuditEntry("invoice.list", Purposes.Invoicing, subjectId, "invoice", Fields: InvoiceFields));
        }

        await db.SaveChangesAsync(ct);
        return Paging.Of(rows, size.Value, i => i.Id, i => i.ToListItem(paid.GetValueOrDefault(i.Id), today));
    }

    /// <summary>Open collection cases, the longest open first, each with its invoices; keyset-paged like the worklist.</summary>
    public async Task<Outcome<Page<CollectionCaseListItem>>> OpenCasesAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var query = (await limits.VisibleAsync(db.Set<CollectionCase>().AsNoTracking(), c => c.SubjectId))
            .Where(c => c.Status == CollectionStatus.Open);
        if (after is { } a)
        {
            if (await db.Set<CollectionCase>().AsNoTracking().Where(c => c.Id == a).Select(c => (DateTime?)c.OpenedAt).FirstOrDefaultAsync(ct) is not { } opened)
            {
                return Outcome.Invalid("after", FieldMessages.UnknownCursor);
            }

            query = query.Where(c => c.OpenedAt > opened || (c.OpenedAt == opened && c.Id.CompareTo(a) > 0));
        }

        var rows = await query.OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).Take(size + 1).ToListAsync(ct);
        var caseIds = rows.Take(size).Select(c => c.Id).ToList();
        var invoices = await db.Set<Invoice>().AsNoTracking().Where(i => i.CollectionCaseId != null && caseIds.Contains(i.CollectionCaseId.Value))
            .OrderBy(i => i.DueDate).ToListAsync(ct);
        var paid = await PaidAsync(invoices.Select(i => i.Id).ToList(), ct);
        foreach (var subjectId in rows.Take(size).Select(c => c.SubjectId).Distinct())
        {
            audit.Add(new AuditEntry("collection.list", Purposes.Invoicing, subjectId, "collection_case",
                Fields: [Categories.Collection.Id, Categories.Invoice.Id]));
        }

        await db.SaveChangesAsync(ct);
        var today = HelsinkiTime.Today(clock);
        return Paging.Of(rows, size, c => c.Id, c => c.ToListItem(
            [.. invoices.Where(i => i.CollectionCaseId == c.Id).Select(i => i.ToListItem(paid.GetValueOrDefault(i.Id), today))]));
    }

    /// <summary>How many invoices the worklist holds in <paramref name="state"/> (restricted people left out as there).</summary>
    public async Task<int> CountAsync(InvoiceListState state, CancellationToken ct) =>
        await (await limits.VisibleAsync(db.Set<Invoice>().AsNoTracking(), i => i.SubjectId))
            .Where(InState(state, HelsinkiTime.Today(clock))).CountAsync(ct);

    /// <summary>How many collection cases are open (restricted people left out as in the list).</summary>
    public async Task<int> CountOpenCasesAsync(CancellationToken ct) =>
        await (await limits.VisibleAsync(db.Set<CollectionCase>().AsNoTracking(), c => c.SubjectId))
            .Where(c => c.Status == CollectionStatus.Open).CountAsync(ct);

    /// <summary><see cref="BillingRules.IsUnpaid"/> and <see cref="BillingRules.IsOverdue"/> as a query the database runs.</summary>
    private static System.Linq.Expressions.Expression<Func<Invoice, bool>> InState(InvoiceListState state, DateOnly today) => state switch
    {
        InvoiceListState.Overdue => i => (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.InCollection) && i.DueDate < today,
        InvoiceListState.Paid => i => i.Status == InvoiceStatus.Paid,
        InvoiceListState.Cancelled => i => i.Status == InvoiceStatus.Cancelled,
        _ => i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.InCollection,
    };

    private async Task<Dictionary<Guid, decimal>> PaidAsync(List<Guid> invoiceIds, CancellationToken ct) =>
        (await db.Set<Payment>().AsNoTracking().Where(p => invoiceIds.Contains(p.InvoiceId)).Select(p => new { p.InvoiceId, p.Amount }).ToListAsync(ct))
        .GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));

    /// <summary>One invoice with its payments; a restricted person's is not found but by the DPO.</summary>
    public async Task<Outcome<InvoiceResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var invoice = await db.Set<Invoice>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || await limits.HidesAsync(invoice.SubjectId, ct))
        {
            return Outcome.Missing;
        }

        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.InvoiceId == id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("invoice.read", Purposes.Invoicing, invoice.SubjectId, "invoice", id.ToString(), InvoiceFields), ct);
        return invoice.ToResponse(payments, options.Value.VoucherRetentionYears);
    }

    public async Task<Outcome<CollectionCaseResponse>> GetCaseAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Set<CollectionCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return Outcome.Missing;
        }

        var invoiceIds = await db.Set<Invoice>().Where(i => i.CollectionCaseId == id).Select(i => i.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("collection.read", Purposes.Invoicing, found.SubjectId, "collection_case", id.ToString(),
            [Categories.Collection.Id]), ct);
        return found.ToResponse(invoiceIds);
    }
}
