using CustomerRegister.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Campaigns.Pages;

/// <summary>The saved campaign lists, newest first.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingRead)]
public sealed class IndexModel(Campaigns campaigns) : PageModel
{
    public IReadOnlyList<CampaignSummary> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await campaigns.ListAsync(ct);
}
