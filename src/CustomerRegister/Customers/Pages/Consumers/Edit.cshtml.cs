using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Consumers;

/// <summary>
/// A consumer's contact details as of the version read: the same use cases as GET and PUT /api/consumers/{id}. A save
/// against an older version keeps the input and shows the values saved meanwhile.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class EditModel(CustomerFormQueries forms, ConsumerQueries consumers, UpdateConsumer update, Access access)
    : PageModel
{
    [BindProperty]
    public ConsumerForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public bool Stale { get; private set; }

    public IReadOnlyList<CurrentValue> Current { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid subjectId, CancellationToken ct)
    {
        if (await ReadAsync(subjectId, ct) is not { } consumer)
        {
            return NotFound();
        }

        Input = ConsumerForm.Of(consumer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid subjectId, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(subjectId, ct) is not { ConsumerId: { } id })
        {
            return NotFound();
        }

        var outcome = await update.RunAsync(id, Input.ToRequest(), ct).CatchStale();
        if (outcome.IsStale())
        {
            // The failed save stays tracked; forget it before reading what is saved now.
            Stale = true;
            var saved = await ReadAsync(subjectId, ct);
            if (saved is null)
            {
                return NotFound();
            }

            Current =
            [
                CurrentValue.Of("Form.Customer.FirstName", saved.FirstName, Input.FirstName),
                CurrentValue.Of("Form.Customer.LastName", saved.LastName, Input.LastName),
                CurrentValue.Of("Field.Phone", Display.Phone(saved.Phone), Input.Phone),
                CurrentValue.Of("Field.Email", saved.Email, Input.Email),
                CurrentValue.Of("Form.Customer.Street", saved.Street, Input.Street),
                CurrentValue.Of("Form.Customer.PostalCode", saved.PostalCode, Input.PostalCode),
                CurrentValue.Of("Form.Customer.City", saved.City, Input.City),
                CurrentValue.Of("Field.Source", UiText.Get("Source." + saved.Source), Input.Source is { } s ? UiText.Get("Source." + s) : null),
            ];

            // The next save is made against what the user has now seen.
            ModelState.Remove("Input.Version");
            Input.Version = saved.Version;
            return Page();
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            Name = $"{Input.LastName}, {Input.FirstName}";
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/subjects/{subjectId}");
    }

    private async Task<Consumer?> ReadAsync(Guid subjectId, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(subjectId, ct) is not { ConsumerId: { } id } customer
            || access.Purpose(Catalog.Purposes.CustomerRelationship) is not { } purpose)
        {
            return null;
        }

        Name = customer.Name;
        return (await consumers.GetAsync(id, null, purpose, ct)).Value?.Consumer;
    }
}
