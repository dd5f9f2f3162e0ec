using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>
/// Log a contact in a few keystrokes: channel and direction preset to an incoming call, the summary focused, Enter
/// saves. The same use case as POST /api/subjects/{id}/contact-history; back to the person's page.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class ContactLogModel(CustomerFormQueries forms, RecordContactHistory record) : SubjectFormModel(forms)
{
    [BindProperty]
    public ContactLogForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, ContactChannel? channel, ContactDirection? direction, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Input = new() { Channel = channel ?? ContactChannel.Phone, Direction = direction ?? ContactDirection.Inbound, Source = customer.UsualSource };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        return SaveAsync(id, () => record.CreateAsync(id,
            new ContactHistoryRequest(Input.Channel, Input.Direction, FormTimes.FromHelsinki(Input.OccurredAt), Input.Summary, null, Input.Source, null), ct), "contactHistory", ct, "Form.Customer.ContactLogged");
    }
}

public sealed class ContactLogForm
{
    public ContactChannel? Channel { get; set; }

    public ContactDirection? Direction { get; set; }

    public string? Summary { get; set; }

    public DateTime? OccurredAt { get; set; }

    public DataSource? Source { get; set; }
}
