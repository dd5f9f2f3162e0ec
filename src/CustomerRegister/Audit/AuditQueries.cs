using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Audit;

/// <summary>
/// Which events to read: by subject, actor, action, purpose and time (<c>From</c> inclusive, <c>To</c> exclusive), ids
/// below <c>Before</c>.
/// </summary>
public sealed record AuditFilter(
    Guid? SubjectId, Guid? ActorId, DateTime? From, DateTime? To, long? Before, int? Limit, string? Action = null, string? Purpose = null);

/// <summary>The head of the chain: the latest seal, how many events wait for sealing, and the last verification made here.</summary>
public sealed record AuditChainState(
    long? LastSealNumber, string? HeadHash, DateTime? SealedAt, long UnsealedEvents, AuditVerificationRecord? LastVerification);

/// <summary>One staff member's or key's looks at a person's data: how often, when last, what and why.</summary>
public sealed record AuditViewer(
    string ActorKind, Guid? ActorId, int Times, DateTime LastAt, IReadOnlyList<string> Actions, IReadOnlyList<string> Purposes);

/// <summary>Who has looked at one person's data, from the person's latest <see cref="AuditQueries.ViewerWindow"/> events.</summary>
public sealed record AuditViewers(Guid SubjectId, IReadOnlyList<AuditViewer> Viewers, int EventsRead);

/// <summary>Reading the trail (itself audited) and verifying its chain: the one set of queries of the API and the pages.</summary>
public sealed class AuditQueries(RegisterDbContext db, AuditLog audit, AuditSealer sealer, AuditVerifier verifier,
    AuditVerifications verifications, TimeProvider clock)
{
    /// <summary>The page size when none is asked for; at most <see cref="Paging.AuditMaxSize"/>.</summary>
    public const int DefaultSize = 100;

    /// <summary>How many of a person's latest events "who has seen" reads.</summary>
    public const int ViewerWindow = 1000;

    private static readonly LocalText UnknownAction = new(
        "Tuntematon toiminto.", "Okänd åtgärd.", "Unknown action.");

    private static readonly LocalText EndBeforeStart = new(
        "Päättymishetki on ennen alkamishetkeä.", "Sluttiden är före starttiden.", "The end is before the start.");

    /// <summary>Events newest first; the next page is <c>Before</c> = the page's <c>NextAfter</c>.</summary>
    public async Task<Outcome<NumberedPage<AuditEventResponse>>> ListAsync(AuditFilter filter, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Paging.Size(errors, filter.Limit ?? DefaultSize, Paging.AuditMaxSize);
        if (filter.Purpose is { } p && !Purposes.IsKnown(p))
        {
            errors.Add("purpose", FieldMessages.OneOf(Purposes.All));
        }

        if (filter.Action is { } act && (act.Length is 0 or > 100 || act.Any(c => !(char.IsAsciiLetterLower(c) || c is '.' or '_'))))
        {
            errors.Add("action", UnknownAction);
        }

        if (filter.From is { } from && filter.To is { } to && to.ToUniversalTime() < from.ToUniversalTime())
        {
            errors.Add("to", EndBeforeStart);
        }

        if (errors.Any || size is null)
        {
            return Outcome.Invalid(errors);
        }

        // Every filter narrows one indexed column; the order is by id, so a subject's or actor's events come from their
        // (subject_id, id) or (actor_id, id) index newest first, and a page reads at most size + 1 rows of it.
        var query = db.Set<AuditEvent>().AsNoTracking();
        if (filter.SubjectId is { } s)
        {
            query = query.Where(e => e.SubjectId == s);
        }

        if (filter.ActorId is { } a)
        {
            query = query.Where(e => e.ActorId == a);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.Purpose is { } purpose)
        {
            query = query.Where(e => e.Purpose == purpose);
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

        var rows = await query.OrderByDescending(e => e.Id).Take(size.Value + 1).ToListAsync(ct);
        var page = rows.Take(size.Value).Select(ToResponse).ToList();
        await audit.WriteAsync(new AuditEntry("audit.read", Purposes.Security, SubjectId: filter.SubjectId, EntityType: "audit_event"), ct);
        return new NumberedPage<AuditEventResponse>(page, rows.Count > size ? page[^1].Id : null);
    }

    /// <summary>
    /// Who has looked at the person's data (reads, lists, downloads, reveals, disclosures, reports), grouped by who,
    /// most recent first. Changes and reads of the trail itself are not looks. Audited as a read of the trail.
    /// </summary>
    public async Task<AuditViewers> ViewersAsync(Guid subjectId, CancellationToken ct)
    {
        var events = await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => e.SubjectId == subjectId)
            .OrderByDescending(e => e.Id)
            .Take(ViewerWindow)
            .Select(e => new { e.ActorKind, e.ActorId, e.Action, e.Purpose, e.OccurredAt, e.Outcome })
            .ToListAsync(ct);
        var viewers = events
            .Where(e => e.Outcome == "ok" && AuditWords.IsView(e.Action))
            .GroupBy(e => (e.ActorKind, e.ActorId))
            .Select(g => new AuditViewer(g.Key.ActorKind, g.Key.ActorId, g.Count(), g.Max(e => e.OccurredAt),
                [.. g.Select(e => e.Action).Distinct()], [.. g.Select(e => e.Purpose).Distinct()]))
            .OrderByDescending(v => v.LastAt)
            .ToList();
        await audit.WriteAsync(new AuditEntry("audit.read", Purposes.DataSubjectRights, subjectId, "audit_event", Fields: ["viewers"]), ct);
        return new AuditViewers(subjectId, viewers, events.Count);
    }

    /// <summary>The head of the chain and the last verification made by this instance; cheap at any size.</summary>
    public async Task<AuditChainState> StateAsync(CancellationToken ct)
    {
        var last = await db.Set<AuditSeal>().AsNoTracking().OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
        var after = last?.LastEventId ?? 0;
        var unsealed = await db.Set<AuditEvent>().LongCountAsync(e => e.Id > after, ct);
        return new AuditChainState(last?.Number, last?.Hash, last?.SealedAt, unsealed, verifications.Last);
    }

    /// <summary>Seals the pending events, then recomputes the whole chain; remembers the result for the pages.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct) => VerifyAsync(full: true, ct);

    /// <summary>
    /// Seals the pending events, then verifies the chain: the whole of it when <paramref name="full"/> or when the last
    /// full verification here is older than <see cref="AuditVerifications.FullEvery"/> or found a problem, otherwise only
    /// the seals since the last valid one (<see cref="AuditCheckpoint"/>). Remembers the result for the pages.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(bool full, CancellationToken ct)
    {
        await sealer.SealPendingAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = full ? null : verifications.ContinueFrom(now);
        var result = await verifier.VerifyAsync(from, ct);
        return verifications.Record(now, result, from).Result;
    }

    private static AuditEventResponse ToResponse(AuditEvent e) => new(
        e.Id, e.OccurredAt, e.ActorKind, e.ActorId, e.Action, e.Purpose, e.SubjectId, e.EntityType, e.EntityId,
        e.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Outcome, e.CorrelationId,
        (e.Grants ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// When the chain was last verified and what was found (its counts cover the whole chain since the last full
/// verification, <see cref="FullAt"/>, also when this one walked only the newest seals).
/// </summary>
public sealed record AuditVerificationRecord(DateTime VerifiedAt, AuditVerification Result, DateTime FullAt);

/// <summary>
/// The latest verification made by this instance (the API's, the page's or the DPO desk's), kept in memory: a full
/// verification reads every event, so the pages show the last one and offer to run it again rather than running it on
/// every view; a later verification may walk only the seals after the last valid one, and a full one runs at least every
/// <see cref="FullEvery"/>.
/// </summary>
public sealed class AuditVerifications
{
    public static readonly TimeSpan FullEvery = TimeSpan.FromHours(24);

    private readonly Lock _lock = new();
    private AuditVerificationRecord? _last;

    public AuditVerificationRecord? Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    /// <summary>Where a verification at <paramref name="now"/> may continue from; null when a full one is due.</summary>
    public AuditCheckpoint? ContinueFrom(DateTime now)
    {
        lock (_lock)
        {
            return _last is { } last && now - last.FullAt < FullEvery ? last.Result.Checkpoint : null;
        }
    }

    /// <summary>Keeps a verification made from <paramref name="from"/> (null: a full one), its counts added to the last full one's.</summary>
    public AuditVerificationRecord Record(DateTime now, AuditVerification result, AuditCheckpoint? from)
    {
        lock (_lock)
        {
            var previous = from is null ? null : _last?.Result;
            var whole = previous is null ? result : result with
            {
                SealsChecked = previous.SealsChecked + result.SealsChecked,
                EventsChecked = previous.EventsChecked + result.EventsChecked,
            };
            _last = new AuditVerificationRecord(now, whole, from is null || _last is null ? now : _last.FullAt);
            return _last;
        }
    }
}
