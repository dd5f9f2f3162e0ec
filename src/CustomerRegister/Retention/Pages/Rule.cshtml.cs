using CustomerRegister.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Retention.Pages;

/// <summary>
/// One rule's drill-down (<c>/retention/rules/{rule}</c>): the rule in words (period, what it counts from, the law) and
/// each kind of item it removes, per month, with what holds keep back, then the first items themselves with their dates — the same forecast as <c>/retention</c> and
/// <c>GET /api/retention/forecast</c>, narrowed to the rule.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RetentionRead)]
public sealed class RuleModel(RetentionForecast forecast, RetentionRules rules, RetentionQueries queries) : PageModel
{
    public RuleWords Rule { get; private set; } = null!;

    public ForecastResponse Forecast { get; private set; } = null!;

    public IReadOnlyList<ForecastItem> Items { get; private set; } = [];

    /// <summary>The first items leaving, earliest first, each with its dates and holds (<c>GET /api/retention/rules/{rule}/items</c>).</summary>
    public IReadOnlyList<RuleItem> Due { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string rule, CancellationToken ct)
    {
        if (rules.Describe(rule) is not { } words)
        {
            return NotFound();
        }

        Rule = words;
        Forecast = await forecast.ForecastAsync(false, ct);
        Items = [.. Forecast.Items.Where(i => i.Rule == rule)];
        Due = await queries.RuleItemsAsync(rule, ct);
        return Page();
    }
}
