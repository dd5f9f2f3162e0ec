using CustomerRegister.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Breaches.Pages;

/// <summary>The breach register (<c>/breaches</c>): the same <see cref="BreachQueries.ListAsync"/> as <c>GET /api/breaches</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class IndexModel(BreachQueries queries) : PageModel
{
    public IReadOnlyList<BreachLine> Lines { get; private set; } = [];

    [TempData(Key = BreachPages.NoticeKey)]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Lines = await queries.ListAsync(ct);
}
