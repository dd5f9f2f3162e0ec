using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Pages.Events;

/// <summary>The events (<c>/marketing/events</c>): upcoming first, then the past ones, as <c>GET /api/marketing-events/all</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingRead)]
public sealed class IndexModel(MarketingEvents events, Access access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UpcomingEvent> Upcoming { get; private set; } = [];

    public IReadOnlyList<UpcomingEvent> Past { get; private set; } = [];

    public bool MayWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = HelsinkiTime.Today(clock);
        var all = await events.UpcomingFirstAsync(ct);
        Upcoming = [.. all.Where(e => e.Date >= today)];
        Past = [.. all.Where(e => e.Date < today)];
        MayWrite = await access.HasAsync(Permissions.MarketingWrite);
    }
}

/// <summary>One of the two event tables (upcoming, past) and its id.</summary>
public sealed record EventTable(string Id, IReadOnlyList<UpcomingEvent> Events);
