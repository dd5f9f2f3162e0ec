using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>What a read ended in: a value, bad input, a refusal on the request's state, or nothing found.</summary>
public sealed record ReadOutcome<T>(T? Value = default, FieldErrors? Errors = null, string? Refusal = null, bool NotFound = false)
    where T : class;

/// <summary>
/// The staff's reads of requests, one use case per read, shared by the API and the command line so that both answer
/// the same and write the same audit events (action, purpose, entity, fields). The actor is whoever the call runs as:
/// the signed-in user or API client over HTTP, <c>system</c> on the command line.
/// </summary>
public sealed class RequestReading(RegisterDbContext db, AuditLog audit, TimeProvider clock, AccessReportBuilder builder, IHttpContextAccessor http)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public const string ListAction = "request.list";

    /// <summary>
    /// Open requests by due date (then id), a page at a time: <paramref name="after"/> is the last id of the previous
    /// page. Web-form requests whose email is not confirmed are not requests yet and are left out.
    /// </summary>
    public async Task<ReadOutcome<Page<RequestSummary>>> OpenAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var size = limit ?? DefaultPageSize;
        var errors = new FieldErrors();
        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("limit", $"Between 1 and {MaxPageSize}.");
        }

        var query = RequestQueries.Open(db).AsNoTracking();
        if (after is { } a)
        {
            var last = await db.Set<DataSubjectRequest>().AsNoTracking().Where(r => r.Id == a).Select(r => (DateOnly?)r.DueDate).FirstOrDefaultAsync(ct);
            if (last is not { } due)
            {
                errors.Add("after", "No such request.");
            }
            else
            {
                query = query.Where(r => r.DueDate > due || (r.DueDate == due && r.Id.CompareTo(a) > 0));
            }
        }

        if (errors.Any)
        {
            return new(Errors: errors);
        }

        var rows = await query.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry(ListAction, Purposes.DataSubjectRights, EntityType: RequestHandling.EntityType,
            Fields: ["received_at"]), ct);
        var today = HelsinkiTime.Today(clock);
        return new(new Page<RequestSummary>([.. page.Select(r => r.ToSummary(today))], rows.Count > size ? page[^1].Id : null));
    }

    /// <summary>
    /// The Art 15 report of a matched, identity-verified access or portability request, in the request's language unless
    /// <paramref name="language"/> is given; logged on the request and audited with the categories it holds.
    /// </summary>
    public async Task<ReadOutcome<AccessReport>> AccessReportAsync(Guid requestId, string? language, CancellationToken ct)
    {
        var request = await db.Set<DataSubjectRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return new(NotFound: true);
        }

        if (AccessReportApi.Refusal(request) is { } why)
        {
            return new(Refusal: why);
        }

        var report = await builder.BuildAsync(request.SubjectId!.Value, Languages.Normalize(language ?? request.Language), ct);
        var (kind, actor) = AuditLog.Actor(http.HttpContext?.User);
        db.Add(new RequestAction
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            At = clock.GetUtcNow().UtcDateTime,
            ActorKind = kind,
            ActorId = actor,
            Action = "access_report_generated",
        });
        audit.Add(new AuditEntry(AccessReportApi.Action, Purposes.DataSubjectRights, request.SubjectId, RequestHandling.EntityType,
            request.Id.ToString(), report.Categories.Select(c => c.Id)));
        await db.SaveChangesAsync(ct);
        return new(report);
    }

    /// <summary>The DPO's preview of one person's report, audited on the person.</summary>
    public async Task<ReadOutcome<AccessReport>> SubjectAccessReportAsync(Guid subjectId, string? language, CancellationToken ct)
    {
        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return new(NotFound: true);
        }

        var report = await builder.BuildAsync(subjectId, Languages.Normalize(language), ct);
        await audit.WriteAsync(new AuditEntry(AccessReportApi.Action, Purposes.DataSubjectRights, subjectId, "subject", subjectId.ToString(),
            report.Categories.Select(c => c.Id)), ct);
        return new(report);
    }

    /// <summary>Whether an id names a request (else the command line tries it as a subject).</summary>
    public Task<bool> IsRequestAsync(Guid id, CancellationToken ct) => db.Set<DataSubjectRequest>().AnyAsync(r => r.Id == id, ct);
}
