using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Audit;

public sealed record AuditEventResponse(
    long Id, DateTime OccurredAt, string ActorKind, Guid? ActorId, string Action, string Purpose, Guid? SubjectId,
    string? EntityType, string? EntityId, IReadOnlyList<string> Fields, string Outcome, string? CorrelationId,
    IReadOnlyList<string> Grants);

/// <summary>The audit trail for the DPO and auditors (<see cref="AuditQueries"/>).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequirePermission(Permissions.AuditRead);
        group.MapGet("/", ListAsync).WithName("ListAuditEvents")
            .WithSummary("Audit events, newest first, filtered by subject, actor, action, purpose and time; page with ?before=<id>.");
        group.MapGet("/state", async (AuditQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.StateAsync(ct)))
            .WithName("AuditChainState")
            .WithSummary("The latest seal and its head hash, the events not yet sealed, and the last verification.");
        group.MapGet("/subjects/{subjectId:guid}/viewers",
                async (AuditQueries queries, Guid subjectId, CancellationToken ct) => TypedResults.Ok(await queries.ViewersAsync(subjectId, ct)))
            .WithName("AuditSubjectViewers")
            .WithSummary("Who has looked at one person's data: reads, lists, downloads, reveals and disclosures, by who.");
        group.MapGet("/verify", async (AuditQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.VerifyAsync(ct)))
            .WithName("VerifyAuditTrail")
            .WithSummary("Seals pending events, then recomputes the whole hash chain.");
        return app;
    }

    private static async Task<Results<Ok<NumberedPage<AuditEventResponse>>, ValidationProblem>> ListAsync(
        AuditQueries queries, Guid? subjectId, Guid? actorId, string? action, string? purpose, DateTime? from, DateTime? to, long? before,
        int? limit, CancellationToken ct)
    {
        var outcome = await queries.ListAsync(new AuditFilter(subjectId, actorId, from, to, before, limit, action, purpose), ct);
        return outcome.Value is { } page ? TypedResults.Ok(page) : outcome.Errors!.Problem();
    }
}
