using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using CustomerRegister.Subjects.Pages.Subjects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>
/// "Merkitse käsitellyksi" on the feedback panel: the same use case as POST /api/feedback/{id}/handled, then back to
/// the panel with a notice (or, when someone changed the feedback meanwhile, the stale notice and nothing saved).
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class FeedbackHandledModel(RecordFeedback record) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, long? version, Guid subjectId, CancellationToken ct)
    {
        var outcome = await record.MarkHandledAsync(id, new VersionRequest(version), ct).CatchStale();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk && !outcome.IsStale())
        {
            return BadRequest();
        }

        TempData[FormNotice.Key] = UiText.Get(outcome.IsOk ? "Form.Saved" : "Form.Stale");
        return Redirect($"/subjects/{outcome.Value?.SubjectId ?? subjectId}#{SubjectPanels.AnchorOf("feedback")}");
    }
}
