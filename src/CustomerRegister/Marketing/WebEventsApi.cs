using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Marketing;

public sealed record WebEventRequest(
    Guid? SubjectId, DateTime? OccurredAt, string? Kind, string? Path, string? SessionId, string? Referrer, string? Source);

public sealed record WebEventResponse(
    Guid Id, Guid SubjectId, DateTime OccurredAt, WebEventKind Kind, string Path, string? SessionId, string? Referrer, DataSource Source);

public static class WebEventsApi
{
    public const int MaxPathLength = 500;
    private const string Entity = "web_event";

    public static IEndpointRouteBuilder MapWebEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/web-events", IntakeAsync).WithTags("Marketing").RequirePermission(Permissions.MarketingWrite)
            .WithSummary("Intake of one web-behaviour event from the website's integration client.");
        app.MapGet("/api/subjects/{subjectId:guid}/web-events", ListAsync).WithTags("Marketing").RequirePermission(Permissions.MarketingRead)
            .WithSummary("The person's web events in arrival order; page with ?after=<last id>.");
        return app;
    }

    private static async Task<Results<Created<WebEventResponse>, ValidationProblem>> IntakeAsync(
        WebEventRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
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
        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return new FieldErrors().Add("subjectId", "No such subject.").Problem();
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
        audit.Add(new AuditEntry("marketing.web_event.intake", Purposes.Development, subjectId, Entity, e.Id.ToString(),
            Access.SetFields(db.Entry(e))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/web-events", ToResponse(e));
    }

    private static async Task<Results<Ok<Page<WebEventResponse>>, NotFound, ValidationProblem>> ListAsync(
        Guid subjectId, Guid? after, int? limit, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > ConsumersApi.MaxPageSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {ConsumersApi.MaxPageSize}.").Problem();
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

    /// <summary>The newest events, for the subject picture (the full list is paged above).</summary>
    public static async Task<List<WebEventResponse>> LatestAsync(RegisterDbContext db, Guid subjectId, int count, CancellationToken ct) =>
        (await db.Set<WebEvent>().AsNoTracking().Where(e => e.SubjectId == subjectId).OrderByDescending(e => e.Id).Take(count).ToListAsync(ct))
            .Select(ToResponse).ToList();

    private static WebEventResponse ToResponse(WebEvent e) => new(
        e.Id, e.SubjectId, e.OccurredAt, e.Kind, e.Path, e.SessionId, e.Referrer, e.Source);
}
