using CustomerRegister.Localization;

namespace CustomerRegister.Customers.Pages.Panels;

/// <summary>The person page's and organisation page's words for relationships, contacts, feedback and additional information.</summary>
[TextTable]
public static class CustomerPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.Relationships.New"] = new("+ Uusi asiakkuus", "+ Ny kundrelation", "+ New relationship"),
        ["Panel.Relationships.CustomerNumber"] = new("Asiakasnumero {0}", "Kundnummer {0}", "Customer number {0}"),
        ["Panel.Relationships.Period"] = new("Voimassa", "Giltig", "Valid"),
        ["Panel.Relationships.Contracts"] = new("Sopimukset", "Avtal", "Contracts"),
        ["Panel.Relationships.Contract"] = new("Sopimus", "Avtal", "Contract"),
        ["Panel.Relationships.Services"] = new("Palvelut", "Tjänster", "Services"),
        ["Panel.Relationships.Service"] = new("Palvelu", "Tjänst", "Service"),
        ["Panel.Relationships.State"] = new("Tila", "Status", "State"),
        ["Panel.Relationships.Start"] = new("Alkaa", "Börjar", "Starts"),
        ["Panel.Relationships.End"] = new("Päättyy", "Slutar", "Ends"),
        ["Panel.Relationships.Ordered"] = new("tilattu {0}", "beställd {0}", "ordered {0}"),
        ["Panel.Relationships.NoContracts"] = new("Ei sopimuksia.", "Inga avtal.", "No contracts."),
        ["Panel.Relationships.NoServices"] = new("Ei palveluja.", "Inga tjänster.", "No services."),
        ["Panel.Relationships.ReportedBy"] = new("ilmoittaja: {0}", "anmäld av: {0}", "reported by: {0}"),

        ["Panel.ContactHistory.New"] = new("+ Uusi yhteydenotto", "+ Ny kontakt", "+ New contact"),

        ["Panel.Feedback.New"] = new("+ Uusi palaute", "+ Ny respons", "+ New feedback"),
        ["Panel.Feedback.Rating"] = new("arvio {0}", "betyg {0}", "rating {0}"),
        ["Panel.Feedback.Handled"] = new("Käsitelty", "Behandlad", "Handled"),
        ["Panel.Feedback.Open"] = new("Käsittelemättä", "Obehandlad", "Not handled"),
        ["Panel.Feedback.MarkHandled"] = new("Merkitse käsitellyksi", "Markera som behandlad", "Mark handled"),

        ["Panel.History.Correct"] = new("Korjaa", "Rätta", "Correct"),
        ["Panel.AdditionalInfo.Withdraw"] = new("Peruuta suostumus", "Återkalla samtycket", "Withdraw the consent"),
        ["Panel.AdditionalInfo.New"] = new("+ Uusi lisätieto", "+ Ny tilläggsuppgift", "+ New additional information"),
        ["Panel.AdditionalInfo.Consent"] = new("Suostumus", "Samtycke", "Consent"),
        ["Panel.AdditionalInfo.ConsentGiven"] = new("annettu {0}", "givet {0}", "given {0}"),
        ["Panel.AdditionalInfo.Version"] = new("versio {0}", "version {0}", "version {0}"),

        ["Organisation.Panel.Edit"] = new("Muokkaa", "Redigera", "Edit"),
        ["Organisation.Panel.NewContact"] = new("+ Uusi yhteyshenkilö", "+ Ny kontaktperson", "+ New contact person"),
        ["Organisation.Panel.Contacts"] = new("Yhteyshenkilöt", "Kontaktpersoner", "Contact persons"),
        ["Organisation.Panel.NoContacts"] = new("Ei yhteyshenkilöitä.", "Inga kontaktpersoner.", "No contact persons."),
        ["Organisation.Panel.Details"] = new("Perustiedot", "Grunduppgifter", "Details"),
        ["Organisation.Panel.SoleTraderPerson"] = new("Elinkeinonharjoittajan henkilösivu", "Den enskilda näringsidkarens personsida", "The sole trader's person page"),
        ["Organisation.Panel.Back"] = new("Takaisin hakuun", "Tillbaka till sökningen", "Back to search"),
    };
}
