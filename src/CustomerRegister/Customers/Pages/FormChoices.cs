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

    /// <summary>An enum's values with the texts keyed <c>{prefix}.{Enum type}.{value}</c>.</summary>
    public static IReadOnlyList<SelectListItem> Of<T>(string prefix, IEnumerable<T>? values = null)
        where T : struct, Enum =>
        [.. (values ?? Enum.GetValues<T>()).Select(v => new SelectListItem(Text(prefix, v), v.ToString()))];

    /// <summary>An enum value's words from the texts keyed <c>{prefix}.{Enum type}.{value}</c>.</summary>
    public static string Text<T>(string prefix, T value)
        where T : struct, Enum => UiText.Get($"{prefix}.{typeof(T).Name}.{value}");

    /// <summary>The customer-service forms' enum words (<c>Form.Customer.ServiceStatus.Active</c>).</summary>
    public static string Customer<T>(T value)
        where T : struct, Enum => Text("Form.Customer", value);
}
