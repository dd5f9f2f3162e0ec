using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Audit;

public sealed record AuditEventResponse(
    long Id, DateTime OccurredAt, string ActorKind, Guid? ActorId, string Action, string Purpose, Guid? SubjectId,
    string? EntityType, string? EntityId, IReadOnlyList<string> Fields, string Outcome, string? CorrelationId,
    IReadOnlyList<string> Grants);

public sealed record AuditPage(IReadOnlyList<AuditEventResponse> Items, long? NextAfter);

public static class AuditApi
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequirePermission(Permissions.AuditRead);
        group.MapGet("/", ListAsync)
            .WithSummary("Audit events, newest first, filtered by subject, actor and time; page with ?before=<id>.");
        group.MapGet("/verify", VerifyAsync)
            .WithSummary("Seals pending events, then recomputes the whole hash chain.");
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        RegisterDbContext db, AuditLog audit, Guid? subjectId, Guid? actorId, DateTime? from, DateTime? to, long? before,
        int? limit, CancellationToken ct)
    {
        var size = limit ?? 100;
        if (size is < 1 or > MaxPageSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {MaxPageSize}.").Problem();
        }

        var query = db.AuditEvents.AsNoTracking();
        if (subjectId is { } s)
        {
            query = query.Where(e => e.SubjectId == s);
        }

        if (actorId is { } a)
        {
            query = query.Where(e => e.ActorId == a);
        }

        if (from is { } f)
        {
            var fromUtc = f.ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= fromUtc);
        }

        if (to is { } t)
        {
            var toUtc = t.ToUniversalTime();
            query = query.Where(e => e.OccurredAt < toUtc);
        }

        if (before is { } b)
        {
            query = query.Where(e => e.Id < b);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).Select(ToResponse).ToList();
        await audit.WriteAsync(new AuditEntry("audit.read", Purposes.Security, SubjectId: subjectId, EntityType: "audit_event"), ct);
        return TypedResults.Ok(new AuditPage(page, rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditSealer sealer, AuditVerifier verifier, CancellationToken ct)
    {
        await sealer.SealPendingAsync(ct);
        return TypedResults.Ok(await verifier.VerifyAsync(ct));
    }

    private static AuditEventResponse ToResponse(AuditEvent e) => new(
        e.Id, e.OccurredAt, e.ActorKind, e.ActorId, e.Action, e.Purpose, e.SubjectId, e.EntityType, e.EntityId,
        e.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Outcome, e.CorrelationId,
        (e.Grants ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}
