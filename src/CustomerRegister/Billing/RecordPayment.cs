using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Billing;

/// <summary>Records a payment of an invoice; paid in full marks it Paid (also one in collection).</summary>
public sealed class RecordPayment(RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options, TimeProvider clock)
{
    private static readonly LocalText Cancelled = new(
        "Lasku on peruttu.",
        "Fakturan är annullerad.",
        "The invoice is cancelled.");

    public async Task<Outcome<InvoiceResponse>> RunAsync(Guid invoiceId, PaymentRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Amount("amount", request.Amount);
        var reference = errors.Text("reference", request.Reference, 35);
        if (request.Method is null)
        {
            errors.Add("method", FieldMessages.RequiredOneOf<PaymentMethod>());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.PaidAt is { } paidAt && paidAt.ToUniversalTime() > now.AddDays(1))
        {
            errors.Add("paidAt", FieldMessages.NotInFuture);
        }

        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null)
        {
            return Outcome.Missing;
        }

        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            return Outcome.Conflict("status", Cancelled);
        }

        var payments = await db.Set<Payment>().Where(p => p.InvoiceId == invoiceId).ToListAsync(ct);
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(),
            InvoiceId = invoiceId,
            SubjectId = invoice.SubjectId,
            ConsumerId = invoice.ConsumerId,
            OrganisationId = invoice.OrganisationId,
            PaidAt = request.PaidAt?.ToUniversalTime() ?? now,
            Amount = request.Amount!.Value,
            Reference = reference,
            Method = request.Method!.Value,
            Source = request.Source!.Value,
            CreatedAt = now,
        };
        db.Add(payment);
        payments.Add(payment);
        invoice.Status = BillingRules.AfterPayment(invoice.Status, invoice.Amount, payments.Sum(p => p.Amount));
        audit.Add(new AuditEntry("payment.create", Purposes.Invoicing, invoice.SubjectId, "payment", payment.Id.ToString(),
            Access.SetFields(db.Entry(payment))));
        await db.SaveChangesAsync(ct);
        return invoice.ToResponse(payments, options.Value.VoucherRetentionYears);
    }
}
