using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Pages;

/// <summary>Marketing's start page: the events ahead with their invitations, and the consent figures per channel.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.MarketingRead)]
public sealed class IndexModel(MarketingOverview overview) : PageModel
{
    public IReadOnlyList<UpcomingEvent> Events { get; private set; } = [];

    public Guid? NextAfter { get; private set; }

    public IReadOnlyList<ChannelFigures> Figures { get; private set; } = [];

    public async Task OnGetAsync(Guid? after, CancellationToken ct)
    {
        var page = (await overview.UpcomingEventsAsync(after, 20, ct)).Value;
        Events = page?.Items ?? [];
        NextAfter = page?.NextAfter;
        Figures = await overview.ConsentFiguresAsync(ct);
    }
}
