using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Pages.Surveys;

/// <summary>A new survey (<c>/marketing/surveys/new</c>): the same use case as <c>POST /api/surveys</c>; then its page.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingWrite)]
public sealed class NewModel(Marketing.Surveys surveys, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SurveyForm Input { get; set; } = new();

    public void OnGet() => Input.Date = HelsinkiTime.Today(clock);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await surveys.CreateAsync(new SurveyRequest(Input.Name, Input.Date), ct);
        if (!ModelState.Show(outcome))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Marketing.Surveys.Created");
        return Redirect($"/marketing/surveys/{outcome.Value!.Id}");
    }
}

public sealed class SurveyForm
{
    public string? Name { get; set; }

    public DateOnly? Date { get; set; }
}
