using CustomerRegister.Data;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Contacts;

/// <summary>A contact person's details as of the version read: the same use cases as GET and PUT /api/contacts/{id}.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class EditModel(OrganisationQueries organisations, UpdateContactPerson update) : PageModel
{
    [BindProperty]
    public ContactForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public Guid SubjectId { get; private set; }

    public bool Stale { get; private set; }

    public IReadOnlyList<CurrentValue> Current { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await organisations.GetContactAsync(id, ct) is not { } contact)
        {
            return NotFound();
        }

        Show(contact);
        Input = ContactForm.Of(contact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await update.RunAsync(id, Input.ToRequest(), ct).CatchStale();
        if (outcome.IsStale())
        {
            if (await organisations.GetContactAsync(id, ct) is not { } saved)
            {
                return NotFound();
            }

            Stale = true;
            Show(saved);
            Current =
            [
                CurrentValue.Of("Form.Customer.FirstName", saved.FirstName, Input.FirstName),
                CurrentValue.Of("Form.Customer.LastName", saved.LastName, Input.LastName),
                CurrentValue.Of("Form.Customer.Title", saved.Title, Input.Title),
                CurrentValue.Of("Form.Customer.Position", saved.Position, Input.Position),
                CurrentValue.Of("Field.Phone", Display.Phone(saved.Phone), Input.Phone),
                CurrentValue.Of("Field.Email", saved.Email, Input.Email),
                CurrentValue.Of("Form.Customer.RoleEndedOn", Display.Date(saved.RoleEndedOn), Display.Date(Input.RoleEndedOn)),
                CurrentValue.Of("Field.Source", UiText.Get("Source." + saved.Source), Input.Source is { } s ? UiText.Get("Source." + s) : null),
            ];
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
            if (await organisations.GetContactAsync(id, ct) is { } contact)
            {
                Show(contact);
            }

            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/subjects/{outcome.Value!.SubjectId}");
    }

    private void Show(ContactPerson contact)
    {
        Name = $"{contact.LastName}, {contact.FirstName}";
        SubjectId = contact.SubjectId;
    }
}
