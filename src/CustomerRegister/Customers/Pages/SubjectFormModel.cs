using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using CustomerRegister.Subjects.Pages.Subjects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages;

/// <summary>
/// A form about one person, reached from a panel of their page (log a contact, feedback, additional information, a
/// marketing decision): whom it is about, and the one way it saves — through the feature's use case, 404 when the
/// person is gone, each refusal beside its field, else back to that panel with a notice.
/// </summary>
public abstract class SubjectFormModel(CustomerFormQueries forms) : PageModel
{
    public string Name { get; private set; } = "";

    /// <summary>The person the form is about, or null when there is none the viewer may see.</summary>
    protected async Task<FormCustomer?> LoadAsync(Guid id, CancellationToken ct)
    {
        var customer = await forms.OfSubjectAsync(id, ct);
        Name = customer?.Name ?? "";
        return customer;
    }

    /// <summary>Saves with <paramref name="save"/> and goes back to the panel showing <paramref name="section"/>.</summary>
    protected async Task<IActionResult> SaveAsync<T>(
        Guid id, Func<Task<Outcome<T>>> save, string section, CancellationToken ct, string noticeKey = "Form.Saved")
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }

        var outcome = await save();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get(noticeKey);
        return Redirect($"/subjects/{id}#{SubjectPanels.AnchorOf(section)}");
    }
}
