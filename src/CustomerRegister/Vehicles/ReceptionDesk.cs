using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

/// <summary>One certificate on the reception desk's list of the day (identity code not included).</summary>
public sealed record DeskCertificate(Guid Id, Guid SubjectId, string CertificateNumber, string RegistrationNumber, string Make, string Model,
    string OwnerName, DateTime CreatedAt);

/// <summary>One metal-credit payout on the desk's list of the day (no bank account).</summary>
public sealed record DeskPayout(Guid Id, Guid SubjectId, string OwnerName, decimal Amount, decimal? WeightKg, string? Material, DateTime CreatedAt);

/// <summary>
/// The scrap-yard desk's day (a Helsinki date): the certificates issued, and the metal credits paid: their count and total
/// for the desk that pays them, the rows (who was paid what) only for a reader of billing data.
/// </summary>
public sealed record DeskDay(DateOnly Date, IReadOnlyList<DeskCertificate> Certificates, int PayoutCount, decimal PayoutTotal,
    IReadOnlyList<DeskPayout>? Payouts);

/// <summary>The reception desk's owner: the consumer record a certificate is issued to.</summary>
public sealed record DeskOwner(Guid SubjectId, Guid ConsumerId, string FirstName, string LastName, string? Street, string? PostalCode, string? City);

/// <summary>
/// Reads for the scrap-yard reception desk: the day's certificates and payouts (each listed item audited, restricted
/// people left out as in every list) and the owner a certificate is issued to. The reception start page and
/// GET /api/vehicles/desk/today read the day here too.
/// </summary>
public sealed class ReceptionDesk(RegisterDbContext db, AuditLog audit, ProcessingLimits limits, ConsumerQueries consumers, Access access,
    TimeProvider clock)
{
    /// <summary>The most items of each kind the desk lists.</summary>
    public const int MaxItems = 100;

    public async Task<DeskDay> TodayAsync(CancellationToken ct)
    {
        var today = HelsinkiTime.Today(clock);
        var certificates = await (await limits.VisibleAsync(db.Set<ScrappingCertificate>().AsNoTracking(), c => c.SubjectId))
            .Where(c => c.IssueDate == today)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(MaxItems)
            .Select(c => new DeskCertificate(c.Id, c.SubjectId, c.CertificateNumber, c.RegistrationNumber, c.Make, c.Model, c.OwnerName, c.CreatedAt))
            .ToListAsync(ct);
        foreach (var c in certificates)
        {
            audit.Add(new AuditEntry("vehicle.certificate.list", Purposes.LegalObligation, c.SubjectId, "scrapping_certificate", c.Id.ToString(),
                [Categories.VehicleScrapping.Id]));
        }

        var payouts = (await limits.VisibleAsync(db.Set<MetalCreditPayout>().AsNoTracking(), p => p.SubjectId)).Where(p => p.PaidOn == today);

        // A desk pays a handful a day; summed here because SQLite cannot sum decimals in SQL.
        var amounts = await payouts.Select(p => p.Amount).ToListAsync(ct);
        List<DeskPayout>? rows = null;
        if (await access.HasAsync(Categories.MetalCredit.ReadPermission))
        {
            rows = await (from p in payouts
                          join c in db.Set<Consumer>() on p.ConsumerId equals c.Id
                          orderby p.CreatedAt descending, p.Id descending
                          select new DeskPayout(p.Id, p.SubjectId, c.LastName + " " + c.FirstName, p.Amount, p.WeightKg, p.Material, p.CreatedAt))
                .Take(MaxItems).ToListAsync(ct);
            foreach (var p in rows)
            {
                audit.Add(new AuditEntry("metal_credit.list", Purposes.Invoicing, p.SubjectId, "metal_credit_payout", p.Id.ToString(),
                    [Categories.MetalCredit.Id, Categories.Name.Id]));
            }
        }

        await db.SaveChangesAsync(ct);
        return new DeskDay(today, certificates, amounts.Count, amounts.Sum(), rows);
    }

    /// <summary>The consumer record of the person <paramref name="subjectId"/> (read as GET /api/consumers/{id} reads it), or null.</summary>
    public async Task<DeskOwner?> OwnerAsync(Guid subjectId, CancellationToken ct)
    {
        var consumerId = await db.Set<Consumer>().AsNoTracking().Where(c => c.SubjectId == subjectId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (consumerId is null || (await consumers.GetAsync(consumerId.Value, null, Purposes.LegalObligation, ct)).Value is not { } view)
        {
            return null;
        }

        var c = view.Consumer;
        return new DeskOwner(c.SubjectId, c.Id, c.FirstName, c.LastName, c.Street, c.PostalCode, c.City);
    }
}
