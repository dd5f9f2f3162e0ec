using CustomerRegister.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Breaches.Pages;

/// <summary>What the breach pages share: the notice key, the clock in words, the select lists.</summary>
public static class BreachPages
{
    public const string NoticeKey = "Notice";

    /// <summary>"15 h jäljellä", "myöhässä 3 h"; for a decided breach its state.</summary>
    public static string ClockText(BreachClockReading clock) => clock.Open
        ? clock.HoursLeft >= 0 ? UiText.Format("Breaches.Clock.HoursLeft", clock.HoursLeft) : UiText.Format("Breaches.Clock.HoursOver", -clock.HoursLeft)
        : Display.Enum(clock.State);

    /// <summary>The badge class of a clock: a warning, an alarm, or plain.</summary>
    public static string ClockClass(BreachClockReading clock) => clock.State switch
    {
        BreachClockState.Warning => "badge warn",
        BreachClockState.Overdue or BreachClockState.NotifiedLate => "badge ban",
        _ => "badge",
    };

    public static IEnumerable<SelectListItem> Options<T>(IEnumerable<T> values, T? selected)
        where T : struct, Enum =>
        values.Select(v => new SelectListItem(Display.Enum(v), v.ToString(), Equals(v, selected)));

    /// <summary>The first line of a text, shortened for a table cell.</summary>
    public static string Short(string text, int length = 80)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= length ? line : line[..length].TrimEnd() + "…";
    }
}
