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
public sealed class ContactLogModel(CustomerFormQueries forms, RecordContactHistory record) : PageModel
{
    [BindProperty]
    public ContactLogForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, ContactChannel? channel, ContactDirection? direction, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Name = customer.Name;
        Input = new() { Channel = channel ?? ContactChannel.Phone, Direction = direction ?? ContactDirection.Inbound, Source = customer.UsualSource };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Name = customer.Name;
        var outcome = await record.CreateAsync(id,
            new ContactHistoryRequest(Input.Channel, Input.Direction, FormTimes.FromHelsinki(Input.OccurredAt), Input.Summary, null, Input.Source, null), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Customer.ContactLogged");
        return Redirect($"/subjects/{id}#contact-history");
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
