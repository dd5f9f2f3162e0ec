using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Breaches;

/// <summary>What happened, as the DPO records it (and corrects it as more is known: Art 33(4)). Times are UTC instants; <see cref="Version"/> for a change.</summary>
public sealed record BreachInput(
    DateTime? DiscoveredAt, DateTime? OccurredAt, string? Description, IReadOnlyList<string>? Categories, int? ApproxPeople,
    int? ApproxRecords, string? Consequences, string? Measures, long? Version = null);

/// <summary>The notification to the authority (when, its reference; the reasons for a delay) or why none is needed.</summary>
public sealed record AuthorityInput(AuthorityDecision? Decision, DateTime? NotifiedAt, string? Reference, string? Reason, long? Version);

/// <summary>Whether the people are told (Art 34), with the reason where they are not.</summary>
public sealed record PeopleInput(PeopleDecision? Decision, string? Reason, long? Version);

/// <summary>Everyone whose data one staff member or key was seen to read in a period (<c>From</c> inclusive, <c>To</c> exclusive).</summary>
public sealed record AffectedSearch(Guid? ActorId, DateTime? From, DateTime? To);

/// <summary>How many people a search added, and how many the breach names now.</summary>
public sealed record AffectedResult(int Found, int Added, int Total);

/// <summary>
/// The breach register's use cases, for the API and the pages alike: record a breach, record the notification to the
/// authority, decide whether to tell the people, and find the people affected from the audit trail. Each is audited.
/// </summary>
public sealed class BreachRegister(RegisterDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task<Outcome<Breach>> RecordAsync(BreachInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = BreachRules.Validate(input, now);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var breach = new Breach
        {
            Id = Guid.CreateVersion7(),
            RecordedAt = now,
            RecordedBy = Me(),
            Authority = AuthorityDecision.Pending,
            People = PeopleDecision.Pending,
        };
        Facts(breach, input);
        db.Add(breach);
        audit.Add(Entry("breach.create", breach, ["discovered_at", "description", "categories", "approx_people", "approx_records", "consequences", "measures"]));
        await db.SaveChangesAsync(ct);
        return breach;
    }

    /// <summary>The facts corrected or completed as more is known (Art 33(4)); the decisions stay as they were.</summary>
    public async Task<Outcome<Breach>> UpdateAsync(Guid id, BreachInput input, CancellationToken ct)
    {
        var breach = await db.Set<Breach>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
        {
            return Outcome.Missing;
        }

        var errors = BreachRules.Validate(input, clock.GetUtcNow().UtcDateTime);
        var version = errors.RequiredVersion(input.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var fields = VersionedUpdate.Apply(db, breach, version!.Value, b => Facts(b, input));
        audit.Add(Entry("breach.update", breach, fields));
        await db.SaveChangesAsync(ct);
        return breach;
    }

    private static void Facts(Breach b, BreachInput input)
    {
        b.DiscoveredAt = input.DiscoveredAt!.Value.ToUniversalTime();
        b.OccurredAt = input.OccurredAt?.ToUniversalTime();
        b.Description = input.Description!.Trim();
        b.CategoryIds = string.Join(',', input.Categories!.Distinct(StringComparer.Ordinal));
        b.ApproxPeople = input.ApproxPeople!.Value;
        b.ApproxRecords = input.ApproxRecords!.Value;
        b.Consequences = input.Consequences!.Trim();
        b.Measures = input.Measures!.Trim();
    }

    public async Task<Outcome<Breach>> RecordAuthorityAsync(Guid id, AuthorityInput input, CancellationToken ct)
    {
        var breach = await db.Set<Breach>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
        {
            return Outcome.Missing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = BreachRules.Validate(input, breach, now);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (breach.Authority != AuthorityDecision.Pending)
        {
            return Outcome.Conflict("decision", BreachRules.AlreadyDecided, "already-decided");
        }

        var fields = VersionedUpdate.Apply(db, breach, input.Version!.Value, b =>
        {
            b.Authority = input.Decision!.Value;
            b.AuthorityNotifiedAt = input.Decision == AuthorityDecision.Notified ? input.NotifiedAt!.Value.ToUniversalTime() : null;
            b.AuthorityReference = input.Decision == AuthorityDecision.Notified ? input.Reference!.Trim() : null;
            b.AuthorityReason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
            b.AuthorityRecordedAt = now;
        });
        audit.Add(Entry("breach.notify_authority", breach, fields));
        await db.SaveChangesAsync(ct);
        return breach;
    }

    public async Task<Outcome<Breach>> DecidePeopleAsync(Guid id, PeopleInput input, CancellationToken ct)
    {
        var breach = await db.Set<Breach>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
        {
            return Outcome.Missing;
        }

        var errors = BreachRules.Validate(input);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var fields = VersionedUpdate.Apply(db, breach, input.Version!.Value, b =>
        {
            b.People = input.Decision!.Value;
            b.PeopleReason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
            b.PeopleDecidedAt = clock.GetUtcNow().UtcDateTime;
        });
        audit.Add(Entry("breach.decide", breach, fields));
        await db.SaveChangesAsync(ct);
        return breach;
    }

    /// <summary>
    /// Adds to the breach everyone whose data the actor was seen to read (an audit event whose verb shows a person's
    /// data: read, list, download, reveal …) in the period: e.g. a stolen account's sessions.
    /// </summary>
    public async Task<Outcome<AffectedResult>> FindAffectedAsync(Guid id, AffectedSearch search, CancellationToken ct)
    {
        if (!await db.Set<Breach>().AnyAsync(b => b.Id == id, ct))
        {
            return Outcome.Missing;
        }

        var errors = BreachRules.Validate(search);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var from = search.From!.Value.ToUniversalTime();
        var to = search.To!.Value.ToUniversalTime();
        var seen = await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => e.ActorId == search.ActorId && e.OccurredAt >= from && e.OccurredAt < to && e.SubjectId != null)
            .Select(e => new { SubjectId = e.SubjectId!.Value, e.Action }).Distinct().ToListAsync(ct);
        var found = seen.Where(e => AuditWords.IsView(e.Action)).Select(e => e.SubjectId).Distinct().ToList();
        var known = await db.Set<BreachSubject>().AsNoTracking().Where(s => s.BreachId == id).Select(s => s.SubjectId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = found.Except(known).ToList();
        foreach (var subject in added)
        {
            db.Add(new BreachSubject { Id = Guid.CreateVersion7(), BreachId = id, SubjectId = subject, Source = "audit", AddedAt = now });
        }

        audit.Add(new AuditEntry("breach.find_affected", Purposes.LegalObligation, EntityType: "breach", EntityId: id.ToString(),
            Fields: ["actor_id", "occurred_at", "subject_id"]));
        await db.SaveChangesAsync(ct);
        return new AffectedResult(found.Count, added.Count, known.Count + added.Count);
    }

    private Guid? Me() =>
        Guid.TryParse(http.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var me) ? me : null;

    private static AuditEntry Entry(string action, Breach breach, IEnumerable<string> fields) =>
        new(action, Purposes.LegalObligation, EntityType: "breach", EntityId: breach.Id.ToString(), Fields: fields);
}
