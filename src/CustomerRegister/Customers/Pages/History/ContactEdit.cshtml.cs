using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Subjects.Pages.Subjects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>
/// Correct a logged contact as of the version read: the same use cases as GET and PUT /api/contact-history/{id};
/// back to the person's contacts.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class ContactEditModel(CustomerHistoryQueries history, CustomerFormQueries forms, RecordContactHistory record)
    : VersionedFormModel<ContactEditForm>
{
    public Guid SubjectId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } entry)
        {
            return NotFound();
        }

        Input = ContactEditForm.Of(entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // Read first: a person whose processing is restricted is not found here, as on their page.
        if (await ReadAsync(id, ct) is null)
        {
            return NotFound();
        }

        var outcome = await record.UpdateAsync(id, Input.ToRequest(), ct).CatchStale();
        if (outcome.IsOk)
        {
            return Saved($"/subjects/{SubjectId}#{SubjectPanels.AnchorOf("contactHistory")}");
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsStale())
        {
            return await ReadAsync(id, ct) is { } saved ? ShowSaved(ContactEditForm.Of(saved)) : NotFound();
        }

        ModelState.Show(outcome);
        return Page();
    }

    private async Task<ContactHistoryEntry?> ReadAsync(Guid id, CancellationToken ct)
    {
        if ((await history.HistoryEntryAsync(id, ct)).Value is not { } entry
            || await forms.OfSubjectAsync(entry.SubjectId, ct) is not { } customer)
        {
            return null;
        }

        SubjectId = entry.SubjectId;
        Name = customer.Name;
        return entry;
    }
}
