using System.Security.Cryptography;
using System.Text;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>
/// What every step on a request shares, whichever feature takes it (intake, workflow, erasure, restriction): loading the
/// request at the caller's version, its action log, closing it, and its audit entry.
/// </summary>
public sealed class RequestSteps(RegisterDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public const string EntityType = "data_subject_request";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => HelsinkiTime.Today(clock);

    public Guid? ActorId => AuditLog.Actor(http.HttpContext?.User).Id;

    public static AuditEntry Entry(string action, DataSubjectRequest r, IEnumerable<string>? fields = null, string outcome = "ok") =>
        new(action, Purposes.DataSubjectRights, r.SubjectId, EntityType, r.Id.ToString(), fields, outcome);

    public static byte[] TokenHash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The request, tracked, with <paramref name="version"/> (when given) as the version the save must find.</summary>
    public async Task<DataSubjectRequest?> LoadAsync(Guid id, long? version, CancellationToken ct)
    {
        var request = await db.Set<DataSubjectRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is not null && version is { } v)
        {
            db.Entry(request).Property(r => r.Version).OriginalValue = v;
        }

        return request;
    }

    public void Close(DataSubjectRequest r, RequestState state, string? resolution)
    {
        r.State = state;
        r.ClosedAt = Now;
        r.ClosedBy = ActorId;
        r.Resolution = resolution;
    }

    /// <summary>Adds a line to the request's action log (saved with the step).</summary>
    public void Record(DataSubjectRequest r, string action, string? note)
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

    /// <summary>The step's audit entry naming the fields it changed, then the save.</summary>
    public async Task SaveAsync(string action, DataSubjectRequest request, CancellationToken ct)
    {
        audit.Add(Entry(action, request, Access.ChangedFields(db.Entry(request))));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Matches the request to the person the handler confirmed; the same request again while the first is open (or just
    /// answered) is linked to it as a duplicate, not handled twice.
    /// </summary>
    public async Task MatchAsync(DataSubjectRequest request, Guid subjectId, CancellationToken ct)
    {
        request.SubjectId = subjectId;
        request.MatchedAt = Now;
        request.MatchedBy = ActorId;
        request.State = RequestState.Matched;
        Record(request, "matched", null);

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

    /// <summary>The mail subject of an answer: the request type's name, capitalised.</summary>
    public static string MailSubject(DataSubjectRequest r) =>
        RequestLetters.TypeName(r.Type, r.Language) is var name ? char.ToUpperInvariant(name[0]) + name[1..] : "";
}
