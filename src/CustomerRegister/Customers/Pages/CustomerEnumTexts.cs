using CustomerRegister.Localization;

namespace CustomerRegister.Customers.Pages;

/// <summary>
/// One text per value of the customer-service enums, keyed <c>{Enum type}.{value}</c> and read by
/// <see cref="Display.Enum{T}"/>: panels, pages and form choices all say the same word.
/// </summary>
[TextTable]
public static class CustomerEnumTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["ContactChannel.Phone"] = new("Puhelu", "Samtal", "Phone call"),
        ["ContactChannel.Email"] = new("Sähköposti", "E-post", "Email"),
        ["ContactChannel.Visit"] = new("Käynti", "Besök", "Visit"),
        ["ContactChannel.Letter"] = new("Kirje", "Brev", "Letter"),
        ["ContactChannel.Chat"] = new("Chat", "Chatt", "Chat"),
        ["ContactChannel.WebForm"] = new("Verkkolomake", "Webbformulär", "Web form"),
        ["ContactDirection.Inbound"] = new("Saapuva", "Inkommande", "Inbound"),
        ["ContactDirection.Outbound"] = new("Lähtevä", "Utgående", "Outbound"),
        ["RelationshipStatus.Active"] = new("Voimassa", "Gällande", "Active"),
        ["RelationshipStatus.Suspended"] = new("Keskeytetty", "Tillfälligt avbruten", "Suspended"),
        ["RelationshipStatus.Ended"] = new("Päättynyt", "Avslutad", "Ended"),
        ["ContractStatus.Active"] = new("Voimassa", "Gällande", "Active"),
        ["ContractStatus.Suspended"] = new("Keskeytetty", "Tillfälligt avbrutet", "Suspended"),
        ["ContractStatus.Ended"] = new("Päättynyt", "Avslutat", "Ended"),
        ["ServiceStatus.Active"] = new("Käytössä", "Aktiv", "Active"),
        ["ServiceStatus.Suspended"] = new("Keskeytetty", "Tillfälligt avbruten", "Suspended"),
        ["ServiceStatus.Cancelled"] = new("Lopetettu", "Avslutad", "Cancelled"),
        ["ServiceEventKind.Suspended"] = new("Keskeytys", "Tillfälligt avbrott", "Suspension"),
        ["ServiceEventKind.Resumed"] = new("Jatkuminen", "Återupptagning", "Resumption"),
        ["ServiceEventKind.Cancelled"] = new("Lopetus", "Avslut", "Cancellation"),
        ["ReportedBy.Customer"] = new("Asiakas", "Kunden", "The customer"),
        ["ReportedBy.ContactPerson"] = new("Yhteyshenkilö", "Kontaktperson", "A contact person"),
        ["ReportedBy.Staff"] = new("Henkilökunta", "Personalen", "Staff"),
    };
}
