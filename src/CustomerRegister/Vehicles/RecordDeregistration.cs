using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

/// <summary>
/// Records the deregistration and empties the identity code (cipher, keyed hash and mask) at once: the code was
/// needed only for it (Tietosuojalaki § 29, GDPR Art 5(1)(c)). Versioned like other writes; recorded once.
/// </summary>
public sealed class RecordDeregistration(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ScrappingCertificate>> RunAsync(Guid id, DeregistrationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.DeregisteredOn is null)
        {
            errors.Add("deregisteredOn", "Required: the date the deregistration was recorded (YYYY-MM-DD).");
        }
        else if (request.DeregisteredOn > HelsinkiTime.Today(clock))
        {
            errors.Add("deregisteredOn", "Cannot be in the future.");
        }

        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var certificate = await db.Set<ScrappingCertificate>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return Outcome.Missing;
        }

        if (certificate.DeregisteredOn is not null)
        {
            return Outcome.Conflict("deregisteredOn", "The deregistration is already recorded.");
        }

        if (request.DeregisteredOn < certificate.IssueDate)
        {
            return Outcome.Invalid("deregisteredOn", "Cannot be before the certificate's issue date.");
        }

        VersionedUpdate.Apply(db, certificate, request.Version!.Value, c =>
        {
            c.DeregisteredOn = request.DeregisteredOn;
            c.EmptyIdentityCode();
        });

        // The event names the categories changed, never a value.
        audit.Add(new AuditEntry("vehicle.certificate.deregistration", Purposes.LegalObligation, certificate.SubjectId, "scrapping_certificate",
            id.ToString(), CertificateQueries.CertificateFields));
        await db.SaveChangesAsync(ct);
        return certificate;
    }
}
