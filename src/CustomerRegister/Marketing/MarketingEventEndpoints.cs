using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Marketing;

public static class MarketingEventEndpoints
{
    public static IEndpointRouteBuilder MapMarketingEvents(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingRead);
        read.MapGet("/marketing-events", async (MarketingEvents events, CancellationToken ct) => TypedResults.Ok(await events.ListAsync(ct)))
            .WithName("ListMarketingEvents").WithSummary("Customer events, newest first.");
        read.MapGet("/marketing-events/{id:guid}", async Task<Results<Ok<MarketingEventResponse>, NotFound>> (Guid id, MarketingEvents events, CancellationToken ct) =>
                await events.GetAsync(id, ct) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound())
            .WithName("GetMarketingEvent").WithSummary("One event (name, date, place).");
        read.MapGet("/marketing-events/all", async (MarketingEvents events, CancellationToken ct) => TypedResults.Ok(await events.UpcomingFirstAsync(ct)))
            .WithName("ListMarketingEventsUpcomingFirst")
            .WithSummary("Every event with its invitation counts: from today on soonest first, then the past ones newest first.");
        read.MapGet("/marketing-events/upcoming", (Guid? after, int? limit, MarketingOverview overview, CancellationToken ct) =>
                overview.UpcomingEventsAsync(after, limit, ct).ToOkAsync())
            .WithName("ListUpcomingMarketingEvents").WithSummary("Events from today on, soonest first, with invitation and registration counts.");
        read.MapGet("/marketing-figures", async (MarketingOverview overview, CancellationToken ct) =>
                TypedResults.Ok(await overview.ConsentFiguresAsync(ct)))
            .WithName("GetMarketingFigures").WithSummary("Per channel, how many people have a permission or a prohibition in force.");
        read.MapGet("/marketing-events/{id:guid}/invitations",
                (Guid id, MarketingEvents events, CancellationToken ct) => events.InvitationsAsync(id, ct).ToOkAsync())
            .WithName("ListEventInvitations").WithSummary("The event's invitations and participation.");
        read.MapGet("/subjects/{subjectId:guid}/event-invitations",
                (Guid subjectId, MarketingEvents events, CancellationToken ct) => events.OfSubjectAsync(subjectId, ct).ToOkAsync())
            .WithName("ListSubjectEventInvitations").WithSummary("The person's event invitations and participation.");

        var write = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingWrite);
        write.MapPost("/marketing-events", async (MarketingEventRequest request, MarketingEvents events, CancellationToken ct) =>
                (await events.CreateAsync(request, ct)).ToCreated(e => $"/api/marketing-events/{e.Id}", e => e))
            .WithName("CreateMarketingEvent").WithSummary("Create a customer event (name, date, place).");
        write.MapPost("/marketing-events/{id:guid}/invitations",
                async (Guid id, InvitationRequest request, MarketingEvents events, CancellationToken ct) =>
                    (await events.InviteAsync(id, request, ct)).ToCreated(i => $"/api/subjects/{i.SubjectId}/event-invitations", i => i))
            .WithName("InviteToMarketingEvent")
            .WithSummary("Invite a person. Refused (409, naming channel) when the person's marketing ledger does not allow the channel.");
        write.MapPost("/marketing-events/{id:guid}/invitations/from-campaign",
                async Task<Results<Accepted<JobResponse>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>> (
                    Guid id, CampaignInvitationRequest request, EventInvitationJobs invitations, HttpContext http, CancellationToken ct) =>
                {
                    var outcome = await invitations.StartAsync(id, request, http.User, ct);
                    return outcome.To(job => TypedResults.Accepted($"/api/jobs/{job.Id}", JobResponse.From(job, "en")));
                })
            .WithName("InviteCampaignToMarketingEvent")
            .WithSummary("Invite everyone on a saved campaign list on its channel, in the background; follow it at /api/jobs/{id}.");
        write.MapPut("/event-invitations/{id:guid}/participation",
                (Guid id, ParticipationRequest request, MarketingEvents events, CancellationToken ct) =>
                    events.SetParticipationAsync(id, request, ct).ToOkAsync())
            .WithName("SetEventParticipation").WithSummary("Registered, attended or cancelled; send the version you read.");
        return app;
    }
}
