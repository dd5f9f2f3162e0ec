using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>
/// The person withdrew the consent additional information rests on: the item is deleted, since consent was its only
/// basis (GDPR Art 7(3), 17(1)(b)).
/// </summary>
public sealed class WithdrawConsent(RegisterDbContext db, AuditLog audit)
{
    public async Task<Outcome<AdditionalInfo>> RunAsync(Guid id, WithdrawConsentRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var info = await db.Set<AdditionalInfo>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (info is null)
        {
            return Outcome.Missing;
        }

        // The trail keeps that consent was withdrawn and the item erased; the values go with the row.
        VersionedUpdate.AsOf(db, info, request.Version!.Value);
        db.Remove(info);
        audit.Add(new AuditEntry("additional_info.consent_withdrawn", Purposes.DataSubjectRights, info.SubjectId, "additional_info",
            id.ToString(), CustomerHistoryQueries.InfoFields));
        await db.SaveChangesAsync(ct);
        return info;
    }
}
