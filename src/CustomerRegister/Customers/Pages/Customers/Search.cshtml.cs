using CustomerRegister.Localization;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>
    /// The suggestions of the search box while typing (site.js): the same search as <c>GET /api/search</c>, answered to
    /// the signed-in page's cookie (the API takes bearer tokens only), with the kind and the matched fields in words.
    /// </summary>
    public async Task<IActionResult> OnGetSuggestAsync(string? q, int? limit, CancellationToken ct)
    {
        var outcome = await search.SearchAsync(q, Math.Clamp(limit ?? 8, 1, 20), ct);
        if (!outcome.IsOk)
        {
            return BadRequest();
        }

        return new JsonResult(outcome.Value!.Select(hit => new
        {
            kind = hit.Kind.ToString(),
            hit.Id,
            hit.SubjectId,
            hit.Name,
            hit.Organisation,
            kindText = KindText(hit),
            matched = Matched(hit),
        }));
    }

    /// <summary>
    /// What the hit was found by, in words: the numbers themselves where a number matched ("asiakasnumero RR-1001,
    /// sopimusnumero S-2026-1"), else the field ("puhelinnumero").
    /// </summary>
    public static string Matched(SearchHit hit) =>
        string.Join(", ", hit.MatchedFields.SelectMany(field =>
        {
            var codes = hit.Codes.Where(c => field == SearchIndex.CustomerNumberField
                ? c.Kind is SearchCodes.CustomerNumber or SearchCodes.ContractNumber
                : c.Kind == field).ToList();
            return codes.Count > 0
                ? codes.Select(c => UiText.Format("SearchPage.Code." + c.Kind, c.Value))
                : [UiText.Get("SearchPage.Field." + field)];
        }));

    public static string KindText(SearchHit hit) =>
        UiText.Get(hit.Kind == SearchTarget.Organisation && hit.SubjectId is not null ? "Kind.SoleTrader" : "Kind." + hit.Kind);
}
