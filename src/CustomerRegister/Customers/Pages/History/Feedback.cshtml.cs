using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>Feedback the person gave: the same use case as POST /api/subjects/{id}/feedback; back to the person's page.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class FeedbackModel(CustomerFormQueries forms, RecordFeedback record) : PageModel
{
    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Name = customer.Name;
        Input = new() { Channel = ContactChannel.Phone, Source = customer.UsualSource };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Name = customer.Name;
        var outcome = await record.CreateAsync(id, new FeedbackRequest(
            FormTimes.FromHelsinki(Input.ReceivedAt), Input.Channel, Input.Text, Input.Rating, Input.Handled, Input.Source, null), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/subjects/{id}#feedback");
    }
}

public sealed class FeedbackForm
{
    public ContactChannel? Channel { get; set; }

    public string? Text { get; set; }

    public int? Rating { get; set; }

    public bool Handled { get; set; }

    public DateTime? ReceivedAt { get; set; }

    public DataSource? Source { get; set; }
}
