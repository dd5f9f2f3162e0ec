using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Customers.Pages;

/// <summary>The choices of the staff forms' selects, each value with its words in the page's language.</summary>
public static class FormChoices
{
    /// <summary>Where the data came from (notice § 7), with the notice's own wording.</summary>
    public static IReadOnlyList<SelectListItem> Sources() =>
        [.. Enum.GetValues<DataSource>().Select(s => new SelectListItem(UiText.Get("Source." + s), s.ToString()))];

    /// <summary>An enum's values (all, or the ones given) with their words (<see cref="Display.Enum{T}"/>).</summary>
    public static IReadOnlyList<SelectListItem> Of<T>(IEnumerable<T>? values = null)
        where T : struct, Enum =>
        [.. (values ?? Enum.GetValues<T>()).Select(v => new SelectListItem(Display.Enum(v), v.ToString()))];
}
