using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>
/// The customer behind a person for billing forms: a consumer, or the business of a sole trader. The name and address
/// are what an invoice would copy now; the bank account only masked.
/// </summary>
public sealed record BillingCustomer(
    Guid SubjectId, Guid? ConsumerId, Guid? OrganisationId, string Name, string? Street, string? PostalCode, string? City,
    string? BankAccountMasked);

/// <summary>Finds whom a person's invoice or payout goes to; a restricted person's is not found but by the DPO.</summary>
public sealed class BillingCustomers(RegisterDbContext db, AuditLog audit, ProcessingLimits limits)
{
    private static readonly string[] ReadFields = [Categories.Name.Id, Categories.Address.Id, Categories.BankAccount.Id];

    /// <summary>The person's consumer customer, else their sole-trader business; null when they are neither (a contact person).</summary>
    public async Task<BillingCustomer?> OfSubjectAsync(Guid subjectId, CancellationToken ct)
    {
        if (await limits.HidesAsync(subjectId, ct))
        {
            return null;
        }

        var consumer = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.SubjectId == subjectId, ct);
        BillingCustomer? found = consumer is not null
            ? new(subjectId, consumer.Id, null, $"{consumer.FirstName} {consumer.LastName}", consumer.Street, consumer.PostalCode,
                consumer.City, consumer.BankAccountMasked)
            : await db.Set<Organisation>().AsNoTracking().Where(o => o.SubjectId == subjectId)
                .Select(o => new BillingCustomer(subjectId, null, o.Id, o.Name, o.Street, o.PostalCode, o.City, null))
                .FirstOrDefaultAsync(ct);
        if (found is not null)
        {
            await audit.WriteAsync(new AuditEntry("billing_customer.read", Purposes.Invoicing, subjectId,
                found.ConsumerId is null ? "organisation" : "consumer", (found.ConsumerId ?? found.OrganisationId).ToString(), ReadFields), ct);
        }

        return found;
    }
}
