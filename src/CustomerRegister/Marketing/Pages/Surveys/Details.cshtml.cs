using CustomerRegister.Catalog;
using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using CustomerRegister.Marketing.Pages.Events;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Pages.Surveys;

/// <summary>
/// One survey (<c>/marketing/surveys/{id}</c>): its answers a page at a time (as <c>GET /api/surveys/{id}/responses</c>)
/// and recording a person's answer (as <c>POST /api/surveys/{id}/responses</c>), the person found by the search.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingRead)]
public sealed class DetailsModel(Marketing.Surveys surveys, SearchQueries search, Access access) : PageModel
{
    public SurveyResponseBody Survey { get; private set; } = null!;

    public Page<SurveyAnswerRow> Answers { get; private set; } = new([], null);

    public PersonSearch People { get; private set; } = new();

    public bool MayWrite { get; private set; }

    public bool MayOpenPeople { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    [BindProperty]
    public AnswerForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? q, CancellationToken ct)
    {
        Input.Q = q;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.MarketingWrite))
        {
            return Forbid();
        }

        var request = new SurveyAnswerRequest(Input.SubjectId, FormTimes.FromHelsinki(Input.AnsweredAt), Input.Answers, Input.Score,
            Input.Source?.ToString());
        var outcome = await surveys.RecordAnswerAsync(id, request, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData[FormNotice.Key] = UiText.Get("Marketing.Surveys.Recorded");
        return Redirect($"/marketing/surveys/{id}#answers");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await surveys.GetAsync(id, ct) is not { } survey || (await surveys.AnswerRowsAsync(id, After, null, ct)).Value is not { } answers)
        {
            return false;
        }

        Survey = survey;
        Answers = answers;
        MayWrite = await access.HasAsync(Permissions.MarketingWrite);
        MayOpenPeople = await access.HasAsync(Permissions.CustomerRead);
        Input.Source ??= DataSource.Consumer;
        if (MayWrite)
        {
            People = await PersonSearch.RunAsync(search, access, $"/marketing/surveys/{id}#record", Input.Q, Input.SubjectId, ct);
        }

        return true;
    }
}

public sealed class AnswerForm
{
    /// <summary>The search the person was found with (kept so a refused answer shows the same people).</summary>
    public string? Q { get; set; }

    public Guid? SubjectId { get; set; }

    public string? Answers { get; set; }

    public int? Score { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public DataSource? Source { get; set; }
}
