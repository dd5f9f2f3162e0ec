using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

public sealed record CertificateRow(
    Guid Id, Guid SubjectId, string CertificateNumber, string RegistrationNumber, string Make, string Model, string OwnerName, DateOnly IssueDate);

/// <summary>
/// The scrap-yard desk's day: the certificates issued on a date, newest first, keyset-paged by (created, id). No
/// identity code is read. Restricted people (Art 18) stay out but for the DPO; each owner shown is audited.
/// </summary>
public sealed class ReceptionDay(RegisterDbContext db, AuditLog audit, ProcessingLimits limits)
{
    public async Task<Outcome<Page<CertificateRow>>> CertificatesOnAsync(DateOnly day, Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var query = (await limits.VisibleAsync(db.Set<ScrappingCertificate>().AsNoTracking(), c => c.SubjectId)).Where(c => c.IssueDate == day);
        if (after is { } a)
        {
            var cursor = await db.Set<ScrappingCertificate>().Where(c => c.Id == a).Select(c => (DateTime?)c.CreatedAt).FirstOrDefaultAsync(ct);
            if (cursor is not { } t)
            {
                return Outcome.Invalid("after", "Not a certificate.");
            }

            query = query.Where(c => c.CreatedAt < t || (c.CreatedAt == t && c.Id.CompareTo(a) < 0));
        }

        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(size + 1)
            .Select(c => new CertificateRow(c.Id, c.SubjectId, c.CertificateNumber, c.RegistrationNumber, c.Make, c.Model, c.OwnerName, c.IssueDate))
            .ToListAsync(ct);
        foreach (var subjectId in rows.Take(size).Select(r => r.SubjectId).Distinct())
        {
            audit.Add(new AuditEntry("vehicle.certificate.list", Purposes.LegalObligation, subjectId, "scrapping_certificate",
                Fields: [Categories.VehicleScrapping.Id]));
        }

        await db.SaveChangesAsync(ct);
        return Paging.Of(rows, size, r => r.Id, r => r);
    }
}
