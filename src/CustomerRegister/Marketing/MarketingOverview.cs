using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Marketing;

public sealed record UpcomingEvent(Guid Id, string Name, DateOnly Date, string? Place, int Invited, int Registered, int Attended, int Cancelled);

/// <summary>The ledger's current state per channel: how many people have a permission in force, how many a prohibition (a person counts once per channel,
/// whatever the purposes).</summary>
public sealed record ChannelFigures(MarketingChannel Channel, int Permissions, int Prohibitions);

/// <summary>
/// Marketing's day: the events ahead with their invitation counts, and the consent figures per channel. Counts only,
/// no person is read, so nothing here is audited.
/// </summary>
public sealed class MarketingOverview(RegisterDbContext db, TimeProvider clock)
{
    /// <summary>Events from today on, soonest first, keyset-paged by (date, id).</summary>
    public async Task<Outcome<Page<UpcomingEvent>>> UpcomingEventsAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        var today = HelsinkiTime.Today(clock);
        var query = db.Set<MarketingEvent>().AsNoTracking().Where(e => e.Date >= today);
        if (after is { } a)
        {
            var cursor = await db.Set<MarketingEvent>().Where(e => e.Id == a).Select(e => (DateOnly?)e.Date).FirstOrDefaultAsync(ct);
            if (cursor is not { } d)
            {
                return Outcome.Invalid("after", FieldMessages.UnknownCursor);
            }

            query = query.Where(e => e.Date > d || (e.Date == d && e.Id.CompareTo(a) > 0));
        }

        var events = await query.OrderBy(e => e.Date).ThenBy(e => e.Id).Take(size + 1).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();

        // One grouped count over the events' invitations (indexed by event).
        var counts = (await db.Set<EventInvitation>().AsNoTracking().Where(i => ids.Contains(i.EventId))
                .GroupBy(i => new { i.EventId, i.Status }).Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => (c.EventId, c.Status), c => c.Count);
        int Count(Guid id, ParticipationStatus status) => counts.GetValueOrDefault((id, status));

        // Everyone invited counts as invited, whatever they answered since.
        return Paging.Of(events, size, e => e.Id, e => new UpcomingEvent(e.Id, e.Name, e.Date, e.Place,
            Enum.GetValues<ParticipationStatus>().Sum(s => Count(e.Id, s)), Count(e.Id, ParticipationStatus.Registered),
            Count(e.Id, ParticipationStatus.Attended), Count(e.Id, ParticipationStatus.Cancelled)));
    }

    /// <summary>Per contact channel, the ledger entries in force (not superseded) that are permissions and prohibitions.</summary>
    public async Task<IReadOnlyList<ChannelFigures>> ConsentFiguresAsync(CancellationToken ct)
    {
        var kinds = new[] { ConsentEntryKind.PermissionGranted, ConsentEntryKind.Prohibition };
        var rows = await db.Set<MarketingConsent>().AsNoTracking().Where(c => c.SupersededAt == null && kinds.Contains(c.Kind))
            .GroupBy(c => new { c.Channel, c.Kind }).Select(g => new { g.Key.Channel, g.Key.Kind, Count = g.Select(c => c.SubjectId).Distinct().Count() }).ToListAsync(ct);
        return [.. MarketingConsentRules.ContactChannels.Select(channel => new ChannelFigures(channel,
            rows.Where(r => r.Channel == channel && r.Kind == ConsentEntryKind.PermissionGranted).Sum(r => r.Count),
            rows.Where(r => r.Channel == channel && r.Kind == ConsentEntryKind.Prohibition).Sum(r => r.Count)))];
    }
}
