using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Requests;

/// <summary>How close a request's due date is, as the queue filters it.</summary>
public enum RequestDue
{
    Overdue = 1,
    WithinWeek = 2,
    Later = 3,
}

/// <summary>
/// The queue's filter: type, state (open ones when none is named), assignee (<see cref="Unassigned"/> for nobody), due;
/// keyset-paged by due date then id.
/// </summary>
public sealed record RequestFilter(
    RequestType? Type = null, RequestState? State = null, Guid? Assignee = null, bool Unassigned = false, RequestDue? Due = null,
    Guid? After = null, int? Limit = null);

/// <summary>A line of the handlers' queue: the request's summary and, for its handlers, who asked.</summary>
public sealed record RequestQueueItem(RequestSummary Request, string? RequesterName);

/// <summary>What the DPO's desk counts of the requests.</summary>
public sealed record RequestCounts(int Open, int Overdue, int DueWithinWeek, int Unassigned, int Unconfirmed);

/// <summary>
/// The request queue of the staff pages and the API (<c>GET /api/requests</c>): open requests by due date — overdue ones
/// come first because their due date is earliest — filtered by type, state, assignee and due; and the counts of the DPO's desk.
/// </summary>
public sealed class RequestQueue(RegisterDbContext db, AuditLog audit, TimeProvider clock, IOptions<RequestOptions> options)
{
    private static readonly LocalText NoSuchRequest = new("Pyyntöä ei löydy.", "Begäran finns inte.", "No such request.");

    /// <summary>Days ahead that count as "due within a week".</summary>
    public const int WeekDays = 7;

    public async Task<Outcome<Page<RequestQueueItem>>> ListAsync(RequestFilter filter, bool withNames, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Paging.Size(errors, filter.Limit);
        var today = HelsinkiTime.Today(clock);
        var query = Filtered(filter, today);
        if (filter.After is { } a)
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

        var rows = await query.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Take(size!.Value + 1)
            .Select(r => new { Request = r, Name = withNames ? r.RequesterName : null }).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry(RequestQueries.ListAction, Purposes.DataSubjectRights, EntityType: RequestSteps.EntityType,
            Fields: withNames ? ["received_at", "requester_name"] : ["received_at"]), ct);
        return Paging.Of(rows, size.Value, r => r.Request.Id, r => new RequestQueueItem(r.Request.ToSummary(today), r.Name));
    }

    /// <summary>Open, overdue, due within a week, unassigned; and web-form requests still waiting for their email confirmation.</summary>
    public async Task<RequestCounts> CountAsync(CancellationToken ct)
    {
        var today = HelsinkiTime.Today(clock);
        var week = today.AddDays(WeekDays);
        var open = RequestQueries.Open(db).AsNoTracking();
        var byDue = await open.GroupBy(r => 1).Select(g => new
        {
            Open = g.Count(),
            Overdue = g.Count(r => r.DueDate < today),
            Week = g.Count(r => r.DueDate >= today && r.DueDate <= week),
            Unassigned = g.Count(r => r.AssignedTo == null),
        }).FirstOrDefaultAsync(ct);
        var oldest = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.UnconfirmedDays);
        var unconfirmed = await db.Set<DataSubjectRequest>().AsNoTracking()
            .CountAsync(r => r.Channel == RequestChannel.WebForm && r.State == RequestState.Received && r.ReceivedAt >= oldest, ct);
        return new RequestCounts(byDue?.Open ?? 0, byDue?.Overdue ?? 0, byDue?.Week ?? 0, byDue?.Unassigned ?? 0, unconfirmed);
    }

    private IQueryable<DataSubjectRequest> Filtered(RequestFilter filter, DateOnly today)
    {
        var query = filter.State is { } state
            ? db.Set<DataSubjectRequest>().AsNoTracking()
                .Where(r => r.State == state && !(r.Channel == RequestChannel.WebForm && r.State == RequestState.Received))
            : RequestQueries.Open(db).AsNoTracking();
        if (filter.Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }

        if (filter.Unassigned)
        {
            query = query.Where(r => r.AssignedTo == null);
        }
        else if (filter.Assignee is { } assignee)
        {
            query = query.Where(r => r.AssignedTo == assignee);
        }

        var week = today.AddDays(WeekDays);
        return filter.Due switch
        {
            RequestDue.Overdue => query.Where(r => r.DueDate < today),
            RequestDue.WithinWeek => query.Where(r => r.DueDate >= today && r.DueDate <= week),
            RequestDue.Later => query.Where(r => r.DueDate > week),
            _ => query,
        };
    }
}
