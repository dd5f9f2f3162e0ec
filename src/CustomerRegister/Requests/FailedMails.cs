using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>A letter that could not be delivered: which request, what kind, how often tried and the last error's type. No address or text.</summary>
public sealed record FailedMail(Guid Id, Guid? RequestId, string Kind, int Attempts, string? LastError, DateTime CreatedAt, DateTime FailedAt);

/// <summary>The DPO's view of the outbox: letters that finally failed, and sending one again.</summary>
public sealed class FailedMails(RegisterDbContext db, AuditLog audit, TimeProvider clock, MailDelivery delivery)
{
    public const string EntityType = "outgoing_mail";

    public async Task<Outcome<Page<FailedMail>>> ListAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var query = db.Set<OutgoingMail>().AsNoTracking().Where(m => m.FailedAt != null);
        var page = await query.ByIdAsync(after, size,
            m => new FailedMail(m.Id, m.RequestId, m.Kind, m.Attempts, m.LastError, m.CreatedAt, m.FailedAt!.Value), ct);
        await audit.WriteAsync(new AuditEntry("mail.list_failed", Purposes.DataSubjectRights, EntityType: EntityType,
            Fields: ["request_id", "kind", "attempts", "last_error"]), ct);
        return page;
    }

    /// <summary>Tries a failed letter again (after the address or the mail server was fixed).</summary>
    public async Task<Outcome<OutgoingMail>> RetryAsync(Guid id, CancellationToken ct)
    {
        var mail = await db.Set<OutgoingMail>().FirstOrDefaultAsync(m => m.Id == id && m.FailedAt != null, ct);
        if (mail is null)
        {
            return Outcome.Missing;
        }

        mail.FailedAt = null;
        mail.Attempts = 0;
        mail.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(new AuditEntry("mail.retry", Purposes.DataSubjectRights, EntityType: EntityType, EntityId: mail.Id.ToString()));
        await db.SaveChangesAsync(ct);
        delivery.Signal();
        return mail;
    }
}
