using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Protection;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

/// <summary>Reads of scrapping certificates, each audited: identity codes masked unless revealed on request.</summary>
public sealed class CertificateQueries(RegisterDbContext db, AuditLog audit, Reveals reveals, ProtectedCodes codes)
{
    internal static readonly string[] CertificateFields = [Categories.VehicleScrapping.Id, Categories.IdentityCode.Id];

    private const string IdentityCodeField = "identity_code";

    private static readonly LocalText NoCodeKept = new(
        "Todistuksella ei ole enää henkilötunnusta: se tyhjennetään, kun rekisteristä poisto on kirjattu, viimeistään "
        + "asetuksessa Vehicles:IdentityCodeDays määrätyn ajan kuluttua todistuksen antamisesta.",
        "Intyget har inte längre någon personbeteckning: den töms när avregistreringen har registrerats, senast "
        + "efter den tid som inställningen Vehicles:IdentityCodeDays anger, räknat från utfärdandet.",
        "No identity code is kept on this certificate: it is emptied once the deregistration is recorded, at the latest "
        + "Vehicles:IdentityCodeDays after issue.");

    private static readonly LocalText OnlyIdentityCodeRevealed = new(
        "Tässä voi näyttää vain henkilötunnuksen (identityCode).",
        "Här kan endast personbeteckningen (identityCode) visas.",
        "Only identityCode can be revealed here.");

    private static readonly LocalText IdentityCodeServes = new(
        "Henkilötunnusta saa käyttää vain näihin käyttötarkoituksiin: {0}.",
        "Personbeteckningen får användas endast för dessa ändamål: {0}.",
        "The identity code serves only: {0}.");

    /// <summary>
    /// One certificate. <paramref name="reveal"/> <c>identityCode</c> reveals the code (IdentityCode.Reveal) for the
    /// <paramref name="statedPurpose"/>, which must be stated; the read is audited for it, by default legal obligation.
    /// </summary>
    public async Task<Outcome<RevealedRead<ScrappingCertificate>>> GetAsync(Guid id, string? reveal, string? statedPurpose, CancellationToken ct)
    {
        var certificate = await db.Set<ScrappingCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return Outcome.Missing;
        }

        var read = new RevealedRead<ScrappingCertificate>(certificate);
        if (reveal is not null)
        {
            if (!string.Equals(reveal, "identityCode", StringComparison.OrdinalIgnoreCase))
            {
                return Outcome.Invalid("reveal", OnlyIdentityCodeRevealed);
            }

            if (certificate.IdentityCodeCipher is not { } cipher)
            {
                return Outcome.Conflict("identityCode", NoCodeKept);
            }

            // The purpose must be stated, not assumed: revealing the code is a deliberate act.
            var revealed = await reveals.RevealAsync(certificate,
                new RevealTarget("vehicle.certificate.reveal", Categories.IdentityCode, certificate.SubjectId, "scrapping_certificate",
                    id.ToString(), IdentityCodeField),
                statedPurpose,
                () => codes.Decrypt(cipher),
                ct);
            if (revealed.Value is not { Forbidden: false } granted)
            {
                return revealed;
            }

            read = granted;
        }

        await audit.WriteAsync(new AuditEntry("vehicle.certificate.read", statedPurpose ?? Purposes.LegalObligation, certificate.SubjectId,
            "scrapping_certificate", id.ToString(), CertificateFields), ct);
        return read;
    }

    /// <summary>
    /// Certificates of the owner with this exact identity code (keyed-hash look-up), newest first; each hit audited for
    /// <paramref name="purpose"/> (null: an unknown purpose was stated), which must be one the identity code serves.
    /// </summary>
    public async Task<Outcome<List<ScrappingCertificate>>> FindByIdentityCodeAsync(string? identityCode, string? purpose, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (purpose is null || !Categories.IdentityCode.Uses.Any(u => u.Purpose == purpose))
        {
            errors.Add(Access.PurposeHeader,
                IdentityCodeServes.Format(string.Join(", ", Categories.IdentityCode.Uses.Select(u => u.Purpose))));
        }

        if (!PersonalIdentityCode.TryParse(identityCode, out var code, out var codeError))
        {
            errors.Add("identityCode", codeError.Text);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var lookup = ScrappingCertificate.LookupOf(codes, code!);
        var found = await db.Set<ScrappingCertificate>().AsNoTracking().Where(c => c.IdentityCodeLookup == lookup)
            .OrderByDescending(c => c.IssueDate).ThenByDescending(c => c.Id).Take(Paging.MaxSize).ToListAsync(ct);
        if (found.Count == 0)
        {
            audit.Add(new AuditEntry("vehicle.certificate.find_by_identity_code", purpose!, EntityType: "scrapping_certificate",
                Fields: [IdentityCodeField]));
        }

        foreach (var c in found)
        {
            audit.Add(new AuditEntry("vehicle.certificate.find_by_identity_code", purpose!, c.SubjectId, "scrapping_certificate",
                c.Id.ToString(), CertificateFields));
        }

        await db.SaveChangesAsync(ct);
        return found;
    }
}
