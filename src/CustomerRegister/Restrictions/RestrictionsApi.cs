using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Restrictions;

public sealed record RestrictRequest(RestrictionGround? Ground, long? Version);

public sealed record LiftRequest(LimitKind? Kind, string? Reason);

public sealed record ProcessingLimitResponse(
    Guid Id, LimitKind Kind, RestrictionGround? Ground, Guid? RequestId, DateTime SetAt, Guid? SetBy, DateTime? LiftedAt, Guid? LiftedBy,
    string? LiftReason);

/// <summary>Restriction (Art 18) and objection (Art 21) as steps of a request; lifting by the DPO.</summary>
public static class RestrictionsApi
{
    public static IEndpointRouteBuilder MapRestrictions(this IEndpointRouteBuilder app)
    {
        var handle = app.MapGroup("/api").WithTags("Requests").RequirePermission(Permissions.RequestHandle);
        handle.MapPost("/requests/{id:guid}/restrict", (Guid id, RestrictRequest r, RestrictionHandling h, RequestHandling rh, CancellationToken ct) =>
                RequestsApi.Answer(rh, h.RestrictAsync(id, r.Ground, r.Version, ct)))
            .WithSummary("Restrict the person's processing (Art 18): stored only, out of marketing, profiling, exports and search but for the DPO.");
        handle.MapPost("/requests/{id:guid}/object", (Guid id, VersionRequest r, RestrictionHandling h, RequestHandling rh, CancellationToken ct) =>
                RequestsApi.Answer(rh, h.ObjectAsync(id, r.Version, ct)))
            .WithSummary("Carry out an objection: to direct marketing → prohibitions on every channel; to profiling → no profiling.");
        handle.MapPost("/subjects/{subjectId:guid}/processing-limits/lift", LiftAsync)
            .WithSummary("Lift a restriction or a profiling objection, with the reason (tell the person first, Art 18(3)).");
        handle.MapGet("/subjects/{subjectId:guid}/processing-limits", ListAsync)
            .WithSummary("The person's restrictions and objections, in force and lifted.");
        return app;
    }

    private static async Task<Results<Ok<ProcessingLimitResponse>, NotFound, ValidationProblem>> LiftAsync(
        Guid subjectId, LiftRequest request, ProcessingLimits limits, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Kind is null)
        {
            errors.Add("kind", "Required: Restriction or ProfilingObjection.");
        }

        var reason = errors.Text("reason", request.Reason, 1000, required: true);
        if (errors.Any)
        {
            return errors.Problem();
        }

        // Art 18(3) asks that the person is told before a restriction is lifted; the reason should record it.
        var lifted = await limits.LiftAsync(subjectId, request.Kind!.Value, reason!, ct);
        return lifted is null ? TypedResults.NotFound() : TypedResults.Ok(lifted.ToResponse());
    }

    private static async Task<Ok<List<ProcessingLimitResponse>>> ListAsync(
        Guid subjectId, ProcessingLimits limits, AuditLog audit, CancellationToken ct)
    {
        var rows = await limits.OfAsync(subjectId, ct);
        await audit.WriteAsync(new AuditEntry("processing_limit.read", Purposes.DataSubjectRights, subjectId, ProcessingLimits.EntityType,
            Fields: [Categories.RightsRequest.Id]), ct);
        return TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList());
    }

    public static ProcessingLimitResponse ToResponse(this ProcessingLimit l) =>
        new(l.Id, l.Kind, l.Ground, l.RequestId, l.SetAt, l.SetBy, l.LiftedAt, l.LiftedBy, l.LiftReason);
}
