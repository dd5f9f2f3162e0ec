using CustomerRegister.Infrastructure;

namespace CustomerRegister.Customers;

/// <summary>Records feedback the person gave, and corrects it (e.g. marks it handled) as of the version read.</summary>
public sealed class RecordFeedback(SubjectRecordWrites writes, TimeProvider clock)
{
    public async Task<Outcome<Feedback>> CreateAsync(Guid subjectId, FeedbackRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = FeedbackInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var feedback = new Feedback { Id = Guid.CreateVersion7(), SubjectId = subjectId, Source = request.Source!.Value };
        input.ApplyTo(feedback);
        return await writes.CreateAsync(feedback, "feedback", ct);
    }

    public async Task<Outcome<Feedback>> UpdateAsync(Guid id, FeedbackRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = FeedbackInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        if (request.ReceivedAt is null)
        {
            errors.Add("receivedAt", FieldMessages.Required);
        }

        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        return await writes.UpdateAsync<Feedback>(id, request.Version!.Value, x =>
        {
            input.ApplyTo(x);
            x.Source = request.Source ?? x.Source;
        }, "feedback", ct);
    }

    /// <summary>Marks the feedback handled as of the version read (the open-feedback list's one action).</summary>
    public async Task<Outcome<Feedback>> MarkHandledAsync(Guid id, VersionRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.RequiredVersion(request.Version) is not { } version)
        {
            return Outcome.Invalid(errors);
        }

        return await writes.UpdateAsync<Feedback>(id, version, f => f.Handled = true, "feedback", ct);
    }
}
