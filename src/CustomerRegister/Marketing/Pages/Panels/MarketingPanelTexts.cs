using CustomerRegister.Localization;

namespace CustomerRegister.Marketing.Pages.Panels;

[TextTable]
public static class MarketingPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.Marketing.Badge"] = new("Markkinointikielto: {0}", "Marknadsföringsförbud: {0}", "Marketing ban: {0}"),
        ["Panel.Marketing.New"] = new("+ Uusi lupa tai kielto", "+ Nytt tillstånd eller förbud", "+ New permission or ban"),
        ["Panel.Marketing.AddBan"] = new("Lisää kielto", "Lägg till förbud", "Add a ban"),
        ["Panel.Marketing.Prohibited"] = new("kielletty {0}", "förbjuden {0}", "prohibited {0}"),
        ["Panel.Marketing.Withdrawn"] = new("lupa peruttu {0}", "tillstånd återkallat {0}", "permission withdrawn {0}"),
        ["Panel.Marketing.Permission"] = new("lupa {0}", "tillstånd {0}", "permission {0}"),
        ["Panel.Marketing.SoftOptIn"] = new("sallittu asiakassuhteen perusteella {0}", "tillåten på grund av kundrelationen {0}", "allowed by the customer relationship {0}"),
        ["Panel.Marketing.AllowedUnlessRefused"] = new("sallittu, ellei kiellä", "tillåten om inte förbjuden", "allowed unless refused"),
        ["Panel.Marketing.ConsentRequired"] = new("ei lupaa (vaatii ennakkosuostumuksen)", "inget tillstånd (kräver förhandssamtycke)", "no permission (prior consent needed)"),
        ["Panel.Marketing.SoftOptInLapsed"] = new("ei lupaa (asiakassuhteen peruste ei voimassa)", "inget tillstånd (kundrelationen gäller inte)", "no permission (the customer relationship basis has lapsed)"),
        ["Panel.Marketing.Restricted"] = new(
            "käsittely rajoitettu, ei markkinointia", "behandlingen begränsad, ingen marknadsföring", "processing restricted, no marketing"),
        ["Panel.Marketing.Current"] = new("Voimassa nyt (myynti ja markkinointi)", "Gäller nu (försäljning och marknadsföring)", "In force now (sales and marketing)"),
        ["Panel.Marketing.WebBehaviour"] = new("Verkkokäyttäytyminen", "Webbeteende", "Web behaviour"),
        ["Panel.Marketing.Ledger"] = new("Luvat ja kiellot (uusin ensin)", "Tillstånd och förbud (nyaste först)", "Permissions and bans (newest first)"),
        ["Panel.Marketing.Surveys"] = new("Kyselyt", "Enkäter", "Surveys"),
        ["Panel.Marketing.Score"] = new("pisteet {0}", "poäng {0}", "score {0}"),
        ["Panel.Marketing.Answers"] = new("Vastaukset", "Svar", "Answers"),
        ["Panel.Marketing.Events"] = new("Tapahtumat", "Evenemang", "Events"),
        ["Panel.Marketing.Invited"] = new("kutsuttu {0}", "inbjuden {0}", "invited {0}"),
        ["Panel.Marketing.WebEvents"] = new("Verkkotapahtumat: {0}", "Webbhändelser: {0}", "Web events: {0}"),
        ["Panel.Marketing.Evidence"] = new("todiste: {0}", "bevis: {0}", "evidence: {0}"),
        ["Panel.Marketing.Wording"] = new("teksti {0}", "text {0}", "wording {0}"),
    };
}
