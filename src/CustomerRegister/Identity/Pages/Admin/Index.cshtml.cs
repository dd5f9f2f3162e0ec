using CustomerRegister.Recordings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Admin;

/// <summary>The administrator's desk: users, keys, units and settings, each with its count (the same reads as their API).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.UsersManage)]
public sealed class IndexModel(UserQueries users, ApiClientAdministration clients, ProductionUnits units) : PageModel
{
    public int Users { get; private set; }

    public int DisabledUsers { get; private set; }

    public int ActiveKeys { get; private set; }

    public int PendingKeys { get; private set; }

    public int Units { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await users.ListAsync(ct);
        (Users, DisabledUsers) = (all.Count, all.Count(u => u.Disabled));
        var keys = (await clients.ListAsync(ct)).Where(c => c.RevokedAt is null).ToList();
        (ActiveKeys, PendingKeys) = (keys.Count(c => !c.IsPending), keys.Count(c => c.IsPending));
        Units = (await units.ListAsync(ct)).Count;
    }
}
