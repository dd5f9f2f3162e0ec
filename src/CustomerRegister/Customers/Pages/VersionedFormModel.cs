using CustomerRegister.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages;

/// <summary>A form that edits one record as of the version read.</summary>
public interface IVersionedForm
{
    long? Version { get; set; }

    /// <summary>The form's fields in words as a reader sees them (label key, value), in the order shown beside a stale save.</summary>
    IEnumerable<(string LabelKey, string? Shown)> Shown();
}

/// <summary>
/// An edit page over one versioned record (consumer, organisation, contact person, relationship, contract, service,
/// contact-history entry, feedback). The one way a stale save is shown: the user's input kept, the values saved
/// meanwhile beside it with each changed one marked (<c>_CurrentValues.cshtml</c>), the next save made against them.
/// </summary>
public abstract class VersionedFormModel<TForm> : PageModel
    where TForm : class, IVersionedForm, new()
{
    [BindProperty]
    public TForm Input { get; set; } = new();

    /// <summary>Whom or what the form is about, under its heading.</summary>
    public string Name { get; protected set; } = "";

    public bool Stale { get; private set; }

    public IReadOnlyList<CurrentValue> Current { get; private set; } = [];

    /// <summary>After a stale save: shows <paramref name="saved"/> beside the kept input and takes its version for the next save.</summary>
    protected IActionResult ShowSaved(TForm saved)
    {
        Stale = true;
        Current = [.. saved.Shown().Zip(Input.Shown(), (s, typed) => CurrentValue.Of(s.LabelKey, s.Shown, typed.Shown))];
        ModelState.Remove("Input.Version");
        Input.Version = saved.Version;
        return Page();
    }

    /// <summary>After a successful save: the notice on the next page (post-redirect-get).</summary>
    protected IActionResult Saved(string url, string noticeKey = "Form.Saved")
    {
        TempData[FormNotice.Key] = UiText.Get(noticeKey);
        return Redirect(url);
    }
}
