using CustomerRegister.Localization;

namespace CustomerRegister.Requests.Pages.Panels;

[TextTable]
public static class RequestsPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.Requests.Type"] = new("Pyyntö", "Begäran", "Request"),
        ["Panel.Requests.State"] = new("Tila", "Status", "State"),
        ["Panel.Requests.Received"] = new("Saapunut", "Inkommen", "Received"),
        ["Panel.Requests.Due"] = new("Määräpäivä", "Förfallodag", "Due date"),
        ["Panel.Requests.Overdue"] = new("Myöhässä", "Försenad", "Overdue"),
        ["Panel.Requests.Extended"] = new("Jatkettu", "Förlängd", "Extended"),
        ["Panel.Requests.RequestType.Access"] = new("Tarkastus", "Insyn", "Access"),
        ["Panel.Requests.RequestType.Rectification"] = new("Oikaisu", "Rättelse", "Rectification"),
        ["Panel.Requests.RequestType.Erasure"] = new("Poisto", "Radering", "Erasure"),
        ["Panel.Requests.RequestType.Restriction"] = new("Rajoitus", "Begränsning", "Restriction"),
        ["Panel.Requests.RequestType.ObjectionToMarketing"] = new("Suoramarkkinoinnin vastustus", "Invändning mot direktmarknadsföring", "Objection to direct marketing"),
        ["Panel.Requests.RequestType.ObjectionToProfiling"] = new("Profiloinnin vastustus", "Invändning mot profilering", "Objection to profiling"),
        ["Panel.Requests.RequestType.Portability"] = new("Siirto", "Dataportabilitet", "Portability"),
        ["Panel.Requests.RequestChannel.CustomerServiceMailbox"] = new("asiakaspalvelun sähköposti", "kundtjänstens e-post", "customer service mailbox"),
        ["Panel.Requests.RequestChannel.WebForm"] = new("verkkolomake", "webbformulär", "web form"),
        ["Panel.Requests.RequestChannel.Phone"] = new("puhelin", "telefon", "phone"),
        ["Panel.Requests.RequestChannel.Letter"] = new("kirje", "brev", "letter"),
        ["Panel.Requests.RequestChannel.Visit"] = new("käynti", "besök", "visit"),
        ["Panel.Requests.RequestChannel.Staff"] = new("henkilökunta", "personal", "staff"),
        ["Panel.Requests.RequestState.Received"] = new("Vastaanotettu", "Mottagen", "Received"),
        ["Panel.Requests.RequestState.EmailConfirmed"] = new("Sähköposti vahvistettu", "E-post bekräftad", "Email confirmed"),
        ["Panel.Requests.RequestState.Matched"] = new("Henkilö tunnistettu rekisteristä", "Personen hittad i registret", "Matched"),
        ["Panel.Requests.RequestState.IdentityVerified"] = new("Henkilöllisyys todennettu", "Identitet verifierad", "Identity verified"),
        ["Panel.Requests.RequestState.InProgress"] = new("Käsittelyssä", "Under behandling", "In progress"),
        ["Panel.Requests.RequestState.Completed"] = new("Valmis", "Klar", "Completed"),
        ["Panel.Requests.RequestState.Refused"] = new("Hylätty", "Avslagen", "Refused"),
        ["Panel.Requests.RequestState.Withdrawn"] = new("Peruttu", "Återkallad", "Withdrawn"),
        ["Panel.Requests.RequestState.Duplicate"] = new("Kaksoiskappale", "Dubblett", "Duplicate"),
    };
}
