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
    : VersionedFormModel<ConsumerForm>
{
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
            return await ReadAsync(subjectId, ct) is { } saved ? ShowSaved(ConsumerForm.Of(saved)) : NotFound();
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

        return Saved($"/subjects/{subjectId}");
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
