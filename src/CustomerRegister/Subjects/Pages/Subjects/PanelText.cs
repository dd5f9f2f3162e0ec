using CustomerRegister.Localization;

namespace CustomerRegister.Subjects.Pages.Subjects;

/// <summary>
/// The person page panels' words for enum values, keyed <c>Panel.{Section}.{Enum type}.{value}</c> in each feature's
/// panel text table (prefixed so that the feature's own pages may key the same enums without a clash).
/// </summary>
public static class PanelText
{
    /// <summary>How many rows a panel shows before folding the rest under "Näytä kaikki (N)".</summary>
    public const int Folded = 5;

    public static string Enum<T>(string section, T value)
        where T : struct, System.Enum =>
        UiText.Get($"Panel.{section}.{typeof(T).Name}.{value}");

    /// <summary>Days left until a due date: "3 päivää jäljellä", "tänään", "myöhässä 2 päivää".</summary>
    public static string DaysLeft(int days) => days switch
    {
        0 => UiText.Get("Panel.Common.DueToday"),
        > 0 => UiText.Format("Panel.Common.DaysLeft", days),
        _ => UiText.Format("Panel.Common.DaysOverdue", -days),
    };

    /// <summary>"Rantatie 58 B 30, 40110 Jyväskylä", leaving out the parts not recorded.</summary>
    public static string Address(string? street, string? postalCode, string? city)
    {
        var place = string.Join(' ', new[] { postalCode, city }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return string.Join(", ", new[] { street, place }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
