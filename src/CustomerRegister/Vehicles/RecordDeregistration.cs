using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

/// <summary>
/// Records the deregistration and empties the identity code (cipher, keyed hash and mask) at once: the code was
/// needed only for it (Tietosuojalaki § 29, GDPR Art 5(1)(c)). Versioned like other writes; recorded once.
/// </summary>
public sealed class RecordDeregistration(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly LocalText DateRequired = new(
        "Pakollinen tieto: päivä, jona rekisteristä poisto kirjattiin (VVVV-KK-PP).",
        "Obligatorisk uppgift: dagen då avregistreringen registrerades (ÅÅÅÅ-MM-DD).",
        "Required: the date the deregistration was recorded (YYYY-MM-DD).");

    private static readonly LocalText AlreadyRecorded = new(
        "Rekisteristä poisto on jo kirjattu.", "Avregistreringen är redan registrerad.", "The deregistration is already recorded.");

    private static readonly LocalText BeforeIssue = new(
        "Ei voi olla ennen todistuksen antamispäivää.",
        "Kan inte ligga före intygets utfärdandedag.",
        "Cannot be before the certificate's issue date.");

    public async Task<Outcome<ScrappingCertificate>> RunAsync(Guid id, DeregistrationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.DeregisteredOn is null)
        {
            errors.Add("deregisteredOn", DateRequired);
        }
        else if (request.DeregisteredOn > HelsinkiTime.Today(clock))
        {
            errors.Add("deregisteredOn", FieldMessages.NotInFuture);
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
            return Outcome.Conflict("deregisteredOn", AlreadyRecorded);
        }

        if (request.DeregisteredOn < certificate.IssueDate)
        {
            return Outcome.Invalid("deregisteredOn", BeforeIssue);
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
