using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Pages.Events;

/// <summary>A new event (<c>/marketing/events/new</c>): the same use case as <c>POST /api/marketing-events</c>; then its page.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingWrite)]
public sealed class NewModel(MarketingEvents events, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EventForm Input { get; set; } = new();

    public void OnGet() => Input.Date = HelsinkiTime.Today(clock);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await events.CreateAsync(new MarketingEventRequest(Input.Name, Input.Date, Input.Place), ct);
        if (!ModelState.Show(outcome))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Marketing.Events.Created");
        return Redirect($"/marketing/events/{outcome.Value!.Id}");
    }
}

public sealed class EventForm
{
    public string? Name { get; set; }

    public DateOnly? Date { get; set; }

    public string? Place { get; set; }
}
