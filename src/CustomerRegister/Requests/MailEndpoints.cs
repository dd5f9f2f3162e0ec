using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Requests;

/// <summary>The DPO's view of the outbox under /api/mail.</summary>
public static class MailEndpoints
{
    public static IEndpointRouteBuilder MapMail(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mail").WithTags("Mail").RequirePermission(Permissions.RequestHandle);
        group.MapGet("/failed", async (Guid? after, int? limit, FailedMails mails, CancellationToken ct) => (await mails.ListAsync(after, limit, ct)).ToOk())
            .WithName("ListFailedMail")
            .WithSummary("Letters that could not be delivered after Mail:MaxAttempts: request id, kind, attempts, last error type. Page with ?after=.");
        group.MapPost("/{id:guid}/retry", async (Guid id, FailedMails mails, CancellationToken ct) => (await mails.RetryAsync(id, ct)).ToNoContent())
            .WithName("RetryMail").WithSummary("Try a failed letter again (after the address or the mail server was fixed).");
        return app;
    }
}
