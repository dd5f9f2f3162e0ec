using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

/// <summary>One certificate on the reception desk's list of the day (identity code not included).</summary>
public sealed record DeskCertificate(Guid Id, Guid SubjectId, string CertificateNumber, string RegistrationNumber, string Make, string Model,
    string OwnerName, DateTime CreatedAt);

/// <summary>One metal-credit payout on the desk's list of the day (no bank account).</summary>
public sealed record DeskPayout(Guid Id, Guid SubjectId, string OwnerName, decimal Amount, decimal? WeightKg, string? Material, DateTime CreatedAt);

/// <summary>The scrap-yard desk's day: what was recorded since midnight in Helsinki.</summary>
public sealed record DeskDay(DateOnly Date, IReadOnlyList<DeskCertificate> Certificates, IReadOnlyList<DeskPayout>? Payouts);

/// <summary>The reception desk's owner: the consumer record a certificate is issued to.</summary>
public sealed record DeskOwner(Guid SubjectId, Guid ConsumerId, string FirstName, string LastName, string? Street, string? PostalCode, string? City);

/// <summary>
/// Reads for the scrap-yard reception desk: the day's certificates and payouts (each listed item audited, restricted
/// people left out as in every list) and the owner a certificate is issued to.
/// </summary>
public sealed class ReceptionDesk(RegisterDbContext db, AuditLog audit, ProcessingLimits limits, ConsumerQueries consumers, Access access,
    TimeProvider clock)
{
    /// <summary>The most items of each kind the desk lists.</summary>
    public const int MaxItems = 100;

    public async Task<DeskDay> TodayAsync(CancellationToken ct)
    {
        var today = HelsinkiTime.Today(clock);
        var since = HelsinkiTime.StartUtc(today);
        var certificates = await (await limits.VisibleAsync(db.Set<ScrappingCertificate>().AsNoTracking(), c => c.SubjectId))
            .Where(c => c.CreatedAt >= since)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(MaxItems)
            .Select(c => new DeskCertificate(c.Id, c.SubjectId, c.CertificateNumber, c.RegistrationNumber, c.Make, c.Model, c.OwnerName, c.CreatedAt))
            .ToListAsync(ct);
        foreach (var c in certificates)
        {
            audit.Add(new AuditEntry("vehicle.certificate.list", Purposes.LegalObligation, c.SubjectId, "scrapping_certificate", c.Id.ToString(),
                [Categories.VehicleScrapping.Id]));
        }

        // The desk pays the credits it lists: the payouts are shown to those who may record them.
        List<DeskPayout>? payouts = null;
        if (await access.HasAsync(Permissions.BillingWrite) || await access.HasAsync(Permissions.BillingRead))
        {
            payouts = await (from p in await limits.VisibleAsync(db.Set<MetalCreditPayout>().AsNoTracking(), p => p.SubjectId)
                             join c in db.Set<Consumer>() on p.ConsumerId equals c.Id
                             where p.CreatedAt >= since
                             orderby p.CreatedAt descending, p.Id descending
                             select new DeskPayout(p.Id, p.SubjectId, c.LastName + " " + c.FirstName, p.Amount, p.WeightKg, p.Material, p.CreatedAt))
                .Take(MaxItems).ToListAsync(ct);
            foreach (var p in payouts)
            {
                audit.Add(new AuditEntry("metal_credit.list", Purposes.Invoicing, p.SubjectId, "metal_credit_payout", p.Id.ToString(),
                    [Categories.MetalCredit.Id, Categories.Name.Id]));
            }
        }

        await db.SaveChangesAsync(ct);
        return new DeskDay(today, certificates, payouts);
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
