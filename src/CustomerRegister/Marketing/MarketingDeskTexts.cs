using CustomerRegister.Localization;

namespace CustomerRegister.Marketing;

/// <summary>The texts of marketing's start page (/marketing).</summary>
[TextTable]
public static class MarketingDeskTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Marketing.Desk.Title"] = new("Markkinointi", "Marknadsföring", "Marketing"),
        ["Marketing.Desk.Events"] = new("Tulevat tapahtumat", "Kommande evenemang", "Upcoming events"),
        ["Marketing.Desk.NoEvents"] = new("Ei tulevia tapahtumia.", "Inga kommande evenemang.", "No upcoming events."),
        ["Marketing.Desk.More"] = new("Seuraavat tapahtumat", "Följande evenemang", "Next events"),
        ["Marketing.Desk.Date"] = new("Päivä", "Datum", "Date"),
        ["Marketing.Desk.Event"] = new("Tapahtuma", "Evenemang", "Event"),
        ["Marketing.Desk.Place"] = new("Paikka", "Plats", "Place"),
        ["Marketing.Desk.Invited"] = new("Kutsuttu", "Inbjudna", "Invited"),
        ["Marketing.Desk.Registered"] = new("Ilmoittautunut", "Anmälda", "Registered"),
        ["Marketing.Desk.Cancelled"] = new("Perunut", "Avbokat", "Cancelled"),
        ["Marketing.Desk.Consents"] = new("Markkinointiluvat ja -kiellot kanavittain", "Marknadsföringstillstånd och -förbud per kanal",
            "Marketing permissions and prohibitions by channel"),
        ["Marketing.Desk.ConsentsHint"] = new(
            "Henkilöitä, joilla on voimassa oleva lupa tai kielto; sama henkilö lasketaan kanavaa kohden kerran.",
            "Personer med ett gällande tillstånd eller förbud; samma person räknas en gång per kanal.",
            "People with a permission or prohibition in force; a person counts once per channel."),
        ["Marketing.Desk.Channel"] = new("Kanava", "Kanal", "Channel"),
        ["Marketing.Desk.Permissions"] = new("Markkinointilupia", "Marknadsföringstillstånd", "Marketing permissions"),
        ["Marketing.Desk.Prohibitions"] = new("Markkinointikieltoja", "Marknadsföringsförbud", "Marketing prohibitions"),
    };
}
