using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing;

public sealed record MarketingEventRequest(string? Name, DateOnly? Date, string? Place);

public sealed record MarketingEventResponse(Guid Id, string Name, DateOnly Date, string? Place, DateTime CreatedAt);

public sealed record InvitationRequest(Guid? SubjectId, string? Channel, string? Source);

public sealed record ParticipationRequest(string? Status, DateTime? At, long? Version);

public sealed record InvitationResponse(
    Guid Id, Guid SubjectId, Guid EventId, DateTime InvitedAt, MarketingChannel Channel, ParticipationStatus Status, DateTime StatusAt,
    DataSource Source, long Version);

public static class MarketingEventsApi
{
    private const string Entity = "event_invitation";

    public static IEndpointRouteBuilder MapMarketingEvents(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingRead);
        read.MapGet("/marketing-events", ListAsync);
        read.MapGet("/marketing-events/{id:guid}/invitations", InvitationsAsync);
        read.MapGet("/subjects/{subjectId:guid}/event-invitations", OfSubjectAsync);

        var write = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingWrite);
        write.MapPost("/marketing-events", CreateAsync);
        write.MapPost("/marketing-events/{id:guid}/invitations", InviteAsync)
            .WithSummary("Invite a person. Refused (409, naming channel) when the person's marketing ledger does not allow the channel.");
        write.MapPut("/event-invitations/{id:guid}/participation", SetParticipationAsync)
            .WithSummary("Registered, attended or cancelled; send the version you read.");
        return app;
    }

    private static async Task<Ok<List<MarketingEventResponse>>> ListAsync(RegisterDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<MarketingEvent>().AsNoTracking().OrderByDescending(e => e.Date).ThenBy(e => e.Name).ToListAsync(ct))
            .Select(ToResponse).ToList());

    private static async Task<Results<Created<MarketingEventResponse>, ValidationProblem>> CreateAsync(
        MarketingEventRequest request, RegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 200, required: true);
        var place = errors.Text("place", request.Place, 200);
        if (request.Date is null)
        {
            errors.Add("date", "Required.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var e = new MarketingEvent { Id = Guid.CreateVersion7(), Name = name!, Date = request.Date!.Value, Place = place, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(e);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/marketing-events/{e.Id}", ToResponse(e));
    }

    private static async Task<Results<Created<InvitationResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> InviteAsync(
        Guid id, InvitationRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, IOptions<MarketingOptions> options,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.SubjectId is null)
        {
            errors.Add("subjectId", "Required.");
        }

        var channel = errors.Enum<MarketingChannel>("channel", request.Channel);
        if (channel == MarketingChannel.Web)
        {
            errors.Add("channel", $"Not a channel to invite on: one of {string.Join(", ", MarketingConsentRules.ContactChannels)}.");
        }

        var source = errors.Source(request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        if (!await db.Set<MarketingEvent>().AnyAsync(e => e.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var subjectId = request.SubjectId!.Value;
        var decision = await MarketingLedger.DecideAsync(db, subjectId, channel!.Value, Purposes.Marketing, options.Value.Terms(clock), ct);
        if (decision is null)
        {
            return new FieldErrors().Add("subjectId", "No such subject.").Problem();
        }

        if (!decision.Allowed)
        {
            await audit.WriteAsync(new AuditEntry("marketing.event.invite", Purposes.Marketing, subjectId, Entity,
                Fields: [Categories.MarketingPermission.Id], Outcome: "denied"), ct);
            return Conflict("channel", $"The person's marketing ledger does not allow {channel} for {Purposes.Marketing}: {decision.Reason}.",
                decision.Reason);
        }

        if (await db.Set<EventInvitation>().AnyAsync(i => i.EventId == id && i.SubjectId == subjectId, ct))
        {
            return Conflict("subjectId", "The person is already invited to this event.", "duplicate");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new EventInvitation
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            EventId = id,
            Source = source!.Value,
            InvitedAt = now,
            Channel = channel.Value,
            Status = ParticipationStatus.Invited,
            StatusAt = now,
        };
        db.Add(invitation);
        audit.Add(new AuditEntry("marketing.event.invite", Purposes.Marketing, subjectId, Entity, invitation.Id.ToString(),
            Access.SetFields(db.Entry(invitation))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/event-invitations", ToResponse(invitation));
    }

    private static async Task<Results<Ok<InvitationResponse>, NotFound, ValidationProblem>> SetParticipationAsync(
        Guid id, ParticipationRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var status = errors.Enum<ParticipationStatus>("status", request.Status);
        if (status == ParticipationStatus.Invited)
        {
            errors.Add("status", "One of Registered, Attended, Cancelled.");
        }

        var at = errors.Past("at", request.At, now);
        if (request.Version is null)
        {
            errors.Add("version", "Required: the version you read.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var invitation = await db.Set<EventInvitation>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }

        var entry = db.Entry(invitation);
        entry.Property(i => i.Version).OriginalValue = request.Version!.Value;
        invitation.Status = status!.Value;
        invitation.StatusAt = at ?? now;
        db.ChangeTracker.DetectChanges();
        audit.Add(new AuditEntry("marketing.event.participation", Purposes.Marketing, invitation.SubjectId, Entity, id.ToString(),
            Access.ChangedFields(entry).ToList()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(invitation));
    }

    private static async Task<Results<Ok<List<InvitationResponse>>, NotFound>> InvitationsAsync(
        Guid id, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        if (!await db.Set<MarketingEvent>().AnyAsync(e => e.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        // Restricted people's invitations (Art 18) stay out of the list for all but the DPO.
        var rows = await (await limits.VisibleAsync(db.Set<EventInvitation>().AsNoTracking(), i => i.SubjectId))
            .Where(i => i.EventId == id).OrderBy(i => i.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("marketing.event.list", Purposes.Marketing, EntityType: Entity, EntityId: id.ToString(),
            Fields: [Categories.MarketingEvent.Id]), ct);
        return TypedResults.Ok(rows.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<List<InvitationResponse>>, NotFound>> OfSubjectAsync(
        Guid subjectId, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (await MarketingLedger.SubjectKindAsync(db, subjectId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await LoadAsync(db, subjectId, ct);
        await audit.WriteAsync(new AuditEntry("marketing.event.read", Purposes.Marketing, subjectId, Entity,
            Fields: [Categories.MarketingEvent.Id]), ct);
        return TypedResults.Ok(rows);
    }

    public static async Task<List<InvitationResponse>> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        (await db.Set<EventInvitation>().AsNoTracking().Where(i => i.SubjectId == subjectId).OrderBy(i => i.Id).ToListAsync(ct))
            .Select(ToResponse).ToList();

    private static Conflict<HttpValidationProblemDetails> Conflict(string field, string message, string reason) =>
        TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Extensions = { ["reason"] = reason },
        });

    private static MarketingEventResponse ToResponse(MarketingEvent e) => new(e.Id, e.Name, e.Date, e.Place, e.CreatedAt);

    private static InvitationResponse ToResponse(EventInvitation i) => new(
        i.Id, i.SubjectId, i.EventId, i.InvitedAt, i.Channel, i.Status, i.StatusAt, i.Source, i.Version);
}
