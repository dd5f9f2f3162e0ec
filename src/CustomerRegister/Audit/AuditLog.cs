using System.Security.Claims;
using CustomerRegister.Data;

namespace CustomerRegister.Audit;

/// <summary>What one audit event says, minus the actor and time, which the log fills in.</summary>
public sealed record AuditEntry(
    string Action,
    string Purpose,
    Guid? SubjectId = null,
    string? EntityType = null,
    string? EntityId = null,
    IEnumerable<string>? Fields = null,
    string Outcome = "ok",
    IEnumerable<string>? Grants = null);

/// <summary>
/// Writes audit events into the request's DbContext. <see cref="Add"/> lets the event commit in the same
/// SaveChanges as the change it describes; <see cref="WriteAsync"/> is for reads and refusals.
/// </summary>
public sealed class AuditLog(RegisterDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string ActorUser = "user";
    public const string ActorClient = "client";
    public const string ActorSystem = "system";

    /// <summary>The person themself, acting without signing in through a link sent to them (an opt-out link).</summary>
    public const string ActorSubject = "subject";

    /// <summary>
    /// <see cref="HttpContext.Items"/> key: the person (a <see cref="Guid"/>) acting anonymously in this request through a
    /// link made for them; the request's audit events then name them as the actor (<see cref="ActorSubject"/>).
    /// </summary>
    public const string ActingSubjectKey = "Audit.ActingSubject";

    public void Add(AuditEntry entry) => db.Set<AuditEvent>().Add(Event(entry));

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct = default)
    {
        Add(entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The event <see cref="Add"/> would add, for a writer that bulk-loads its rows (an import).</summary>
    public AuditEvent Event(AuditEntry entry)
    {
        var context = http.HttpContext;
        var (kind, id) = context?.Items[ActingSubjectKey] is Guid subject && context.User.Identity?.IsAuthenticated != true
            ? (ActorSubject, subject)
            : Actor(context?.User);
        return new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorKind = kind,
            ActorId = id,
            Action = entry.Action,
            Purpose = entry.Purpose,
            SubjectId = entry.SubjectId,
            EntityType = entry.EntityType,
            EntityId = entry.EntityId,
            Fields = entry.Fields is null ? "" : string.Join(',', entry.Fields),
            Outcome = entry.Outcome,
            Grants = entry.Grants?.ToList() is { Count: > 0 } grants ? string.Join(',', grants) : null,
            CorrelationId = context?.TraceIdentifier is { Length: <= 64 } t ? t : null,
        };
    }

    public static (string Kind, Guid? Id) Actor(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return (ActorSystem, null);
        }

        var kind = user.HasClaim(c => c.Type == Identity.ApiKeyAuthentication.ClientIdClaim) ? ActorClient : ActorUser;
        var raw = kind == ActorClient
            ? user.FindFirstValue(Identity.ApiKeyAuthentication.ClientIdClaim)
            : user.FindFirstValue(ClaimTypes.NameIdentifier);
        return (kind, Guid.TryParse(raw, out var id) ? id : null);
    }
}
