using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing;

public sealed record WebEventRequest(
    Guid? SubjectId, DateTime? OccurredAt, string? Kind, string? Path, string? SessionId, string? Referrer, string? Source);

/// <summary>An event not stored: the person named has no web-behaviour consent in force (or may not be profiled).</summary>
public sealed record WebEventNotLinked(bool Linked, string Reason);

public sealed record UnlinkedWebEventsResponse(DateOnly Day, int Events);

public sealed record WebEventResponse(
    Guid Id, Guid SubjectId, DateTime OccurredAt, WebEventKind Kind, string Path, string? SessionId, string? Referrer, DataSource Source);

public static class WebEventsApi
{
    public const int MaxPathLength = 500;
    private const string Entity = "web_event";

    public static IEndpointRouteBuilder MapWebEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/web-events", IntakeAsync).WithTags("Marketing").RequirePermission(Permissions.WebEventWrite)
            .WithSummary("Intake of one web-behaviour event from the website's integration client.");
        app.MapGet("/api/web-events/unlinked", UnlinkedAsync).WithTags("Marketing").RequirePermission(Permissions.MarketingRead)
            .WithSummary("Per day, how many events naming a person were dropped for want of a web-behaviour consent (no personal data).");
        app.MapGet("/api/subjects/{subjectId:guid}/web-events", ListAsync).WithTags("Marketing").RequirePermission(Permissions.MarketingRead)
            .WithSummary("The person's web events in arrival order; page with ?after=<last id>.");
        return app;
    }

    /// <summary>
    /// Stores the event only while the person has a web-behaviour consent in force (<see cref="MarketingChannel.Web"/>,
    /// <see cref="Purposes.WebAnalytics"/>) and may be profiled (no restriction, no objection to profiling). Otherwise the
    /// event is dropped — the register keeps no web behaviour without its basis — and counted for the day (202,
    /// <c>{linked: false}</c>).
    /// </summary>
    private static async Task<Results<Created<WebEventResponse>, Accepted<WebEventNotLinked>, ValidationProblem>> IntakeAsync(
        WebEventRequest request, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, IOptions<MarketingOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        if (request.SubjectId is null)
        {
            errors.Add("subjectId", "Required.");
        }

        var occurredAt = errors.Past("occurredAt", request.OccurredAt, now);
        var kind = errors.Enum<WebEventKind>("kind", request.Kind);
        var path = errors.Text("path", request.Path, MaxPathLength, required: true);
        var session = errors.Text("sessionId", request.SessionId, 100);
        var referrer = errors.Text("referrer", request.Referrer, MaxPathLength);
        var source = errors.Source(request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var subjectId = request.SubjectId!.Value;
        var consent = await MarketingLedger.DecideAsync(db, subjectId, MarketingChannel.Web, Purposes.WebAnalytics, options.Value.Terms(clock), ct);
        if (consent is null)
        {
            return new FieldErrors().Add("subjectId", "No such subject.").Problem();
        }

        if (!consent.Allowed || !await limits.MayProfileAsync(subjectId, ct))
        {
            var reason = consent.Allowed ? ConsentReasons.Restricted : consent.Reason;
            await CountUnlinkedAsync(db, HelsinkiTime.Today(clock), ct);
            await audit.WriteAsync(new AuditEntry("marketing.web_event.unlinked", Purposes.WebAnalytics, EntityType: Entity,
                Outcome: "dropped"), ct);
            return TypedResults.Accepted((string?)null, new WebEventNotLinked(false, reason));
        }

        var e = new WebEvent
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Source = source!.Value,
            CreatedAt = now,
            UpdatedAt = now,
            OccurredAt = occurredAt ?? now,
            Kind = kind!.Value,
            Path = path!,
            SessionId = session,
            Referrer = referrer,
        };
        db.Add(e);
        audit.Add(new AuditEntry("marketing.web_event.intake", Purposes.WebAnalytics, subjectId, Entity, e.Id.ToString(),
            Access.SetFields(db.Entry(e))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/web-events", ToResponse(e));
    }

    private static async Task<Results<Ok<Page<WebEventResponse>>, NotFound, ValidationProblem>> ListAsync(
        Guid subjectId, Guid? after, int? limit, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > Paging.MaxSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {Paging.MaxSize}.").Problem();
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var query = db.Set<WebEvent>().AsNoTracking().Where(e => e.SubjectId == subjectId);
        if (after is { } a)
        {
            query = query.Where(e => e.Id.CompareTo(a) > 0);
        }

        var rows = await query.OrderBy(e => e.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry("marketing.web_event.read", Purposes.Marketing, subjectId, Entity,
            Fields: [Categories.WebBehaviour.Id]), ct);
        return TypedResults.Ok(new Page<WebEventResponse>(page.Select(ToResponse).ToList(), rows.Count > size ? page[^1].Id : null));
    }

    /// <summary>One more dropped event on the day; a single statement, so parallel intakes never lose a count.</summary>
    private static Task<int> CountUnlinkedAsync(RegisterDbContext db, DateOnly day, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO unlinked_web_event_days (day, events) VALUES ({day}, 1) ON CONFLICT (day) DO UPDATE SET events = unlinked_web_event_days.events + 1",
            ct);

    private static async Task<Results<Ok<List<UnlinkedWebEventsResponse>>, ValidationProblem>> UnlinkedAsync(
        DateOnly? from, DateOnly? to, RegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var last = to ?? HelsinkiTime.Today(clock);
        var first = from ?? last.AddDays(-30);
        if (first > last || last.DayNumber - first.DayNumber > 400)
        {
            return new FieldErrors().Add("from", "From must not be after to, and the range at most 400 days.").Problem();
        }

        var days = await db.Set<UnlinkedWebEventDay>().AsNoTracking().Where(d => d.Day >= first && d.Day <= last).OrderBy(d => d.Day)
            .Select(d => new UnlinkedWebEventsResponse(d.Day, d.Events)).ToListAsync(ct);
        return TypedResults.Ok(days);
    }

    /// <summary>The newest events, for the subject picture (the full list is paged above).</summary>
    public static async Task<List<WebEventResponse>> LatestAsync(RegisterDbContext db, Guid subjectId, int count, CancellationToken ct) =>
        (await db.Set<WebEvent>().AsNoTracking().Where(e => e.SubjectId == subjectId).OrderByDescending(e => e.Id).Take(count).ToListAsync(ct))
            .Select(ToResponse).ToList();

    private static WebEventResponse ToResponse(WebEvent e) => new(
        e.Id, e.SubjectId, e.OccurredAt, e.Kind, e.Path, e.SessionId, e.Referrer, e.Source);
}
