using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Protection;
using CustomerRegister.Search;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

/// <summary>
/// Issues a scrapping certificate: the only place where a personal identity code is accepted. The owner's name and
/// address are copied as printed; the registration number makes the owner findable. A duplicate number is a conflict.
/// </summary>
public sealed class IssueCertificate(RegisterDbContext db, AuditLog audit, ProtectedCodes codes, TimeProvider clock)
{
    private static readonly LocalText OwnerRequired = new(
        "Pakollinen tieto: omistajan kuluttaja-asiakastieto.",
        "Obligatorisk uppgift: ägarens uppgifter som konsumentkund.",
        "Required: the owner's consumer record.");

    private static readonly LocalText DuplicateNumber = new(
        "Toisella todistuksella on jo tämä numero.",
        "Ett annat intyg har redan det här numret.",
        "Another certificate already has this number.");

    public async Task<Outcome<ScrappingCertificate>> RunAsync(CertificateRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var number = errors.DocumentNumber("certificateNumber", request.CertificateNumber);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.IssueDate is { } issued && issued > DateOnly.FromDateTime(now).AddDays(1))
        {
            errors.Add("issueDate", FieldMessages.NotInFuture);
        }

        var registration = VehicleRules.RegistrationNumber(request.RegistrationNumber, out var registrationError);
        if (registrationError is not null)
        {
            errors.Add("registrationNumber", registrationError);
        }

        if (!Vin.TryParse(request.Vin, out var vin, out var vinError))
        {
            errors.Add("vin", vinError.Text);
        }

        var make = errors.Text("make", request.Make, 60, required: true);
        var model = errors.Text("model", request.Model, 60, required: true);
        var vehicleClass = VehicleRules.VehicleClass(request.VehicleClass);
        if (vehicleClass is null)
        {
            errors.Add("vehicleClass", FieldMessages.RequiredOneOf(VehicleRules.VehicleClasses));
        }

        if (request.ConsumerId is null)
        {
            errors.Add("consumerId", OwnerRequired);
        }

        // The message names the reason only; the code itself is never echoed.
        if (!PersonalIdentityCode.TryParse(request.IdentityCode, out var code, out var codeError))
        {
            errors.Add("identityCode", codeError.Text);
        }

        var nationality = VehicleRules.Nationality(request.Nationality, out var nationalityError);
        if (nationalityError is not null)
        {
            errors.Add("nationality", nationalityError);
        }

        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var owner = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConsumerId, ct);
        if (owner is null)
        {
            return Outcome.Invalid("consumerId", FieldMessages.NoSuchConsumer);
        }

        if (await db.Set<ScrappingCertificate>().AnyAsync(c => c.CertificateNumber == number, ct))
        {
            return Outcome.Conflict("certificateNumber", DuplicateNumber);
        }

        var certificate = new ScrappingCertificate
        {
            Id = Guid.CreateVersion7(),
            SubjectId = owner.SubjectId,
            ConsumerId = owner.Id,
            Source = request.Source!.Value,
            CreatedAt = now,
            CertificateNumber = number!,
            IssueDate = request.IssueDate ?? HelsinkiTime.DateOf(now),
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
        };
        certificate.KeepIdentityCode(codes, code!);
        db.Add(certificate);
        await AddRegistrationTermAsync(owner, registration!, ct);
        audit.Add(new AuditEntry("vehicle.certificate.create", Purposes.LegalObligation, owner.SubjectId, "scrapping_certificate",
            certificate.Id.ToString(), Access.SetFields(db.Entry(certificate))));
        await db.SaveChangesAsync(ct);
        return certificate;
    }

    /// <summary>
    /// Makes the owner findable by the registration number. Only this one entry is added: the owner's other search
    /// entries belong to the consumer and are kept in step by the consumers feature.
    /// </summary>
    private async Task AddRegistrationTermAsync(Consumer owner, string registration, CancellationToken ct)
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
}
