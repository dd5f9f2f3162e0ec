using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Disclosures.Pages.Recipients;

/// <summary>The registry (<c>/recipients</c>): the same query as <c>GET /api/recipients</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CatalogRead)]
public sealed class IndexModel(RecipientQueries recipients, Access access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public IReadOnlyList<Recipient> Recipients { get; private set; } = [];

    public bool MayManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Recipients = await recipients.ListAsync(All, ct);
        MayManage = await access.HasAsync(Permissions.RecipientManage);
    }
}
