using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>
/// The staff's reads of requests, shared by the API and the command line so that both answer the same and write the
/// same audit events (action, purpose, entity, fields). The actor is whoever the call runs as: the signed-in user or API
/// client over HTTP, <c>system</c> on the command line.
/// </summary>
public sealed class RequestQueries(
    RegisterDbContext db, AuditLog audit, TimeProvider clock, Rectifications rectifications, Access access)
{
    private static readonly LocalText NoSuchRequest = new(
        "Pyyntöä ei löydy.",
        "Begäran finns inte.",
        "No such request.");

    public const string ListAction = "request.list";

    private static readonly string[] ReadFields = ["requester_name", "requester_email", "requester_phone", "requester_address", "text"];

    /// <summary>What a reader without <c>Request.Handle</c> gets of a closed request: no requester details.</summary>
    private static readonly string[] ClosedReadFields = ["received_at", "state"];

    /// <summary>
    /// Requests being handled: not closed, and not a web-form request whose email was never confirmed (it may carry an
    /// unrelated person's address; it expires after Requests:UnconfirmedDays, see <see cref="UnconfirmedRequests"/>).
    /// </summary>
    public static IQueryable<DataSubjectRequest> Open(RegisterDbContext db) =>
        db.Set<DataSubjectRequest>().Where(r => r.State != RequestState.Completed && r.State != RequestState.Refused
                                                 && r.State != RequestState.Withdrawn && r.State != RequestState.Duplicate
                                                 && !(r.Channel == RequestChannel.WebForm && r.State == RequestState.Received));

    /// <summary>
    /// Open requests by due date (then id), a page at a time: <paramref name="after"/> is the last id of the previous
    /// page. Web-form requests whose email is not confirmed are not requests yet and are left out.
    /// </summary>
    public async Task<Outcome<Page<RequestSummary>>> OpenAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Paging.Size(errors, limit);
        var query = Open(db).AsNoTracking();
        if (after is { } a)
        {
            var last = await db.Set<DataSubjectRequest>().AsNoTracking().Where(r => r.Id == a).Select(r => (DateOnly?)r.DueDate).FirstOrDefaultAsync(ct);
            if (last is not { } due)
            {
                errors.Add("after", NoSuchRequest);
            }
            else
            {
                query = query.Where(r => r.DueDate > due || (r.DueDate == due && r.Id.CompareTo(a) > 0));
            }
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var rows = await query.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Take(size!.Value + 1).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry(ListAction, Purposes.DataSubjectRights, EntityType: RequestSteps.EntityType,
            Fields: ["received_at"]), ct);
        var today = HelsinkiTime.Today(clock);
        return Paging.Of(rows, size.Value, r => r.Id, r => r.ToSummary(today));
    }

    /// <summary>
    /// One request with its action log and suggested matches, audited with the fields shown. A closed request is evidence,
    /// not work: who asked and what they wrote is for its handlers (the DPO, <c>Request.Handle</c>) only.
    /// </summary>
    public async Task<Outcome<RequestResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var request = await db.Set<DataSubjectRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        var detail = await DetailAsync(request, ct);
        if (!RequestRules.IsOpen(request.State) && !await access.HasAsync(Permissions.RequestHandle))
        {
            await audit.WriteAsync(RequestSteps.Entry("request.read", request, ClosedReadFields), ct);
            return detail.WithoutRequester();
        }

        await audit.WriteAsync(RequestSteps.Entry("request.read", request,
            detail.Rectifications is { Count: > 0 } ? [.. ReadFields, "before", "after"] : ReadFields), ct);
        return detail;
    }

    /// <summary>The request with its action log, suggested matches, and for a rectification its changes and recipients.</summary>
    public async Task<RequestResponse> DetailAsync(DataSubjectRequest request, CancellationToken ct)
    {
        var actions = await db.Set<RequestAction>().AsNoTracking().Where(a => a.RequestId == request.Id)
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var candidates = request.SubjectId is null ? await CandidatesAsync(request, ct) : [];
        var changes = request.Type == RequestType.Rectification ? await rectifications.ListAsync(request.Id, ct) : null;
        var notify = changes is { Count: > 0 } && request.SubjectId is { } subjectId
            ? await rectifications.RecipientsAsync(subjectId, request.Language, ct)
            : null;
        return request.ToResponse(HelsinkiTime.Today(clock)) with
        {
            Actions = [.. actions.Select(a => new RequestActionResponse(a.At, a.ActorKind, a.ActorId, a.Action, a.Note))],
            Candidates = candidates,
            Rectifications = changes,
            Notify = notify,
        };
    }

    /// <summary>Whether an id names a request (else the command line tries it as a subject).</summary>
    public Task<bool> IsRequestAsync(Guid id, CancellationToken ct) => db.Set<DataSubjectRequest>().AnyAsync(r => r.Id == id, ct);

    /// <summary>People in the register whose email or phone is exactly what the requester gave: suggestions, never a match.</summary>
    private async Task<List<Guid>> CandidatesAsync(DataSubjectRequest r, CancellationToken ct)
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
}
