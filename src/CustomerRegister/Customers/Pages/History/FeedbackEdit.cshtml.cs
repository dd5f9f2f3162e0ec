using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Subjects.Pages.Subjects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>
/// Correct feedback (its text, or mark it handled) as of the version read: the same use cases as GET and PUT /api/feedback/{id};
/// back to the person's feedback.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class FeedbackEditModel(CustomerHistoryQueries history, CustomerFormQueries forms, RecordFeedback record)
    : VersionedFormModel<FeedbackEditForm>
{
    public Guid SubjectId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } feedback)
        {
            return NotFound();
        }

        Input = FeedbackEditForm.Of(feedback);
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
            return Saved($"/subjects/{SubjectId}#{SubjectPanels.AnchorOf("feedback")}");
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsStale())
        {
            return await ReadAsync(id, ct) is { } saved ? ShowSaved(FeedbackEditForm.Of(saved)) : NotFound();
        }

        ModelState.Show(outcome);
        return Page();
    }

    private async Task<Feedback?> ReadAsync(Guid id, CancellationToken ct)
    {
        if ((await history.FeedbackItemAsync(id, ct)).Value is not { } entry
            || await forms.OfSubjectAsync(entry.SubjectId, ct) is not { } customer)
        {
            return null;
        }

        SubjectId = entry.SubjectId;
        Name = customer.Name;
        return entry;
    }
}
