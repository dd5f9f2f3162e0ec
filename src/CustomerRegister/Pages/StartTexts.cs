using CustomerRegister.Localization;

namespace CustomerRegister.Pages;

/// <summary>The start page's texts: each role's block and its lists.</summary>
[TextTable]
public static class StartTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Start.Role.CustomerService"] = new("Asiakaspalvelu", "Kundtjänst", "Customer service"),
        ["Start.Role.Billing"] = new("Laskutus", "Fakturering", "Billing"),
        ["Start.Role.VehicleReception"] = new("Romutuksen vastaanotto", "Skrotningsmottagning", "Scrap-yard reception"),
        ["Start.Role.Marketing"] = new("Markkinointi", "Marknadsföring", "Marketing"),
        ["Start.Role.DataProtectionOfficer"] = new("Tietosuojavastaava", "Dataskyddsombud", "Data protection officer"),
        ["Start.Role.Auditor"] = new("Tarkastaja", "Granskare", "Auditor"),
        ["Start.Role.Administrator"] = new("Pääkäyttäjä", "Huvudanvändare", "Administrator"),
        ["Start.RecentContacts"] = new("Viimeisimmät yhteydenotot", "Senaste kontakter", "Recent contacts"),
        ["Start.OpenFeedback"] = new("Käsittelemättömät palautteet", "Obehandlad respons", "Open feedback"),
        ["Start.Overdue"] = new("Myöhässä olevat laskut ({0})", "Försenade fakturor ({0})", "Overdue invoices ({0})"),
        ["Start.Open"] = new("Avoimet laskut ({0})", "Öppna fakturor ({0})", "Open invoices ({0})"),
        ["Start.Cases"] = new("Avoimet perintätapaukset ({0})", "Öppna indrivningsärenden ({0})", "Open collection cases ({0})"),
        ["Start.ToBilling"] = new("Kaikki laskut ja perintä", "Alla fakturor och indrivning", "All invoices and collection"),
        ["Start.TodayCertificates"] = new("Tämän päivän romutustodistukset", "Dagens skrotningsintyg", "Today's scrapping certificates"),
        ["Start.TodayPayouts"] = new("Tämän päivän metallihyvitykset", "Dagens metallgottgörelser", "Today's metal-credit payouts"),
        ["Start.PayoutSummary"] = new("{0} maksua, yhteensä {1}", "{0} utbetalningar, totalt {1}", "{0} payouts, {1} in total"),
        ["Start.ToReception"] = new("Vastaanottoon", "Till mottagningen", "To the desk"),
        ["Start.UpcomingEvents"] = new("Tulevat tapahtumat", "Kommande evenemang", "Upcoming events"),
        ["Start.ToMarketing"] = new("Tapahtumat ja suostumukset", "Evenemang och samtycken", "Events and consents"),
        ["Start.DeskComing"] = new(
            "Oma työpöytäsi valmistuu seuraavaksi. Nyt voit avata:", "Ditt eget skrivbord kommer härnäst. Nu kan du öppna:",
            "Your own desk comes next. You may open now:"),
        ["Start.ShowingFirst"] = new("Näytetään {0} ensimmäistä.", "De {0} första visas.", "Showing the first {0}."),
        ["Start.Col.When"] = new("Aika", "Tid", "When"),
        ["Start.Col.Person"] = new("Henkilö", "Person", "Person"),
        ["Start.Col.Channel"] = new("Kanava", "Kanal", "Channel"),
        ["Start.Col.Summary"] = new("Aihe", "Ärende", "Summary"),
        ["Start.Col.Feedback"] = new("Palaute", "Respons", "Feedback"),
        ["Start.Col.Rating"] = new("Arvio", "Betyg", "Rating"),
        ["Start.Col.Invoice"] = new("Lasku", "Faktura", "Invoice"),
        ["Start.Col.Customer"] = new("Asiakas", "Kund", "Customer"),
        ["Start.Col.DueDate"] = new("Eräpäivä", "Förfallodag", "Due date"),
        ["Start.Col.Amount"] = new("Summa", "Belopp", "Amount"),
        ["Start.Col.Agency"] = new("Perintätoimisto", "Indrivningsbyrå", "Collection agency"),
        ["Start.Col.Opened"] = new("Avattu", "Öppnat", "Opened"),
        ["Start.Col.Certificate"] = new("Todistus", "Intyg", "Certificate"),
        ["Start.Col.Registration"] = new("Rekisterinumero", "Registreringsnummer", "Registration number"),
        ["Start.Col.Vehicle"] = new("Ajoneuvo", "Fordon", "Vehicle"),
        ["Start.Col.Owner"] = new("Omistaja", "Ägare", "Owner"),
        ["Start.Col.Material"] = new("Materiaali", "Material", "Material"),
        ["Start.Col.Event"] = new("Tapahtuma", "Evenemang", "Event"),
        ["Start.Col.Date"] = new("Päivä", "Datum", "Date"),
        ["Start.Col.Place"] = new("Paikka", "Plats", "Place"),
        ["Start.Col.Invited"] = new("Kutsuttu", "Inbjudna", "Invited"),
        ["Start.Col.Registered"] = new("Ilmoittautunut", "Anmälda", "Registered"),
    };
}
