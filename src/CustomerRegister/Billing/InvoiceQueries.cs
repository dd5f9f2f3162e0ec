using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Billing;

/// <summary>Reads of invoices and collection cases, each audited.</summary>
public sealed class InvoiceQueries(RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options, ProcessingLimits limits)
{
    internal static readonly string[] InvoiceFields = [Categories.Invoice.Id, Categories.Payment.Id];

    /// <summary>A customer's invoices, newest first: exactly one of <paramref name="consumerId"/> and <paramref name="organisationId"/>.</summary>
    public async Task<Outcome<List<InvoiceResponse>>> ListAsync(Guid? consumerId, Guid? organisationId, int? limit, CancellationToken ct)
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
        var invoices = await (await limits.VisibleAsync(db.Set<Invoice>().AsNoTracking(), i => i.SubjectId))
            .Where(i => consumerId != null ? i.ConsumerId == consumerId : i.OrganisationId == organisationId)
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
