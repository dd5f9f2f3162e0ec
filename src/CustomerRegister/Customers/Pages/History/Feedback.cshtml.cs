using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>Feedback the person gave: the same use case as POST /api/subjects/{id}/feedback; back to the person's page.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class FeedbackModel(CustomerFormQueries forms, RecordFeedback record) : SubjectFormModel(forms)
{
    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Input = new() { Channel = ContactChannel.Phone, Source = customer.UsualSource };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        return SaveAsync(id, () => record.CreateAsync(id, new FeedbackRequest(
            FormTimes.FromHelsinki(Input.ReceivedAt), Input.Channel, Input.Text, Input.Rating, Input.Handled, Input.Source, null), ct), "feedback", ct);
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
