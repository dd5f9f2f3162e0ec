using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>A letter that could not be delivered: which request, what kind, how often tried and the last error's type. No address or text.</summary>
public sealed record FailedMail(Guid Id, Guid? RequestId, string Kind, int Attempts, string? LastError, DateTime CreatedAt, DateTime FailedAt);

/// <summary>The DPO's view of the outbox: letters that finally failed, and sending one again.</summary>
public static class MailApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapMail(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mail").WithTags("Mail").RequirePermission(Permissions.RequestHandle);
        group.MapGet("/failed", FailedAsync)
            .WithSummary("Letters that could not be delivered after Mail:MaxAttempts: request id, kind, attempts, last error type. Page with ?after=.");
        group.MapPost("/{id:guid}/retry", RetryAsync).WithSummary("Try a failed letter again (after the address or the mail server was fixed).");
        return app;
    }

    private static async Task<Results<Ok<Page<FailedMail>>, ValidationProblem>> FailedAsync(
        Guid? after, int? limit, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > MaxPageSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {MaxPageSize}.").Problem();
        }

        var query = db.Set<OutgoingMail>().AsNoTracking().Where(m => m.FailedAt != null);
        if (after is { } a)
        {
            query = query.Where(m => m.Id.CompareTo(a) > 0);
        }

        var rows = await query.OrderBy(m => m.Id).Take(size + 1)
            .Select(m => new FailedMail(m.Id, m.RequestId, m.Kind, m.Attempts, m.LastError, m.CreatedAt, m.FailedAt!.Value)).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry("mail.list_failed", Purposes.DataSubjectRights, EntityType: "outgoing_mail",
            Fields: ["request_id", "kind", "attempts", "last_error"]), ct);
        return TypedResults.Ok(new Page<FailedMail>(page, rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<Results<NoContent, NotFound>> RetryAsync(
        Guid id, RegisterDbContext db, AuditLog audit, TimeProvider clock, MailDelivery delivery, CancellationToken ct)
    {
        var mail = await db.Set<OutgoingMail>().FirstOrDefaultAsync(m => m.Id == id && m.FailedAt != null, ct);
        if (mail is null)
        {
            return TypedResults.NotFound();
        }

        mail.FailedAt = null;
        mail.Attempts = 0;
        mail.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(new AuditEntry("mail.retry", Purposes.DataSubjectRights, EntityType: "outgoing_mail", EntityId: mail.Id.ToString()));
        await db.SaveChangesAsync(ct);
        delivery.Signal();
        return TypedResults.NoContent();
    }
}
