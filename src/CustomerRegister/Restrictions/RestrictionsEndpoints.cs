using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;

namespace CustomerRegister.Restrictions;

public sealed record RestrictRequest(RestrictionGround? Ground, long? Version);

public sealed record LiftRequest(LimitKind? Kind, string? Reason);

public sealed record ProcessingLimitResponse(
    Guid Id, LimitKind Kind, RestrictionGround? Ground, Guid? RequestId, DateTime SetAt, Guid? SetBy, DateTime? LiftedAt, Guid? LiftedBy,
    string? LiftReason);

/// <summary>Restriction (Art 18) and objection (Art 21) as steps of a request; lifting by the DPO.</summary>
public static class RestrictionsEndpoints
{
    public static IEndpointRouteBuilder MapRestrictions(this IEndpointRouteBuilder app)
    {
        var handle = app.MapGroup("/api").WithTags("Requests").RequirePermission(Permissions.RequestHandle);
        handle.MapPost("/requests/{id:guid}/restrict", async (Guid id, RestrictRequest r, RestrictionHandling h, TimeProvider clock, CancellationToken ct) =>
                (await h.RestrictAsync(id, r.Ground, r.Version, ct)).ToResponse(clock))
            .WithName("RestrictProcessing")
            .WithSummary("Restrict the person's processing (Art 18): stored only, out of marketing, profiling, exports and search but for the DPO.");
        handle.MapPost("/requests/{id:guid}/object", async (Guid id, VersionRequest r, RestrictionHandling h, TimeProvider clock, CancellationToken ct) =>
                (await h.ObjectAsync(id, r.Version, ct)).ToResponse(clock))
            .WithName("CarryOutObjection")
            .WithSummary("Carry out an objection: to direct marketing → prohibitions on every channel; to profiling → no profiling.");
        handle.MapPost("/subjects/{subjectId:guid}/processing-limits/lift", async (Guid subjectId, LiftRequest r, RestrictionHandling h, CancellationToken ct) =>
                (await h.LiftAsync(subjectId, r.Kind, r.Reason, ct)).ToOk(ToResponse))
            .WithName("LiftProcessingLimit")
            .WithSummary("Lift a restriction or a profiling objection, with the reason (tell the person first, Art 18(3)).");
        handle.MapGet("/subjects/{subjectId:guid}/processing-limits", async (Guid subjectId, RestrictionHandling h, CancellationToken ct) =>
                TypedResults.Ok((await h.ListAsync(subjectId, ct)).Select(ToResponse).ToList()))
            .WithName("ListProcessingLimits").WithSummary("The person's restrictions and objections, in force and lifted.");
        return app;
    }

    private static ProcessingLimitResponse ToResponse(ProcessingLimit l) =>
        new(l.Id, l.Kind, l.Ground, l.RequestId, l.SetAt, l.SetBy, l.LiftedAt, l.LiftedBy, l.LiftReason);
}
