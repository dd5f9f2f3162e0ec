using CustomerRegister.Localization;

namespace CustomerRegister.Billing.Pages;

/// <summary>The collection hand-over's words (the agency's file out, its status file in), Finnish first.</summary>
[TextTable]
public static class CollectionPageTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Collection.Title"] = new("Perintä", "Indrivning", "Debt collection"),
        ["Collection.Back"] = new("Laskutus", "Fakturering", "Billing"),
        ["Collection.Link"] = new(
            "Lähetä perintään ja tuo perintätoimiston tilanne", "Skicka till indrivning och hämta byråns status",
            "Send to collection and bring in the agency's status"),
        ["Collection.Intro"] = new(
            "Perintätoimisto saa vain perinnässä tarvittavat tiedot: nimen, osoitteen, laskut ja niiden maksut, henkilötunnuksen vain jos "
            + "toimiston vastaanottajatiedot sen sallivat. Jokainen lähetys kirjataan luovutukseksi.",
            "Indrivningsbyrån får bara de uppgifter som indrivningen behöver: namn, adress, fakturor och deras betalningar, personbeteckningen "
            + "bara om byråns mottagaruppgifter tillåter det. Varje sändning registreras som ett utlämnande.",
            "The agency receives only what collection needs: name, address, the invoices and their payments, the identity code only where "
            + "its recipient record allows it. Every sending is logged as a disclosure."),
        ["Collection.Waiting.Title"] = new("Lähettämättömät perintätapaukset", "Ärenden som inte har skickats", "Cases not yet sent"),
        ["Collection.Waiting.Intro"] = new(
            "Lähetä perintään lataa perintätoimiston tiedoston (CSV), jossa ovat toimiston kaikki lähettämättömät tapaukset.",
            "Skicka till indrivning laddar ner byråns fil (CSV) med alla dess ärenden som inte har skickats.",
            "Send to collection downloads the agency's file (CSV) with all its cases not yet sent."),
        ["Collection.Waiting.None"] = new(
            "Kaikki avoimet perintätapaukset on lähetetty.", "Alla öppna indrivningsärenden har skickats.", "Every open case has been sent."),
        ["Collection.Waiting.Cases"] = new("Tapauksia", "Ärenden", "Cases"),
        ["Collection.Send"] = new("Lähetä perintään", "Skicka till indrivning", "Send to collection"),
        ["Collection.SendTo"] = new("Lähetä perintään: {0}", "Skicka till indrivning: {0}", "Send to collection: {0}"),
        ["Collection.Refused"] = new("Mitään ei tallennettu:", "Ingenting sparades:", "Nothing was saved:"),
        ["Collection.Import.Title"] = new("Tuo perintätoimiston tilanne", "Hämta indrivningsbyråns status", "Bring in the agency's status"),
        ["Collection.Import.Intro"] = new(
            "Perintätoimiston tilannetiedosto (CSV, puolipiste erottimena). Jokainen rivi tarkistetaan ensin: jos yksikin rivi on virheellinen, "
            + "mitään ei tallenneta. Tila: IN_PROGRESS (perinnässä), PAID (maksettu), RETURNED (palautettu) tai ENDED (päättynyt); "
            + "päivämäärä muodossa vvvv-kk-pp; peritty summa esim. 123.45.",
            "Indrivningsbyråns statusfil (CSV, semikolon som avgränsare). Varje rad kontrolleras först: om en enda rad är felaktig "
            + "sparas ingenting. Status: IN_PROGRESS (under indrivning), PAID (betald), RETURNED (återlämnad) eller ENDED (avslutad); "
            + "datum som åååå-mm-dd; indrivet belopp t.ex. 123.45.",
            "The agency's status file (CSV, semicolon-separated). Every row is checked first: if a single row is wrong, nothing is saved. "
            + "Status: IN_PROGRESS, PAID, RETURNED or ENDED; the date as yyyy-mm-dd; the amount paid e.g. 123.45."),
        ["Collection.Import.Columns"] = new("Sarakkeet:", "Kolumner:", "Columns:"),
        ["Collection.Import.File"] = new("Tilannetiedosto", "Statusfil", "Status file"),
        ["Collection.Import.Submit"] = new("Tuo tilanne", "Hämta status", "Bring in the status"),
        ["Collection.Import.Saved"] = new(
            "Tilanne tuotu: {0} perintätapausta päivitetty, joista {1} suljettu.",
            "Status hämtad: {0} indrivningsärenden uppdaterade, av dem {1} avslutade.",
            "Status brought in: {0} cases updated, {1} of them closed."),
        ["Collection.HandedOver"] = new("Lähetetty perintätoimistolle", "Skickat till indrivningsbyrån", "Sent to the agency"),
        ["Collection.NotHandedOver"] = new("Ei vielä lähetetty", "Inte skickat ännu", "Not sent yet"),
        ["Collection.AgencyStatus"] = new("Perintätoimiston tilanne", "Indrivningsbyråns status", "The agency's status"),
        ["Collection.AgencyPaid"] = new("peritty {0}", "indrivet {0}", "collected {0}"),
        ["Collection.Export.Intro"] = new(
            "Lataa perintätoimiston tiedosto tästä tapauksesta. Lähetys kirjataan luovutukseksi.",
            "Ladda ner byråns fil för detta ärende. Sändningen registreras som ett utlämnande.",
            "Download the agency's file for this case. The sending is logged as a disclosure."),
        // The case's hand-over fields as the access report names them.
        ["Report.Label.CollectionCase.HandedOverAt"] = new("Lähetetty perintätoimistolle", "Skickad till inkassobyrån", "Sent to the agency"),
        ["Report.Label.CollectionCase.AgencyStatus"] = new("Perintätoimiston tilanne", "Indrivningsbyråns status", "The agency's status"),
        ["Report.Label.CollectionCase.AgencyStatusOn"] = new("Tilanne päivitetty", "Status uppdaterad", "Status as of"),
        ["Report.Label.CollectionCase.AgencyPaid"] = new("Perintätoimiston perimä määrä", "Belopp indrivet av byrån", "Amount collected by the agency"),
        ["AgencyStatus.InProgress"] = new("Perinnässä", "Under indrivning", "In progress"),
        ["AgencyStatus.Paid"] = new("Maksettu", "Betald", "Paid"),
        ["AgencyStatus.Returned"] = new("Palautettu", "Återlämnad", "Returned"),
        ["AgencyStatus.Ended"] = new("Päättynyt", "Avslutad", "Ended"),
    };
}
