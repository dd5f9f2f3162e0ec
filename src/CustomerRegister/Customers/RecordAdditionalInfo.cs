using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Records information the person gave with consent, with the consent wording it rests on; corrects it as of the version read.</summary>
public sealed class RecordAdditionalInfo(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<AdditionalInfo>> CreateAsync(Guid subjectId, AdditionalInfoRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = InfoInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (!await CustomerHistoryQueries.SubjectExistsAsync(db, subjectId, ct))
        {
            return Outcome.Missing;
        }

        var info = new AdditionalInfo { Id = Guid.CreateVersion7(), SubjectId = subjectId, Source = request.Source!.Value };
        input.ApplyTo(info);
        db.Add(info);
        audit.Add(new AuditEntry("additional_info.create", Purposes.CustomerRelationship, subjectId, "additional_info", info.Id.ToString(),
            Access.SetFields(db.Entry(info))));
        await db.SaveChangesAsync(ct);
        return info;
    }

    public async Task<Outcome<AdditionalInfo>> UpdateAsync(Guid id, AdditionalInfoRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = InfoInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        if (request.ConsentedAt is null)
        {
            errors.Add("consentedAt", "Required.");
        }

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

        var changed = VersionedUpdate.Apply(db, info, request.Version!.Value, a =>
        {
            input.ApplyTo(a);
            a.Source = request.Source ?? a.Source;
        });
        audit.Add(new AuditEntry("additional_info.update", Purposes.CustomerRelationship, info.SubjectId, "additional_info", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return info;
    }
}
