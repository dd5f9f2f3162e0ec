using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Requests;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

public sealed record CertificateRequest(
    string? CertificateNumber, DateOnly? IssueDate, string? RegistrationNumber, string? Vin, string? Make, string? Model,
    string? VehicleClass, Guid? ConsumerId, string? IdentityCode, string? Nationality, DataSource? Source);

public sealed record DeregistrationRequest(DateOnly? DeregisteredOn, long? Version);

public sealed record IdentityCodeQuery(string? IdentityCode);

public sealed record VehicleOwner(string Name, string? Street, string? PostalCode, string? City, string? Nationality);

/// <summary><paramref name="IdentityCode"/> is masked unless revealed, and null once emptied (see <see cref="IdentityCodeExpiry"/>).</summary>
public sealed record CertificateResponse(
    Guid Id, Guid SubjectId, Guid ConsumerId, string CertificateNumber, DateOnly IssueDate, string RegistrationNumber, string Vin,
    string Make, string Model, string VehicleClass, VehicleOwner Owner, string? IdentityCode, bool IdentityCodeRevealed,
    DateOnly? DeregisteredOn, DataSource Source, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>Vehicle scrapping certificates: the only place where a personal identity code is accepted.</summary>
public static class CertificatesApi
{
    public const string IdentityCodeLookupKind = "hetu";
    private const string IdentityCodeField = "identity_code";

    private static readonly string[] CertificateFields = [Categories.VehicleScrapping.Id, Categories.IdentityCode.Id];

    public static IEndpointRouteBuilder MapVehicleCertificates(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/vehicles/certificates").WithTags("Vehicles").RequirePermission(Permissions.VehicleRead);
        read.MapGet("/{id:guid}", GetAsync).WithSummary(
            "One certificate, identity code masked. ?reveal=identityCode with X-Purpose: legal_obligation shows it (IdentityCode.Reveal, audited).");

        var write = app.MapGroup("/api/vehicles/certificates").WithTags("Vehicles").RequirePermission(Permissions.VehicleWrite);
        write.MapPost("/", CreateAsync).WithSummary("Issue a scrapping certificate. A duplicate number answers 409.");
        write.MapPost("/{id:guid}/deregistration", RecordDeregistrationAsync).WithSummary(
            "Record the vehicle's deregistration (date, version): the owner's identity code is emptied at once; the certificate stays.");
        write.MapPost("/find-by-identity-code", FindByIdentityCodeAsync)
            .WithSummary("Certificates of the owner with this exact identity code (keyed-hash look-up, audited); codes masked.");
        return app;
    }

    private static async Task<Results<Ok<CertificateResponse>, NotFound, ValidationProblem, ForbidHttpResult, Conflict<HttpValidationProblemDetails>>> GetAsync(
        Guid id, string? reveal, RegisterDbContext db, AuditLog audit, Access access, Reveals reveals, ProtectedCodes codes, CancellationToken ct)
    {
        var stated = access.Purpose(string.Empty);
        if (stated is null)
        {
            return Access.UnknownPurpose();
        }

        var purpose = stated.Length == 0 ? Purposes.LegalObligation : stated;
        var certificate = await db.Set<ScrappingCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return TypedResults.NotFound();
        }

        string? revealed = null;
        if (reveal is not null)
        {
            if (!string.Equals(reveal, "identityCode", StringComparison.OrdinalIgnoreCase))
            {
                return new FieldErrors().Add("reveal", "Only identityCode can be revealed here.").Problem();
            }

            if (certificate.IdentityCodeCipher is not { } cipher)
            {
                return FieldConflict.Problem("identityCode", NoCodeKept);
            }

            // The purpose must be stated, not assumed: revealing the code is a deliberate act.
            var (outcome, value) = await reveals.RevealAsync(
                new RevealTarget("vehicle.certificate.reveal", Categories.IdentityCode, certificate.SubjectId, "scrapping_certificate",
                    id.ToString(), IdentityCodeField),
                stated.Length == 0 ? null : stated,
                () => codes.Decrypt(cipher),
                ct);
            switch (outcome)
            {
                case RevealOutcome.WrongPurpose:
                    return Reveals.WrongPurpose(Categories.IdentityCode);
                case RevealOutcome.Forbidden:
                    return TypedResults.Forbid();
                default:
                    revealed = value;
                    break;
            }
        }

        await audit.WriteAsync(new AuditEntry("vehicle.certificate.read", purpose, certificate.SubjectId, "scrapping_certificate",
            id.ToString(), CertificateFields), ct);
        return TypedResults.Ok(certificate.ToResponse(revealed));
    }

    private static async Task<Results<Created<CertificateResponse>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateAsync(
        CertificateRequest request, RegisterDbContext db, AuditLog audit, ProtectedCodes codes, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var number = errors.Text("certificateNumber", request.CertificateNumber, 30, required: true);
        if (number is not null && !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '.'))
        {
            errors.Add("certificateNumber", "Only letters A–Z, digits and - / . are allowed.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.IssueDate is { } issued && issued > DateOnly.FromDateTime(now).AddDays(1))
        {
            errors.Add("issueDate", "Cannot be in the future.");
        }

        var registration = VehicleRules.RegistrationNumber(request.RegistrationNumber, out var registrationError);
        if (registrationError is not null)
        {
            errors.Add("registrationNumber", registrationError);
        }

        Vin? vin = null;
        if (!Vin.TryParse(request.Vin, out vin, out var vinError))
        {
            errors.Add("vin", vinError.Message);
        }

        var make = errors.Text("make", request.Make, 60, required: true);
        var model = errors.Text("model", request.Model, 60, required: true);
        var vehicleClass = VehicleRules.VehicleClass(request.VehicleClass);
        if (vehicleClass is null)
        {
            errors.Add("vehicleClass", $"Required: one of {string.Join(", ", VehicleRules.VehicleClasses)}.");
        }

        if (request.ConsumerId is null)
        {
            errors.Add("consumerId", "Required: the owner's consumer record.");
        }

        // The message names the reason only; the code itself is never echoed.
        if (!PersonalIdentityCode.TryParse(request.IdentityCode, out var code, out var codeError))
        {
            errors.Add("identityCode", codeError.Message);
        }

        var nationality = VehicleRules.Nationality(request.Nationality, out var nationalityError);
        if (nationalityError is not null)
        {
            errors.Add("nationality", nationalityError);
        }

        if (request.Source is null)
        {
            errors.Add("source", $"Required: one of {string.Join(", ", Enum.GetNames<DataSource>())}.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var owner = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConsumerId, ct);
        if (owner is null)
        {
            return errors.Add("consumerId", "No such consumer.").Problem();
        }

        if (await db.Set<ScrappingCertificate>().AnyAsync(c => c.CertificateNumber == number, ct))
        {
            return FieldConflict.Problem("certificateNumber", "Another certificate already has this number.");
        }

        var certificate = new ScrappingCertificate
        {
            Id = Guid.CreateVersion7(),
            SubjectId = owner.SubjectId,
            ConsumerId = owner.Id,
            Source = request.Source!.Value,
            CreatedAt = now,
            CertificateNumber = number!,
            IssueDate = request.IssueDate ?? DateOnly.FromDateTime(now),
            RegistrationNumber = registration!,
            Vin = vin!.Value,
            Make = make!,
            Model = model!,
            VehicleClass = vehicleClass!,
            OwnerName = $"{owner.FirstName} {owner.LastName}",
            OwnerStreet = owner.Street,
            OwnerPostalCode = owner.PostalCode,
            OwnerCity = owner.City,
            OwnerNationality = nationality,
            IdentityCodeCipher = codes.Encrypt(code!.Value),
            IdentityCodeLookup = IdentityCodeLookup(codes, code),
            IdentityCodeMasked = code.Masked(),
        };
        db.Add(certificate);
        await AddRegistrationTermAsync(db, owner, registration!, ct);
        audit.Add(new AuditEntry("vehicle.certificate.create", Purposes.LegalObligation, owner.SubjectId, "scrapping_certificate",
            certificate.Id.ToString(), Access.SetFields(db.Entry(certificate))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/vehicles/certificates/{certificate.Id}", certificate.ToResponse());
    }

    private const string NoCodeKept =
        "No identity code is kept on this certificate: it is emptied once the deregistration is recorded, at the latest "
        + "Vehicles:IdentityCodeDays after issue.";

    /// <summary>
    /// Records the deregistration and empties the identity code (cipher, keyed hash and mask) at once: the code was
    /// needed only for it (Tietosuojalaki § 29, GDPR Art 5(1)(c)). Versioned like other writes; recorded once.
    /// </summary>
    private static async Task<Results<Ok<CertificateResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> RecordDeregistrationAsync(
        Guid id, DeregistrationRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
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
            return errors.Problem();
        }

        var certificate = await db.Set<ScrappingCertificate>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return TypedResults.NotFound();
        }

        if (certificate.DeregisteredOn is not null)
        {
            return FieldConflict.Problem("deregisteredOn", "The deregistration is already recorded.");
        }

        if (request.DeregisteredOn < certificate.IssueDate)
        {
            return errors.Add("deregisteredOn", "Cannot be before the certificate's issue date.").Problem();
        }

        VersionedUpdate.Apply(db, certificate, request.Version!.Value, c =>
        {
            c.DeregisteredOn = request.DeregisteredOn;
            c.IdentityCodeCipher = null;
            c.IdentityCodeLookup = null;
            c.IdentityCodeMasked = null;
        });

        // The event names the categories changed, never a value.
        audit.Add(new AuditEntry("vehicle.certificate.deregistration", Purposes.LegalObligation, certificate.SubjectId, "scrapping_certificate",
            id.ToString(), CertificateFields));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(certificate.ToResponse());
    }

    private static async Task<Results<Ok<List<CertificateResponse>>, ValidationProblem>> FindByIdentityCodeAsync(
        IdentityCodeQuery query, RegisterDbContext db, AuditLog audit, Access access, ProtectedCodes codes, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = access.Purpose(Purposes.LegalObligation);
        if (purpose is null || !Categories.IdentityCode.Uses.Any(u => u.Purpose == purpose))
        {
            errors.Add(Access.PurposeHeader,
                $"The identity code serves only: {string.Join(", ", Categories.IdentityCode.Uses.Select(u => u.Purpose))}.");
        }

        if (!PersonalIdentityCode.TryParse(query.IdentityCode, out var code, out var codeError))
        {
            errors.Add("identityCode", codeError.Message);
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var lookup = IdentityCodeLookup(codes, code!);
        var found = await db.Set<ScrappingCertificate>().AsNoTracking().Where(c => c.IdentityCodeLookup == lookup)
            .OrderByDescending(c => c.IssueDate).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
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
        return TypedResults.Ok(found.Select(c => c.ToResponse()).ToList());
    }

    public static byte[] IdentityCodeLookup(ProtectedCodes codes, PersonalIdentityCode code) => codes.Lookup(IdentityCodeLookupKind, code.Value);

    /// <summary>
    /// Makes the owner findable by the registration number. Only this one entry is added: the owner's other search
    /// entries belong to the consumer and are kept in step by the consumers feature.
    /// </summary>
    private static async Task AddRegistrationTermAsync(RegisterDbContext db, Consumer owner, string registration, CancellationToken ct)
    {
        var term = SearchText.Code(registration);
        if (!await db.Set<SearchEntry>().AnyAsync(e => e.TargetId == owner.Id && e.Field == SearchIndex.RegistrationField && e.Term == term, ct))
        {
            db.Add(new SearchEntry
            {
                Term = term,
                Field = SearchIndex.RegistrationField,
                TargetKind = SearchTarget.Consumer,
                TargetId = owner.Id,
                SubjectId = owner.SubjectId,
                SortKey = SearchIndex.SortKeyOf(owner),
            });
        }
    }

    public static CertificateResponse ToResponse(this ScrappingCertificate c, string? revealedIdentityCode = null) => new(
        c.Id, c.SubjectId, c.ConsumerId, c.CertificateNumber, c.IssueDate, c.RegistrationNumber, c.Vin, c.Make, c.Model, c.VehicleClass,
        new VehicleOwner(c.OwnerName, c.OwnerStreet, c.OwnerPostalCode, c.OwnerCity, c.OwnerNationality),
        revealedIdentityCode ?? c.IdentityCodeMasked, revealedIdentityCode is not null, c.DeregisteredOn, c.Source, c.CreatedAt, c.UpdatedAt,
        c.Version);
}
