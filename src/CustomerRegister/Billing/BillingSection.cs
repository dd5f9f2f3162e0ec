using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Billing;

/// <summary>A person's invoices with payments, collection cases and metal-credit payouts (accounts masked).</summary>
public sealed class BillingSection(IOptions<BillingOptions> options) : ISubjectSection
{
    public string Name => "billing";

    public string ReadPermission => Permissions.BillingRead;

    public IReadOnlyList<DataCategory> Categories { get; } =
        [Catalog.Categories.Invoice, Catalog.Categories.Payment, Catalog.Categories.Collection, Catalog.Categories.MetalCredit];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var invoices = await db.Set<Invoice>().AsNoTracking().Where(i => i.SubjectId == subjectId).ToListAsync(ct);
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.SubjectId == subjectId).ToListAsync(ct);
        var cases = await db.Set<CollectionCase>().AsNoTracking().Where(c => c.SubjectId == subjectId).ToListAsync(ct);
        var payouts = await db.Set<MetalCreditPayout>().AsNoTracking().Where(p => p.SubjectId == subjectId).ToListAsync(ct);
        if (invoices.Count + cases.Count + payouts.Count == 0)
        {
            return null;
        }

        var years = options.Value.VoucherRetentionYears;
        return new BillingSectionResponse(
            [.. invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Id).Select(i => i.ToResponse(payments, years))],
            [.. cases.OrderByDescending(c => c.OpenedAt).Select(c => c.ToResponse(invoices.Where(i => i.CollectionCaseId == c.Id).Select(i => i.Id)))],
            [.. payouts.OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.Id).Select(p => p.ToResponse())]);
    }
}
