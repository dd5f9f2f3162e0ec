using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Pages.Surveys;

/// <summary>The surveys (<c>/marketing/surveys</c>), newest first, as <c>GET /api/surveys</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingRead)]
public sealed class IndexModel(Marketing.Surveys surveys, Access access) : PageModel
{
    public IReadOnlyList<SurveyResponseBody> Surveys { get; private set; } = [];

    public bool MayWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Surveys = await surveys.ListAsync(ct);
        MayWrite = await access.HasAsync(Permissions.MarketingWrite);
    }
}
