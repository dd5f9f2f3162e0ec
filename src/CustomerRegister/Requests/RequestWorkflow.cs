using CustomerRegister.Audit;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Requests;

/// <summary>
/// Handling a request after intake: matching the person, identity verification, starting, extending the deadline,
/// closing (completed, refused, withdrawn) and assigning. Every step is written to the request's action log and to the
/// audit trail; a step the request's state does not allow is a conflict on <c>state</c>.
/// </summary>
public sealed class RequestWorkflow(
    RegisterDbContext db, AuditLog audit, RequestSteps steps, IMailSender mail, IOptions<RequestOptions> options,
    IOptions<ControllerOptions> controller)
{
    private static readonly LocalText MonthsRange = new(
        "1–{0} kuukautta.",
        "1–{0} månader.",
        "1 to {0}.");

    private static readonly LocalText PersonRequired = new(
        "Pakollinen tieto: henkilö, jonka käsittelijä on varmistanut.",
        "Obligatorisk uppgift: personen som handläggaren har bekräftat.",
        "Required: the person the handler confirmed.");

    public async Task<Outcome<DataSubjectRequest>> MatchAsync(Guid id, Guid? subjectId, long? version, CancellationToken ct)
    {
        if (subjectId is null)
        {
            return Outcome.Invalid("subjectId", PersonRequired);
        }

        var request = await steps.LoadAsync(id, version, ct);
        if (request is null || !await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return Outcome.Missing;
        }

        if (RequestRules.CanMatch(request.Channel, request.State) is { } refusal)
        {
            return Outcome.Conflict("state", refusal);
        }

        await steps.MatchAsync(request, subjectId.Value, ct);
        audit.Add(RequestSteps.Entry("request.match", request, ["subject_id"]));
        await db.SaveChangesAsync(ct);
        return request;
    }

    public async Task<Outcome<DataSubjectRequest>> VerifyIdentityAsync(
        Guid id, IdentityMethod? method, string? note, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (method is null)
        {
            errors.Add("method", FieldMessages.RequiredOneOf<IdentityMethod>());
        }

        var trimmed = errors.Text("note", note, 500, required: method == IdentityMethod.Other);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        return await StepAsync(id, version, r => RequestRules.CanVerifyIdentity(r.State), r =>
        {
            r.IdentityMethod = method;
            r.IdentityNote = trimmed;
            r.IdentityVerifiedAt = steps.Now;
            r.IdentityVerifiedBy = steps.ActorId;
            r.State = RequestState.IdentityVerified;
            steps.Record(r, "identity_verified", trimmed);
            return "request.verify_identity";
        }, ct);
    }

    public Task<Outcome<DataSubjectRequest>> StartAsync(Guid id, long? version, CancellationToken ct) =>
        StepAsync(id, version, r => RequestRules.CanStart(r.Type, r.State), r =>
        {
            r.State = RequestState.InProgress;
            steps.Record(r, "started", null);
            return "request.start";
        }, ct);

    public async Task<Outcome<DataSubjectRequest>> CompleteAsync(Guid id, string? note, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var trimmed = errors.Text("note", note, 2000);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var outcome = await StepAsync(id, version, r => RequestRules.CanComplete(r.Type, r.State), r =>
        {
            steps.Close(r, RequestState.Completed, trimmed);
            steps.Record(r, "completed", trimmed);
            return "request.complete";
        }, ct);

        // A rectification's notice (what was corrected, who is told: RequestLetters.RectificationNotice) goes out on completion.
        if (outcome.Value is { Type: RequestType.Rectification, RequesterEmail: { } to, ResponseLetter: { } letter } done)
        {
            await mail.SendAsync(MailMessages.Text(to, RequestSteps.MailSubject(done), letter, done.Language), done.Id, "response_letter", ct);
        }

        return outcome;
    }

    public async Task<Outcome<DataSubjectRequest>> RefuseAsync(Guid id, string? reason, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var trimmed = errors.Text("reason", reason, 2000, required: true);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var outcome = await StepAsync(id, version, r => RequestRules.CanClose(r.State), r =>
        {
            steps.Close(r, RequestState.Refused, trimmed);
            r.ResponseLetter = RequestLetters.RefusalLetter(r.Language, r.Type, HelsinkiTime.DateOf(r.ReceivedAt), trimmed!,
                r.RequesterName, RequestLetters.From(controller.Value));
            steps.Record(r, "refused", trimmed);
            return "request.refuse";
        }, ct);
        if (outcome.Value is { RequesterEmail: { } to } refused)
        {
            await mail.SendAsync(MailMessages.Text(to, RequestSteps.MailSubject(refused), refused.ResponseLetter!, refused.Language),
                refused.Id, "response_letter", ct);
        }

        return outcome;
    }

    public async Task<Outcome<DataSubjectRequest>> WithdrawAsync(Guid id, string? note, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var trimmed = errors.Text("note", note, 1000);
        return errors.Any
            ? Outcome.Invalid(errors)
            : await StepAsync(id, version, r => RequestRules.CanClose(r.State), r =>
            {
                steps.Close(r, RequestState.Withdrawn, trimmed);
                steps.Record(r, "withdrawn", trimmed);
                return "request.withdraw";
            }, ct);
    }

    public async Task<Outcome<DataSubjectRequest>> AssignAsync(Guid id, Guid? userId, long? version, CancellationToken ct)
    {
        if (userId is { } uid && !await db.Users.AnyAsync(u => u.Id == uid, ct))
        {
            return Outcome.Invalid("userId", FieldMessages.NoSuchUser);
        }

        return await StepAsync(id, version, r => RequestRules.CanClose(r.State), r =>
        {
            r.AssignedTo = userId;
            steps.Record(r, userId is null ? "unassigned" : "assigned", null);
            return "request.assign";
        }, ct);
    }

    /// <summary>Extends the deadline once, by at most two months, before the original due date has passed (Art 12(3)).</summary>
    public async Task<Outcome<DataSubjectRequest>> ExtendAsync(
        Guid id, int? months, string? reason, string? toldVia, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var extension = months ?? RequestDeadlines.MaxExtensionMonths;
        if (extension is < 1 or > RequestDeadlines.MaxExtensionMonths)
        {
            errors.Add("months", MonthsRange.Format(RequestDeadlines.MaxExtensionMonths));
        }

        var why = errors.Text("reason", reason, 1000, required: true);
        var via = errors.Text("toldVia", toldVia, 40);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var request = await steps.LoadAsync(id, version, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        if (RequestRules.CanClose(request.State) is { } closed)
        {
            return Outcome.Conflict("state", closed);
        }

        if (RequestDeadlines.ExtensionRefusal(request.OriginalDueDate, steps.Today, request.ExtendedAt is not null, extension)
            is { } refusal)
        {
            return Outcome.Conflict("dueDate", refusal);
        }

        // Counted from the day of receipt, never from the original due date (which may have been moved past a holiday).
        var received = HelsinkiTime.DateOf(request.ReceivedAt);
        request.DueDate = options.Value.Deadlines().ExtendedDueDate(received, extension);
        request.ExtendedAt = steps.Now;
        request.ExtendedBy = steps.ActorId;
        request.ExtensionReason = why;
        request.ExtensionLetter = RequestLetters.ExtensionLetter(request.Language, request.Type, received, request.DueDate, why!,
            request.RequesterName, RequestLetters.From(controller.Value));
        request.ExtensionToldVia = via ?? (request.RequesterEmail is not null ? "email" : "letter");
        steps.Record(request, "extended", why);
        await steps.SaveAsync("request.extend", request, ct);
        if (via is null && request.RequesterEmail is { } to)
        {
            await mail.SendAsync(MailMessages.Text(to, RequestSteps.MailSubject(request), request.ExtensionLetter, request.Language),
                request.Id, "extension_letter", ct);
        }

        return request;
    }

    private async Task<Outcome<DataSubjectRequest>> StepAsync(
        Guid id, long? version, Func<DataSubjectRequest, LocalText?> rule, Func<DataSubjectRequest, string> apply, CancellationToken ct)
    {
        var request = await steps.LoadAsync(id, version, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        if (rule(request) is { } refusal)
        {
            return Outcome.Conflict("state", refusal);
        }

        await steps.SaveAsync(apply(request), request, ct);
        return request;
    }
}
