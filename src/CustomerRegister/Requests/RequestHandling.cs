using System.Security.Cryptography;
using System.Text;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Requests;

public sealed record IntakeInput(
    RequestType? Type, RequestChannel? Channel, DateTime? ReceivedAt, string? RequesterName, string? RequesterEmail,
    string? RequesterPhone, string? RequesterAddress, string? Text, string? Language, Guid? SubjectId, Guid? AssignedTo,
    DataSource? Source);

/// <summary>A mail from the customer-service mailbox, already read and classified by the poller.</summary>
public sealed record MailIntakeInput(
    byte[] MessageHash, RequestType Type, DateTime? ReceivedAt, string? RequesterName, string? RequesterEmail, string? Text,
    string Language);

public sealed record PublicRequestInput(
    RequestType? Type, string? Name, string? Email, string? Phone, string? Address, string? Text, string? Language);

/// <summary>What a use case ended in; the API and the page turn it into their own answer.</summary>
public sealed record RequestOutcome(
    DataSubjectRequest? Request = null, FieldErrors? Errors = null, string? ConflictField = null, string? ConflictMessage = null,
    bool NotFound = false, bool TooMany = false)
{
    /// <summary>The public form's cap for all addresses together (Requests:PublicGlobalPerHour) is reached.</summary>
    public static readonly RequestOutcome Busy = new(TooMany: true);

    public static RequestOutcome Ok(DataSubjectRequest r) => new(r);

    public static RequestOutcome Invalid(FieldErrors e) => new(Errors: e);

    public static RequestOutcome Conflict(string field, string message) => new(ConflictField: field, ConflictMessage: message);

    public static readonly RequestOutcome Missing = new(NotFound: true);
}

/// <summary>
/// The data-subject request workflow: intake (staff and web form), matching, identity verification, deadlines and
/// their extension, closing. Every step is written to the request's action log and to the audit trail.
/// </summary>
public sealed partial class RequestHandling(
    RegisterDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http, IMailSender mail,
    IOptions<RequestOptions> options, IOptions<MailOptions> mailOptions)
{
    public const string EntityType = "data_subject_request";
    public const int MaxTextLength = 4000;

    private RequestOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => HelsinkiTime.Today(clock);

    public Task<DataSubjectRequest?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<DataSubjectRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<RequestOutcome> MatchAsync(Guid id, Guid? subjectId, long? version, CancellationToken ct)
    {
        if (subjectId is null)
        {
            return RequestOutcome.Invalid(new FieldErrors().Add("subjectId", "Required: the person the handler confirmed."));
        }

        var request = await LoadAsync(id, version, ct);
        if (request is null || !await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return RequestOutcome.Missing;
        }

        if (RequestRules.CanMatch(request.Channel, request.State) is { } refusal)
        {
            return RequestOutcome.Conflict("state", refusal);
        }

        await ApplyMatchAsync(request, subjectId.Value, ct);
        audit.Add(Entry("request.match", request, ["subject_id"]));
        await db.SaveChangesAsync(ct);
        return RequestOutcome.Ok(request);
    }

    public async Task<RequestOutcome> VerifyIdentityAsync(Guid id, IdentityMethod? method, string? note, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (method is null)
        {
            errors.Add("method", $"Required: one of {string.Join(", ", Enum.GetNames<IdentityMethod>())}.");
        }

        var trimmed = errors.Text("note", note, 500, required: method == IdentityMethod.Other);
        if (errors.Any)
        {
            return RequestOutcome.Invalid(errors);
        }

        return await StepAsync(id, version, r => RequestRules.CanVerifyIdentity(r.State), r =>
        {
            r.IdentityMethod = method;
            r.IdentityNote = trimmed;
            r.IdentityVerifiedAt = Now;
            r.IdentityVerifiedBy = ActorId;
            r.State = RequestState.IdentityVerified;
            Record(r, "identity_verified", trimmed);
            return "request.verify_identity";
        }, ct);
    }

    public Task<RequestOutcome> StartAsync(Guid id, long? version, CancellationToken ct) =>
        StepAsync(id, version, r => RequestRules.CanStart(r.Type, r.State), r =>
        {
            r.State = RequestState.InProgress;
            Record(r, "started", null);
            return "request.start";
        }, ct);

    public async Task<RequestOutcome> CompleteAsync(Guid id, string? note, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var trimmed = errors.Text("note", note, 2000);
        if (errors.Any)
        {
            return RequestOutcome.Invalid(errors);
        }

        var outcome = await StepAsync(id, version, r => RequestRules.CanComplete(r.Type, r.State), r =>
        {
            Close(r, RequestState.Completed, trimmed);
            Record(r, "completed", trimmed);
            return "request.complete";
        }, ct);

        // A rectification's notice (what was corrected, who is told: RequestLetters.RectificationNotice) goes out on completion.
        if (outcome.Request is { Type: RequestType.Rectification, RequesterEmail: { } to, ResponseLetter: { } letter } done)
        {
            await mail.SendAsync(MailMessages.Text(to, Subject(done), letter, done.Language), done.Id, "response_letter", ct);
        }

        return outcome;
    }

    public async Task<RequestOutcome> RefuseAsync(Guid id, string? reason, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var trimmed = errors.Text("reason", reason, 2000, required: true);
        if (errors.Any)
        {
            return RequestOutcome.Invalid(errors);
        }

        var outcome = await StepAsync(id, version, r => RequestRules.CanClose(r.State), r =>
        {
            Close(r, RequestState.Refused, trimmed);
            r.ResponseLetter = RequestLetters.RefusalLetter(r.Language, r.Type, HelsinkiTime.DateOf(r.ReceivedAt), trimmed!);
            Record(r, "refused", trimmed);
            return "request.refuse";
        }, ct);
        if (outcome.Request is { RequesterEmail: { } to } refused)
        {
            await mail.SendAsync(MailMessages.Text(to, Subject(refused), refused.ResponseLetter!, refused.Language), refused.Id, "response_letter", ct);
        }

        return outcome;
    }

    public async Task<RequestOutcome> WithdrawAsync(Guid id, string? note, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var trimmed = errors.Text("note", note, 1000);
        return errors.Any
            ? RequestOutcome.Invalid(errors)
            : await StepAsync(id, version, r => RequestRules.CanClose(r.State), r =>
            {
                Close(r, RequestState.Withdrawn, trimmed);
                Record(r, "withdrawn", trimmed);
                return "request.withdraw";
            }, ct);
    }

    public async Task<RequestOutcome> AssignAsync(Guid id, Guid? userId, long? version, CancellationToken ct)
    {
        if (userId is { } uid && !await db.Users.AnyAsync(u => u.Id == uid, ct))
        {
            return RequestOutcome.Invalid(new FieldErrors().Add("userId", "No such user."));
        }

        return await StepAsync(id, version, r => RequestRules.CanClose(r.State), r =>
        {
            r.AssignedTo = userId;
            Record(r, userId is null ? "unassigned" : "assigned", null);
            return "request.assign";
        }, ct);
    }

    /// <summary>Extends the deadline once, by at most two months, before the original due date has passed (Art 12(3)).</summary>
    public async Task<RequestOutcome> ExtendAsync(Guid id, int? months, string? reason, string? toldVia, long? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var extension = months ?? RequestDeadlines.MaxExtensionMonths;
        if (extension is < 1 or > RequestDeadlines.MaxExtensionMonths)
        {
            errors.Add("months", $"1 to {RequestDeadlines.MaxExtensionMonths}.");
        }

        var why = errors.Text("reason", reason, 1000, required: true);
        var via = errors.Text("toldVia", toldVia, 40);
        if (errors.Any)
        {
            return RequestOutcome.Invalid(errors);
        }

        var request = await LoadAsync(id, version, ct);
        if (request is null)
        {
            return RequestOutcome.Missing;
        }

        if (RequestRules.CanClose(request.State) is { } closed)
        {
            return RequestOutcome.Conflict("state", closed);
        }

        if (RequestDeadlines.ExtensionRefusal(request.OriginalDueDate, HelsinkiTime.Today(clock), request.ExtendedAt is not null, extension)
            is { } refusal)
        {
            return RequestOutcome.Conflict("dueDate", refusal);
        }

        // Counted from the day of receipt, never from the original due date (which may have been moved past a holiday).
        var received = HelsinkiTime.DateOf(request.ReceivedAt);
        request.DueDate = Options.Deadlines().ExtendedDueDate(received, extension);
        request.ExtendedAt = Now;
        request.ExtendedBy = ActorId;
        request.ExtensionReason = why;
        request.ExtensionLetter = RequestLetters.ExtensionLetter(request.Language, request.Type, received, request.DueDate, why!);
        request.ExtensionToldVia = via ?? (request.RequesterEmail is not null ? "email" : "letter");
        Record(request, "extended", why);
        audit.Add(Entry("request.extend", request, Access.ChangedFields(db.Entry(request))));
        await db.SaveChangesAsync(ct);
        if (via is null && request.RequesterEmail is { } to)
        {
            await mail.SendAsync(MailMessages.Text(to, Subject(request), request.ExtensionLetter, request.Language), request.Id, "extension_letter", ct);
        }

        return RequestOutcome.Ok(request);
    }

    /// <summary>People in the register whose email or phone is exactly what the requester gave: suggestions, never a match.</summary>
    public async Task<List<Guid>> CandidatesAsync(DataSubjectRequest r, CancellationToken ct)
    {
        var email = r.RequesterEmail?.ToLowerInvariant();
        var phone = r.RequesterPhone;
        if (email is null && phone is null)
        {
            return [];
        }

        var consumers = await db.Set<Consumer>().AsNoTracking()
            .Where(c => (email != null && c.Email != null && c.Email.ToLower() == email) || (phone != null && c.Phone == phone))
            .Select(c => c.SubjectId).Take(10).ToListAsync(ct);
        var contacts = await db.Set<ContactPerson>().AsNoTracking()
            .Where(c => (email != null && c.Email != null && c.Email.ToLower() == email) || (phone != null && c.Phone == phone))
            .Select(c => c.SubjectId).Take(10).ToListAsync(ct);
        return [.. consumers.Concat(contacts).Distinct()];
    }

    public static AuditEntry Entry(string action, DataSubjectRequest r, IEnumerable<string>? fields = null, string outcome = "ok") =>
        new(action, Purposes.DataSubjectRights, r.SubjectId, EntityType, r.Id.ToString(), fields, outcome);

    public static byte[] TokenHash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private Guid? ActorId => AuditLog.Actor(http.HttpContext?.User).Id;

    private async Task ApplyMatchAsync(DataSubjectRequest request, Guid subjectId, CancellationToken ct)
    {
        request.SubjectId = subjectId;
        request.MatchedAt = Now;
        request.MatchedBy = ActorId;
        request.State = RequestState.Matched;
        Record(request, "matched", null);

        // The same request again while the first is open (or just answered) is linked to it, not handled twice.
        var since = Now.AddMonths(-1);
        var earlier = await db.Set<DataSubjectRequest>()
            .Where(r => r.Id != request.Id && r.SubjectId == subjectId && r.Type == request.Type && r.State != RequestState.Duplicate
                        && ((r.State != RequestState.Completed && r.State != RequestState.Refused && r.State != RequestState.Withdrawn)
                            || r.ClosedAt >= since))
            .OrderBy(r => r.ReceivedAt).FirstOrDefaultAsync(ct);
        if (earlier is not null)
        {
            request.DuplicateOfId = earlier.Id;
            Close(request, RequestState.Duplicate, null);
            Record(request, "linked_as_duplicate", null);
            Record(earlier, "duplicate_received", null);
            audit.Add(Entry("request.duplicate_received", earlier, ["duplicate_of_id"]));
        }
    }

    private async Task<RequestOutcome> StepAsync(
        Guid id, long? version, Func<DataSubjectRequest, string?> rule, Func<DataSubjectRequest, string> apply, CancellationToken ct)
    {
        var request = await LoadAsync(id, version, ct);
        if (request is null)
        {
            return RequestOutcome.Missing;
        }

        if (rule(request) is { } refusal)
        {
            return RequestOutcome.Conflict("state", refusal);
        }

        var action = apply(request);
        audit.Add(Entry(action, request, Access.ChangedFields(db.Entry(request))));
        await db.SaveChangesAsync(ct);
        return RequestOutcome.Ok(request);
    }

    internal async Task<DataSubjectRequest?> LoadAsync(Guid id, long? version, CancellationToken ct)
    {
        var request = await FindAsync(id, ct);
        if (request is not null && version is { } v)
        {
            db.Entry(request).Property(r => r.Version).OriginalValue = v;
        }

        return request;
    }

    internal void Close(DataSubjectRequest r, RequestState state, string? resolution)
    {
        r.State = state;
        r.ClosedAt = Now;
        r.ClosedBy = ActorId;
        r.Resolution = resolution;
    }

    internal void Record(DataSubjectRequest r, string action, string? note)
    {
        var (kind, id) = AuditLog.Actor(http.HttpContext?.User);
        db.Add(new RequestAction
        {
            Id = Guid.CreateVersion7(),
            RequestId = r.Id,
            At = Now,
            ActorKind = kind,
            ActorId = id,
            Action = action,
            Note = note,
        });
    }

    private static string Subject(DataSubjectRequest r) => char.ToUpperInvariant(RequestLetters.TypeName(r.Type, r.Language)[0])
        + RequestLetters.TypeName(r.Type, r.Language)[1..];
}
