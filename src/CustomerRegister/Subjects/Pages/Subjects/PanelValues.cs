using System.Collections;
using CustomerRegister.Localization;

namespace CustomerRegister.Subjects.Pages.Subjects;

/// <summary>
/// The fallback drawing of a section's items for a panel that has no layout of its own yet: each record as a list of
/// its fields, values formatted for a Finnish reader, never JSON.
/// </summary>
public static class PanelValues
{
    public static bool IsList(object? value) => value is IEnumerable and not string;

    public static IEnumerable<(string Name, object? Value)> Fields(object item) =>
        item.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.Name, p.GetValue(item)));

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTime d => Display.DateTime(d),
        DateOnly d => Display.Date(d),
        decimal m => Display.Number(m),
        bool b => Display.YesNo(b),
        Enum e => UiText.Has($"{e.GetType().Name}.{e}") ? UiText.Get($"{e.GetType().Name}.{e}") : e.ToString(),
        _ => value.ToString() ?? "",
    };

    public static bool IsScalar(object? value) =>
        value is null or string or DateTime or DateOnly or decimal or bool or Enum or Guid || value.GetType().IsPrimitive;
}
