using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Records feedback the person gave, and corrects it (e.g. marks it handled) as of the version read.</summary>
public sealed class RecordFeedback(RegisterDbContext db, AuditLog audit, TimeProvider clock)
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

        if (!await CustomerHistoryQueries.SubjectExistsAsync(db, subjectId, ct))
        {
            return Outcome.Missing;
        }

        var feedback = new Feedback { Id = Guid.CreateVersion7(), SubjectId = subjectId, Source = request.Source!.Value };
        input.ApplyTo(feedback);
        db.Add(feedback);
        audit.Add(new AuditEntry("feedback.create", Purposes.CustomerRelationship, subjectId, "feedback", feedback.Id.ToString(),
            Access.SetFields(db.Entry(feedback))));
        await db.SaveChangesAsync(ct);
        return feedback;
    }

    public async Task<Outcome<Feedback>> UpdateAsync(Guid id, FeedbackRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = FeedbackInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        if (request.ReceivedAt is null)
        {
            errors.Add("receivedAt", "Required.");
        }

        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var feedback = await db.Set<Feedback>().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feedback is null)
        {
            return Outcome.Missing;
        }

        var changed = VersionedUpdate.Apply(db, feedback, request.Version!.Value, f =>
        {
            input.ApplyTo(f);
            f.Source = request.Source ?? f.Source;
        });
        audit.Add(new AuditEntry("feedback.update", Purposes.CustomerRelationship, feedback.SubjectId, "feedback", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return feedback;
    }
}
