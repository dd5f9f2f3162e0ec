using CustomerRegister.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Imports.Pages.Imports;

/// <summary>The files brought in (<c>/imports</c>), newest first, with their provenance and counts: as <c>GET /api/imports</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.ImportRun)]
public sealed class IndexModel(ImportQueries queries) : PageModel
{
    public IReadOnlyList<ImportBatchView> Batches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Batches = await queries.ListAsync(100, ct);
}
