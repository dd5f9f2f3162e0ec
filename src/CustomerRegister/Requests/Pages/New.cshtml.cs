using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Requests.Pages;

public sealed class IntakeForm
{
    public RequestType? Type { get; set; }

    public RequestChannel? Channel { get; set; } = RequestChannel.Phone;

    /// <summary>The day it arrived, Finnish form (4.12.2026); empty is today.</summary>
    public string? ReceivedOn { get; set; }

    public string? RequesterName { get; set; }

    public string? RequesterPhone { get; set; }

    public string? RequesterEmail { get; set; }

    public string? RequesterAddress { get; set; }

    public string? Text { get; set; }

    public string? Language { get; set; } = Languages.Default;

    public bool AssignToMe { get; set; } = true;
}

/// <summary>A request taken by phone, letter or visit, through the same <see cref="RequestIntake"/> as <c>POST /api/requests</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class NewModel(RequestIntake intake, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    [TempData(Key = DpoPages.NoticeKey)]
    public string? Notice { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DateTime? receivedAt = null;
        if (!string.IsNullOrWhiteSpace(Input.ReceivedOn))
        {
            if (FinnishInput.TryDate(Input.ReceivedOn, out var day))
            {
                // Today is now; an earlier day is its noon, so the deadline counts from that Helsinki day.
                receivedAt = day == HelsinkiTime.Today(clock) ? null : HelsinkiTime.StartUtc(day).AddHours(12);
            }
            else
            {
                ModelState.AddModelError("Input.ReceivedOn", UiText.Get("Requests.Date.Invalid"));
                return Page();
            }
        }

        var me = Input.AssignToMe ? (await users.GetUserAsync(User))?.Id : null;
        var outcome = await intake.IntakeAsync(new IntakeInput(Input.Type, Input.Channel, receivedAt, Input.RequesterName, Input.RequesterEmail,
            Input.RequesterPhone, Input.RequesterAddress, Input.Text, Input.Language, null, me, DataSource.Consumer), ct);
        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        Notice = UiText.Get("Requests.New.Saved");
        return Redirect($"/requests/{outcome.Value!.Id}");
    }
}
