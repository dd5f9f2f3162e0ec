using CustomerRegister.Data;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Contacts;

/// <summary>A contact person's details as of the version read: the same use cases as GET and PUT /api/contacts/{id}.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class EditModel(OrganisationQueries organisations, UpdateContactPerson update) : VersionedFormModel<ContactForm>
{
    public Guid SubjectId { get; private set; }

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

            Show(saved);
            return ShowSaved(ContactForm.Of(saved));
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

        return Saved($"/subjects/{outcome.Value!.SubjectId}");
    }

    private void Show(ContactPerson contact)
    {
        Name = $"{contact.LastName}, {contact.FirstName}";
        SubjectId = contact.SubjectId;
    }
}
