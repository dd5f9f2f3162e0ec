using CustomerRegister.Localization;

namespace CustomerRegister.Customers.Pages;

/// <summary>The edit and correction pages' words: relationship, contract, service, contact, feedback, consent withdrawal.</summary>
[TextTable]
public static class CustomerEditTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Form.Customer.Edit"] = new("Muokkaa", "Redigera", "Edit"),
        ["Form.Customer.Actions"] = new("Toiminnot", "Åtgärder", "Actions"),
        ["Form.Customer.RelationshipEdit"] = new("Muokkaa asiakkuutta", "Redigera kundrelationen", "Edit the relationship"),
        ["Form.Customer.StatusHint"] = new(
            "Asiakkuus päätetään asiakkuuden sivulta.",
            "Kundrelationen avslutas på dess sida.",
            "A relationship is ended on its page."),
        ["Form.Customer.ContractEdit"] = new("Muokkaa sopimusta", "Redigera avtalet", "Edit the contract"),
        ["Form.Customer.ContractOf"] = new("Sopimus {0} {1}", "Avtal {0} {1}", "Contract {0} {1}"),
        ["Form.Customer.ContractEndHint"] = new(
            "Määräaikaisen sopimuksen viimeinen päivä; pakollinen, kun sopimus on päättynyt.",
            "Ett tidsbundet avtals sista dag; obligatoriskt när avtalet har avslutats.",
            "A fixed-term contract's last day; required once the contract has ended."),
        ["Form.Customer.ServiceEdit"] = new("Muokkaa palvelua", "Redigera tjänsten", "Edit the service"),
        ["Form.Customer.ServiceStateNote"] = new(
            "Palvelun keskeytys, jatkuminen ja lopetus kirjataan asiakkuuden sivulla.",
            "Tjänstens avbrott, återupptagning och avslut registreras på kundrelationens sida.",
            "Suspending, resuming and cancelling the service are recorded on the relationship's page."),
        ["Form.Customer.ContactCorrect"] = new("Korjaa yhteydenotto", "Rätta kontakten", "Correct the contact"),
        ["Form.Customer.DirectionHint"] = new(
            "Saapuva: asiakas otti yhteyttä. Lähtevä: me otimme yhteyttä.",
            "Inkommande: kunden tog kontakt. Utgående: vi tog kontakt.",
            "Inbound: the customer contacted us. Outbound: we contacted them."),
        ["Form.Customer.FeedbackCorrect"] = new("Korjaa palaute", "Rätta responsen", "Correct the feedback"),
        ["Form.Customer.WithdrawTitle"] = new("Lisätiedon suostumuksen peruutus", "Återkallelse av samtycket till tilläggsuppgiften",
            "Withdrawing the consent to additional information"),
        ["Form.Customer.WithdrawEffect"] = new(
            "Kun suostumus perutaan, lisätieto poistetaan heti, koska suostumus oli sen ainoa peruste. Tapahtumalokiin jää merkintä peruutuksesta, ei itse tietoa.",
            "När samtycket återkallas raderas tilläggsuppgiften genast, eftersom samtycket var dess enda grund. Händelseloggen behåller en anteckning om återkallelsen, inte själva uppgiften.",
            "When the consent is withdrawn the information is deleted at once, consent being its only basis. The audit log keeps a note of the withdrawal, not the information."),
        ["Form.Customer.WithdrawConfirm"] = new("Peruuta suostumus ja poista lisätieto", "Återkalla samtycket och radera uppgiften",
            "Withdraw the consent and delete the information"),
        ["Form.Customer.ConsentWithdrawn"] = new("Suostumus peruttu ja lisätieto poistettu.", "Samtycket återkallat och uppgiften raderad.",
            "Consent withdrawn and the information deleted."),
    };
}
