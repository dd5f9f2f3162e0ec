using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Audit;

/// <summary>Which events to read: by subject, actor and time (<c>From</c> inclusive, <c>To</c> exclusive), ids below <c>Before</c>.</summary>
public sealed record AuditFilter(Guid? SubjectId, Guid? ActorId, DateTime? From, DateTime? To, long? Before, int? Limit);

/// <summary>Reading the trail (itself audited) and verifying its chain.</summary>
public sealed class AuditQueries(RegisterDbContext db, AuditLog audit, AuditSealer sealer, AuditVerifier verifier)
{
    /// <summary>The page size when none is asked for; at most <see cref="Paging.AuditMaxSize"/>.</summary>
    public const int DefaultSize = 100;

    /// <summary>Events newest first; the next page is <c>Before</c> = the page's <c>NextAfter</c>.</summary>
    public async Task<Outcome<NumberedPage<AuditEventResponse>>> ListAsync(AuditFilter filter, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, filter.Limit ?? DefaultSize, Paging.AuditMaxSize) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var query = db.Set<AuditEvent>().AsNoTracking();
        if (filter.SubjectId is { } s)
        {
            query = query.Where(e => e.SubjectId == s);
        }

        if (filter.ActorId is { } a)
        {
            query = query.Where(e => e.ActorId == a);
        }

        if (filter.From is { } f)
        {
            var fromUtc = f.ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= fromUtc);
        }

        if (filter.To is { } t)
        {
            var toUtc = t.ToUniversalTime();
            query = query.Where(e => e.OccurredAt < toUtc);
        }

        if (filter.Before is { } b)
        {
            query = query.Where(e => e.Id < b);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).Select(ToResponse).ToList();
        await audit.WriteAsync(new AuditEntry("audit.read", Purposes.Security, SubjectId: filter.SubjectId, EntityType: "audit_event"), ct);
        return new NumberedPage<AuditEventResponse>(page, rows.Count > size ? page[^1].Id : null);
    }

    /// <summary>Seals the pending events, then recomputes the whole chain.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await sealer.SealPendingAsync(ct);
        return await verifier.VerifyAsync(ct);
    }

    private static AuditEventResponse ToResponse(AuditEvent e) => new(
        e.Id, e.OccurredAt, e.ActorKind, e.ActorId, e.Action, e.Purpose, e.SubjectId, e.EntityType, e.EntityId,
        e.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Outcome, e.CorrelationId,
        (e.Grants ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}
