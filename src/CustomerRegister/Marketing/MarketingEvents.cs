using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing;

public sealed record MarketingEventRequest(string? Name, DateOnly? Date, string? Place);

public sealed record MarketingEventResponse(Guid Id, string Name, DateOnly Date, string? Place, DateTime CreatedAt);

public sealed record InvitationRequest(Guid? SubjectId, string? Channel, string? Source);

public sealed record ParticipationRequest(string? Status, DateTime? At, long? Version);

public sealed record InvitationResponse(
    Guid Id, Guid SubjectId, Guid EventId, DateTime InvitedAt, MarketingChannel Channel, ParticipationStatus Status, DateTime StatusAt,
    DataSource Source, long Version);

/// <summary>An invitation with the invitee's name, as the event's page lists it.</summary>
public sealed record InviteeResponse(InvitationResponse Invitation, string Name);

/// <summary>
/// What inviting a whole list did: how many were invited, how many were already invited, and how many the ledger or a
/// restriction refused, per reason (<see cref="ConsentReasons"/>); people no longer in the register count as missing.
/// </summary>
public sealed record BulkInvitationResult(int Invited, int AlreadyInvited, int Missing, IReadOnlyDictionary<string, int> RefusedByReason)
{
    public int Refused => RefusedByReason.Values.Sum();
}

/// <summary>Customer events: create one, invite people (only as their marketing ledger allows), record participation.</summary>
public sealed class MarketingEvents(
    RegisterDbContext db, AuditLog audit, ProcessingLimits limits, IOptions<MarketingOptions> options, TimeProvider clock)
{
    private static readonly LocalText NotInviteChannel = new(
        "Tällä kanavalla ei voi kutsua: jokin näistä: {0}.",
        "Inte en kanal för inbjudningar: en av följande: {0}.",
        "Not a channel to invite on: one of {0}.");

    private static readonly LocalText NotAllowed = new(
        "Henkilön markkinointiluvat eivät salli kutsua tällä kanavalla (syy: {2}).",
        "Personens marknadsföringstillstånd tillåter inte inbjudan via den här kanalen (orsak: {2}).",
        "The person's marketing ledger does not allow {0} for {1}: {2}.");

    private static readonly LocalText AlreadyInvited = new(
        "Henkilö on jo kutsuttu tähän tilaisuuteen.",
        "Personen är redan inbjuden till det här evenemanget.",
        "The person is already invited to this event.");

    private const string Entity = "event_invitation";

    public async Task<List<MarketingEventResponse>> ListAsync(CancellationToken ct) =>
        (await db.Set<MarketingEvent>().AsNoTracking().OrderByDescending(e => e.Date).ThenBy(e => e.Name).ToListAsync(ct))
            .Select(ToResponse).ToList();

    /// <summary>One event (not personal), or null.</summary>
    public async Task<MarketingEventResponse?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<MarketingEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e ? ToResponse(e) : null;

    /// <summary>
    /// Every event with its invitation counts: the ones from today on first (soonest first), then the past ones (newest
    /// first). Counts only, no person is read.
    /// </summary>
    public async Task<List<UpcomingEvent>> UpcomingFirstAsync(CancellationToken ct)
    {
        var today = HelsinkiTime.Today(clock);
        var events = await db.Set<MarketingEvent>().AsNoTracking().ToListAsync(ct);
        var counts = (await db.Set<EventInvitation>().AsNoTracking()
                .GroupBy(i => new { i.EventId, i.Status }).Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => (c.EventId, c.Status), c => c.Count);
        int Count(Guid id, ParticipationStatus status) => counts.GetValueOrDefault((id, status));
        return [.. events.Where(e => e.Date >= today).OrderBy(e => e.Date).ThenBy(e => e.Name)
            .Concat(events.Where(e => e.Date < today).OrderByDescending(e => e.Date).ThenBy(e => e.Name))
            .Select(e => new UpcomingEvent(e.Id, e.Name, e.Date, e.Place, Enum.GetValues<ParticipationStatus>().Sum(s => Count(e.Id, s)),
                Count(e.Id, ParticipationStatus.Registered), Count(e.Id, ParticipationStatus.Attended), Count(e.Id, ParticipationStatus.Cancelled)))];
    }

    public async Task<Outcome<MarketingEventResponse>> CreateAsync(MarketingEventRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 200, required: true);
        var place = errors.Text("place", request.Place, 200);
        if (request.Date is null)
        {
            errors.Add("date", FieldMessages.Required);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var e = new MarketingEvent { Id = Guid.CreateVersion7(), Name = name!, Date = request.Date!.Value, Place = place, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(e);
        await db.SaveChangesAsync(ct);
        return ToResponse(e);
    }

    /// <summary>Invites a person; refused (409 naming <c>channel</c>) when the person's marketing ledger does not allow the channel.</summary>
    public async Task<Outcome<InvitationResponse>> InviteAsync(Guid eventId, InvitationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.SubjectId is null)
        {
            errors.Add("subjectId", FieldMessages.Required);
        }

        var channel = errors.Enum<MarketingChannel>("channel", request.Channel);
        if (channel == MarketingChannel.Web)
        {
            errors.Add("channel", NotInviteChannel.Format(string.Join(", ", MarketingConsentRules.ContactChannels)));
        }

        var source = errors.Source(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (!await db.Set<MarketingEvent>().AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome.Missing;
        }

        var subjectId = request.SubjectId!.Value;
        var decision = await MarketingLedger.DecideAsync(db, subjectId, channel!.Value, Purposes.Marketing, options.Value.Terms(clock), ct);
        if (decision is null)
        {
            return Outcome.Invalid("subjectId", FieldMessages.NoSuchSubject);
        }

        if (!decision.Allowed)
        {
            await audit.WriteAsync(new AuditEntry("marketing.event.invite", Purposes.Marketing, subjectId, Entity,
                Fields: [Categories.MarketingPermission.Id], Outcome: "denied"), ct);
            return Outcome.Conflict("channel", NotAllowed.Format(channel, Purposes.Marketing, Pages.Events.EventTexts.Reason(decision.Reason)),
                decision.Reason);
        }

        if (await db.Set<EventInvitation>().AnyAsync(i => i.EventId == eventId && i.SubjectId == subjectId, ct))
        {
            return Outcome.Conflict("subjectId", AlreadyInvited, "duplicate");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new EventInvitation
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            EventId = eventId,
            Source = source!.Value,
            InvitedAt = now,
            Channel = channel.Value,
            Status = ParticipationStatus.Invited,
            StatusAt = now,
        };
        db.Add(invitation);
        audit.Add(new AuditEntry("marketing.event.invite", Purposes.Marketing, subjectId, Entity, invitation.Id.ToString(),
            Access.SetFields(db.Entry(invitation))));
        await db.SaveChangesAsync(ct);
        return ToResponse(invitation);
    }

    /// <summary>Registered, attended or cancelled, as of the version the caller read.</summary>
    public async Task<Outcome<InvitationResponse>> SetParticipationAsync(Guid invitationId, ParticipationRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var status = errors.Enum<ParticipationStatus>("status", request.Status);
        if (status == ParticipationStatus.Invited)
        {
            errors.Add("status", FieldMessages.OneOf(["Registered", "Attended", "Cancelled"]));
        }

        var at = errors.Past("at", request.At, now);
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var invitation = await db.Set<EventInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null)
        {
            return Outcome.Missing;
        }

        var changed = VersionedUpdate.Apply(db, invitation, request.Version!.Value, i =>
        {
            i.Status = status!.Value;
            i.StatusAt = at ?? now;
        });
        audit.Add(new AuditEntry("marketing.event.participation", Purposes.Marketing, invitation.SubjectId, Entity, invitationId.ToString(),
            changed));
        await db.SaveChangesAsync(ct);
        return ToResponse(invitation);
    }

    /// <summary>An event's invitations; restricted people's (Art 18) left out for all but the DPO.</summary>
    public async Task<Outcome<List<InvitationResponse>>> InvitationsAsync(Guid eventId, CancellationToken ct)
    {
        if (!await db.Set<MarketingEvent>().AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome.Missing;
        }

        var rows = await (await limits.VisibleAsync(db.Set<EventInvitation>().AsNoTracking(), i => i.SubjectId))
            .Where(i => i.EventId == eventId).OrderBy(i => i.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("marketing.event.list", Purposes.Marketing, EntityType: Entity, EntityId: eventId.ToString(),
            Fields: [Categories.MarketingEvent.Id]), ct);
        return rows.Select(ToResponse).ToList();
    }

    /// <summary>The event's invitations (as <see cref="InvitationsAsync"/>, audited the same way) with each invitee's name.</summary>
    public async Task<Outcome<List<InviteeResponse>>> InviteesAsync(Guid eventId, CancellationToken ct)
    {
        var outcome = await InvitationsAsync(eventId, ct);
        if (outcome.Value is not { } invitations)
        {
            return Outcome.Missing;
        }

        var names = await Customers.SubjectNames.OfAsync(db, [.. invitations.Select(i => i.SubjectId)], ct);
        return invitations.Select(i => new InviteeResponse(i, names.GetValueOrDefault(i.SubjectId) ?? "–"))
            .OrderBy(i => i.Name, StringComparer.Create(Display.Format, ignoreCase: true)).ToList();
    }

    /// <summary>
    /// Invites everyone of <paramref name="subjects"/> (e.g. a campaign list) on <paramref name="channel"/>, one by one
    /// through <see cref="InviteAsync"/>, so each invitation is decided by the same ledger and restriction rules and
    /// audited as a single one would be. Reports its progress every <paramref name="reportEvery"/> people.
    /// </summary>
    public async Task<Outcome<BulkInvitationResult>> InviteAllAsync(
        Guid eventId, IAsyncEnumerable<Guid> subjects, MarketingChannel channel, DataSource source, Action<int>? progress, CancellationToken ct,
        int reportEvery = 100)
    {
        if (!await db.Set<MarketingEvent>().AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome.Missing;
        }

        int invited = 0, already = 0, missing = 0, seen = 0;
        var refused = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var subjectId in subjects.WithCancellation(ct))
        {
            var outcome = await InviteAsync(eventId, new InvitationRequest(subjectId, channel.ToString(), source.ToString()), ct);
            if (outcome.IsOk)
            {
                invited++;
            }
            else if (outcome.Conflict is { Field: "subjectId" })
            {
                already++;
            }
            else if (outcome.Conflict is { } conflict)
            {
                var reason = conflict.Reason ?? "denied";
                refused[reason] = refused.GetValueOrDefault(reason) + 1;
            }
            else
            {
                missing++;
            }

            // Each invitation is saved on its own; the tracker is emptied so a long list does not grow it.
            db.ChangeTracker.Clear();
            if (++seen % reportEvery == 0)
            {
                progress?.Invoke(seen);
            }
        }

        progress?.Invoke(seen);
        return new BulkInvitationResult(invited, already, missing, refused);
    }

    public async Task<Outcome<List<InvitationResponse>>> OfSubjectAsync(Guid subjectId, CancellationToken ct)
    {
        if (await MarketingLedger.SubjectKindAsync(db, subjectId, ct) is null)
        {
            return Outcome.Missing;
        }

        var rows = await LoadAsync(db, subjectId, ct);
        await audit.WriteAsync(new AuditEntry("marketing.event.read", Purposes.Marketing, subjectId, Entity,
            Fields: [Categories.MarketingEvent.Id]), ct);
        return rows;
    }

    /// <summary>A person's invitations without an audit event of their own (the caller writes it, e.g. the subject picture).</summary>
    public static async Task<List<InvitationResponse>> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        (await db.Set<EventInvitation>().AsNoTracking().Where(i => i.SubjectId == subjectId).OrderBy(i => i.Id).ToListAsync(ct))
            .Select(ToResponse).ToList();

    private static MarketingEventResponse ToResponse(MarketingEvent e) => new(e.Id, e.Name, e.Date, e.Place, e.CreatedAt);

    private static InvitationResponse ToResponse(EventInvitation i) => new(
        i.Id, i.SubjectId, i.EventId, i.InvitedAt, i.Channel, i.Status, i.StatusAt, i.Source, i.Version);
}
