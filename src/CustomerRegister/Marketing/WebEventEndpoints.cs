using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Marketing;

public static class WebEventEndpoints
{
    public static IEndpointRouteBuilder MapWebEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/web-events", IntakeAsync).WithTags("Marketing").RequirePermission(Permissions.WebEventWrite)
            .WithName("TakeInWebEvent")
            .WithSummary("Intake of one web-behaviour event from the website's integration client; 202 {linked: false} when dropped for want of consent.");
        app.MapGet("/api/web-events/unlinked",
                (DateOnly? from, DateOnly? to, WebEvents events, CancellationToken ct) => events.UnlinkedAsync(from, to, ct).ToOkAsync())
            .WithTags("Marketing").RequirePermission(Permissions.MarketingRead)
            .WithName("CountUnlinkedWebEvents")
            .WithSummary("Per day, how many events naming a person were dropped for want of a web-behaviour consent (no personal data).");
        app.MapGet("/api/subjects/{subjectId:guid}/web-events",
                (Guid subjectId, Guid? after, int? limit, WebEvents events, CancellationToken ct) =>
                    events.OfSubjectAsync(subjectId, after, limit, ct).ToOkAsync())
            .WithTags("Marketing").RequirePermission(Permissions.MarketingRead)
            .WithName("ListSubjectWebEvents")
            .WithSummary("The person's web events in arrival order; page with ?after=<last id>.");
        return app;
    }

    private static async Task<Results<Created<WebEventResponse>, Accepted<WebEventNotLinked>, ValidationProblem>> IntakeAsync(
        WebEventRequest request, WebEvents events, CancellationToken ct)
    {
        var outcome = await events.IntakeAsync(request, ct);
        if (outcome.Errors is { } errors)
        {
            return errors.Problem();
        }

        return outcome.Value!.Stored is { } stored
            ? TypedResults.Created($"/api/subjects/{stored.SubjectId}/web-events", stored)
            : TypedResults.Accepted((string?)null, outcome.Value.Dropped!);
    }
}
