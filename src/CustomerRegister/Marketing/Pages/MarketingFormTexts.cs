using CustomerRegister.Localization;

namespace CustomerRegister.Marketing.Pages;

/// <summary>The marketing permission, withdrawal and prohibition form's texts.</summary>
[TextTable]
public static class MarketingFormTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Form.Marketing.Title"] = new("Markkinointilupa tai -kielto", "Marknadsföringstillstånd eller -förbud", "Marketing permission or prohibition"),
        ["Form.Marketing.BanTitle"] = new("Markkinointikielto", "Marknadsföringsförbud", "Marketing prohibition"),
        ["Form.Marketing.BanNote"] = new(
            "Kielto tulee voimaan heti ja on voimassa, kunnes henkilö itse sen peruu.",
            "Förbudet gäller genast och tills personen själv häver det.",
            "The prohibition applies at once and until the person lifts it."),
        ["Form.Marketing.Kind"] = new("Merkintä", "Anteckning", "Entry"),
        ["Form.Marketing.Channel"] = new("Kanava", "Kanal", "Channel"),
        ["Form.Marketing.Purpose"] = new("Markkinoinnin tarkoitus", "Marknadsföringens ändamål", "Marketing purpose"),
        ["Form.Marketing.OccurredAt"] = new("Milloin henkilö ilmoitti", "När personen meddelade", "When the person told us"),
        ["Form.Marketing.NowHint"] = new("Jätä tyhjäksi, jos nyt.", "Lämna tomt om nu.", "Leave empty for now."),
        ["Form.Marketing.WordingVersion"] = new("Lupatekstin versio", "Tillståndstextens version", "Permission wording version"),
        ["Form.Marketing.Evidence"] = new("Miten lupa saatiin", "Hur tillståndet gavs", "How the permission was given"),
        ["Form.Marketing.EvidenceHint"] = new(
            "Pakollinen luvalle, esim. \"puhelimessa 5.12.2026, tallenne\".",
            "Obligatoriskt för tillstånd, t.ex. \"i telefon 5.12.2026, inspelning\".",
            "Required for a permission, e.g. \"by phone on 5.12.2026, recorded\"."),
        ["Form.Marketing.WordingHint"] = new("Pakollinen luvalle.", "Obligatoriskt för tillstånd.", "Required for a permission."),
        ["Form.Marketing.PermissionDetails"] = new("Luvan tiedot", "Tillståndets uppgifter", "Permission details"),
        ["Form.Marketing.Save"] = new("Tallenna merkintä", "Spara anteckningen", "Save the entry"),
        ["Form.Marketing.ConfirmBan"] = new("Vahvista kielto", "Bekräfta förbudet", "Confirm the prohibition"),
    };
}
