using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Billing;

/// <summary>Cancels an open invoice without payments, as of the version the caller read.</summary>
public sealed class CancelInvoice(RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options)
{
    private static readonly LocalText OnlyOpenUnpaid = new(
        "Vain avoimen laskun, jolla ei ole maksuja, voi perua.",
        "Endast en öppen faktura utan betalningar kan annulleras.",
        "Only an open invoice without payments can be cancelled.");

    public async Task<Outcome<InvoiceResponse>> RunAsync(Guid id, VersionRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.RequiredVersion(request.Version) is not { } version)
        {
            return Outcome.Invalid(errors);
        }

        var invoice = await VersionedUpdate.FindAsOfAsync<Invoice>(db, id, version, ct);
        if (invoice is null)
        {
            return Outcome.Missing;
        }

        if (!BillingRules.MayCancel(invoice.Status, await db.Set<Payment>().AnyAsync(p => p.InvoiceId == id, ct)))
        {
            return Outcome.Conflict("status", OnlyOpenUnpaid);
        }

        invoice.Status = InvoiceStatus.Cancelled;
        audit.Add(new AuditEntry("invoice.cancel", Purposes.Invoicing, invoice.SubjectId, "invoice", id.ToString(), ["status"]));
        await db.SaveChangesAsync(ct);
        return invoice.ToResponse([], options.Value.VoucherRetentionYears);
    }
}
