using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>Closes a collection case as of the version the caller read; its unpaid invoices return to Open.</summary>
public sealed class CloseCollectionCase(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly LocalText AlreadyClosed = new(
        "Perintätapaus on jo suljettu.",
        "Indrivningsärendet är redan avslutat.",
        "The case is already closed.");

    public async Task<Outcome<CollectionCaseResponse>> RunAsync(Guid id, VersionRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.RequiredVersion(request.Version) is not { } version)
        {
            return Outcome.Invalid(errors);
        }

        var collection = await VersionedUpdate.FindAsOfAsync<CollectionCase>(db, id, version, ct);
        if (collection is null)
        {
            return Outcome.Missing;
        }

        if (collection.Status == CollectionStatus.Closed)
        {
            return Outcome.Conflict("status", AlreadyClosed);
        }

        collection.Status = CollectionStatus.Closed;
        collection.ClosedAt = clock.GetUtcNow().UtcDateTime;
        var invoices = await db.Set<Invoice>().Where(i => i.CollectionCaseId == id).ToListAsync(ct);
        var invoiceIds = invoices.Select(i => i.Id).ToList();
        var paid = (await db.Set<Payment>().Where(p => invoiceIds.Contains(p.InvoiceId)).Select(p => new { p.InvoiceId, p.Amount }).ToListAsync(ct))
            .GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        foreach (var invoice in invoices)
        {
            invoice.Status = BillingRules.AfterCollectionClosed(invoice.Status, invoice.Amount, paid.GetValueOrDefault(invoice.Id));
        }

        audit.Add(new AuditEntry("collection.close", Purposes.Invoicing, collection.SubjectId, "collection_case", id.ToString(),
            ["status", "closed_at"]));
        await db.SaveChangesAsync(ct);
        return collection.ToResponse(invoiceIds);
    }
}
