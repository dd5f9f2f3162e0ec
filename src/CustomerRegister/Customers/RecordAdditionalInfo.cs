using CustomerRegister.Infrastructure;

namespace CustomerRegister.Customers;

/// <summary>Records information the person gave with consent, with the consent wording it rests on; corrects it as of the version read.</summary>
public sealed class RecordAdditionalInfo(SubjectRecordWrites writes, TimeProvider clock, Notice.NoticeVersions notices)
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

        var info = new AdditionalInfo { Id = Guid.CreateVersion7(), SubjectId = subjectId, Source = request.Source!.Value };
        input.ApplyTo(info);
        info.NoticeVersion = await notices.InForceAtAsync(info.ConsentedAt, ct);
        return await writes.CreateAsync(info, "additional_info", ct);
    }

    public async Task<Outcome<AdditionalInfo>> UpdateAsync(Guid id, AdditionalInfoRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = InfoInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        if (request.ConsentedAt is null)
        {
            errors.Add("consentedAt", FieldMessages.Required);
        }

        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        return await writes.UpdateAsync<AdditionalInfo>(id, request.Version!.Value, x =>
        {
            input.ApplyTo(x);
            x.Source = request.Source ?? x.Source;
        }, "additional_info", ct);
    }
}
