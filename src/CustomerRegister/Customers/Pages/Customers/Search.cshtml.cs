using CustomerRegister.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Customers;

[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerRead)]
public sealed class SearchModel(SearchQueries search) : PageModel
{
    public string? Query { get; private set; }

    public IReadOnlyList<SearchHit>? Hits { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = q;
        if (q is null)
        {
            return;
        }

        var outcome = await search.SearchAsync(q, SearchQueries.MaxResults, ct);
        if (!outcome.IsOk)
        {
            Error = Localization.UiText.Get("Search.TooShort");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Hits = outcome.Value;
    }
}
