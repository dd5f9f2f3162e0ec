using CustomerRegister.Identity;
using static CustomerRegister.Catalog.LegalBasis;

namespace CustomerRegister.Catalog;

/// <summary>The register's data categories, one for each kind of item the notice § 6 names.</summary>
public static class Categories
{
    private static readonly DataUse[] Relationship =
    [
        new(Purposes.CustomerRelationship, Contract),
        new(Purposes.CustomerCommunication, Contract),
        new(Purposes.Invoicing, Contract),
        new(Purposes.Marketing, LegitimateInterest),
        new(Purposes.Development, LegitimateInterest),
    ];

    public static readonly DataCategory Name = new(
        "contact.name", "Nimi", "Namn", "Name", Relationship,
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory Email = new(
        "contact.email", "Sähköpostiosoite", "E-postadress", "Email address", Relationship,
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory Phone = new(
        "contact.phone", "Puhelinnumero", "Telefonnummer", "Phone number", Relationship,
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory Address = new(
        "contact.address", "Osoite", "Adress", "Address", Relationship,
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory Role = new(
        "contact.role", "Tehtävä ja asema yrityksessä", "Uppgift och ställning i företaget", "Title and position in the organisation",
        [new(Purposes.CustomerRelationship, LegitimateInterest), new(Purposes.Marketing, LegitimateInterest)],
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    /// <summary>A sole trader's business name, ID and address: personal data only for a sole trader.</summary>
    public static readonly DataCategory SoleTrader = new(
        "organisation.sole_trader", "Elinkeinonharjoittajan yritystiedot", "Enskild näringsidkares företagsuppgifter",
        "Sole trader's business details", Relationship,
        RetentionRule.CustomerProfile, ErasureAction.Anonymise, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory IdentityCode = new(
        "identity.personal_identity_code", "Henkilötunnus (romutustodistukset)", "Personbeteckning (skrotningsintyg)",
        "Personal identity code (scrapping certificates)",
        [new(Purposes.LegalObligation, LegalObligation)],
        RetentionRule.IdentityCodeOnCertificate, ErasureAction.RestrictUntilDue, Permissions.VehicleRead, Permissions.VehicleWrite,
        Masked: true, RevealPermission: Permissions.IdentityCodeReveal, Sensitive: true);

    public static readonly DataCategory BankAccount = new(
        "financial.bank_account", "Tilinumero (metallihyvitykset)", "Kontonummer (metallgottgörelser)", "Bank account (metal credits)",
        [new(Purposes.Invoicing, Contract)],
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.BillingWrite,
        Masked: true, RevealPermission: Permissions.BankAccountReveal, Sensitive: true);

    public static readonly DataCategory CustomerRelationship = new(
        "customer.relationship", "Asiakassuhteen tiedot (asiakas- ja sopimusnumero)", "Kundrelationens uppgifter (kund- och avtalsnummer)",
        "Customer relationship (customer and contract numbers)",
        [new(Purposes.CustomerRelationship, Contract), new(Purposes.Invoicing, Contract)],

        // Profile data, not a voucher: it leaves with the profile. Vouchers keep their own copy of what accounting needs.
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory OrderedServices = new(
        "customer.services", "Tilatut palvelut, keskeytykset ja peruutukset", "Beställda tjänster, avbrott och uppsägningar",
        "Ordered services, suspensions and cancellations",
        [new(Purposes.CustomerRelationship, Contract), new(Purposes.Development, LegitimateInterest)],
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory ContactHistory = new(
        "customer.contact_history", "Kontaktihistoria ja yhteydenotot", "Kontakthistorik", "Contact history",
        [new(Purposes.CustomerRelationship, LegitimateInterest), new(Purposes.CustomerCommunication, LegitimateInterest)],
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory MarketingPermission = new(
        "marketing.permission", "Suoramarkkinointiluvat ja -kiellot", "Direktmarknadsföringstillstånd och -förbud",
        "Direct-marketing permissions and prohibitions",
        [new(Purposes.Marketing, Consent), new(Purposes.LegalObligation, LegalObligation)],
        RetentionRule.ConsentEvidence, ErasureAction.KeepAsKeyedHash, Permissions.MarketingRead, Permissions.MarketingWrite);

    public static readonly DataCategory Survey = new(
        "marketing.survey", "Asiakaskyselyiden tulokset", "Resultat av kundenkäter", "Customer survey results",
        [new(Purposes.MarketResearch, LegitimateInterest), new(Purposes.Development, LegitimateInterest)],
        RetentionRule.CustomerProfile, ErasureAction.Anonymise, Permissions.MarketingRead, Permissions.MarketingWrite);

    public static readonly DataCategory MarketingEvent = new(
        "marketing.event", "Kutsut ja osallistumiset markkinointitapahtumiin", "Inbjudningar och deltagande i marknadsföringsevenemang",
        "Invitations to and participation in marketing events",
        [new(Purposes.Marketing, LegitimateInterest)],
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.MarketingRead, Permissions.MarketingWrite);

    public static readonly DataCategory WebBehaviour = new(
        "behaviour.web", "Verkkokäyttäytymistiedot", "Uppgifter om webbeteende", "Web-behaviour data",
        [new(Purposes.WebAnalytics, Consent)],
        RetentionRule.WebBehaviour, ErasureAction.Delete, Permissions.MarketingRead, Permissions.WebEventWrite);

    public static readonly DataCategory Feedback = new(
        "customer.feedback", "Asiakaspalautteet", "Kundrespons", "Customer feedback",
        [new(Purposes.CustomerRelationship, LegitimateInterest), new(Purposes.Development, LegitimateInterest)],
        RetentionRule.CustomerProfile, ErasureAction.Anonymise, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory Invoice = new(
        "billing.invoice", "Laskutustiedot", "Faktureringsuppgifter", "Invoicing data",
        [new(Purposes.Invoicing, Contract), new(Purposes.LegalObligation, LegalObligation)],
        RetentionRule.Voucher, ErasureAction.RestrictUntilDue, Permissions.BillingRead, Permissions.BillingWrite);

    public static readonly DataCategory Payment = new(
        "billing.payment", "Maksutiedot", "Betalningsuppgifter", "Payment data",
        [new(Purposes.Invoicing, Contract), new(Purposes.LegalObligation, LegalObligation)],
        RetentionRule.Voucher, ErasureAction.RestrictUntilDue, Permissions.BillingRead, Permissions.BillingWrite);

    public static readonly DataCategory Collection = new(
        "billing.collection", "Perintään liittyvät tiedot", "Uppgifter om indrivning", "Debt-collection data",
        [new(Purposes.Invoicing, LegitimateInterest), new(Purposes.LegalObligation, LegalObligation)],
        RetentionRule.Voucher, ErasureAction.RestrictUntilDue, Permissions.BillingRead, Permissions.BillingWrite);

    public static readonly DataCategory MetalCredit = new(
        "billing.metal_credit", "Metallihyvitysten maksut", "Utbetalningar av metallgottgörelser", "Metal-credit payouts",
        [new(Purposes.Invoicing, Contract), new(Purposes.LegalObligation, LegalObligation)],
        RetentionRule.Voucher, ErasureAction.RestrictUntilDue, Permissions.BillingRead, Permissions.BillingWrite);

    public static readonly DataCategory VehicleScrapping = new(
        "vehicle.scrapping", "Romutustodistukset", "Skrotningsintyg", "Vehicle scrapping certificates",
        [new(Purposes.LegalObligation, LegalObligation), new(Purposes.CustomerRelationship, Contract)],
        RetentionRule.WasteRecord, ErasureAction.RestrictUntilDue, Permissions.VehicleRead, Permissions.VehicleWrite);

    public static readonly DataCategory AdditionalInfo = new(
        "customer.additional_info", "Asiakkaan itse antamat ja suostumuksella kerätyt lisätiedot",
        "Tilläggsuppgifter som kunden gett eller som samlats in med samtycke",
        "Additional information given by the customer or collected with consent",
        [new(Purposes.CustomerRelationship, Consent)],
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    public static readonly DataCategory CallRecording = new(
        "recording.call", "Asiakastuen puhelunauhoitteet", "Inspelningar av kundtjänstsamtal", "Customer-service call recordings",
        [new(Purposes.CustomerRelationship, LegitimateInterest), new(Purposes.Development, LegitimateInterest)],
        RetentionRule.CallRecording, ErasureAction.Delete, Permissions.RecordingRead, Permissions.RecordingUpload);

    public static readonly DataCategory CctvRecording = new(
        "recording.cctv", "Valvontakameroiden tallenteet", "Övervakningskamerornas inspelningar", "CCTV recordings",
        [new(Purposes.LegalObligation, LegitimateInterest)],
        RetentionRule.CctvRecording, ErasureAction.Delete, Permissions.RecordingRead, Permissions.RecordingUpload);

    /// <summary>Normalised copies of names, phone numbers and emails kept only to find people; erased with them.</summary>
    public static readonly DataCategory SearchIndex = new(
        "derived.search_index", "Hakuhakemisto (nimistä, puhelinnumeroista ja sähköposteista johdettu)",
        "Sökindex (härlett ur namn, telefonnummer och e-post)", "Search index (derived from names, phone numbers and emails)",
        Relationship, RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.CustomerRead, Permissions.CustomerWrite);

    /// <summary>
    /// Results of automated profiling (notice § 13): a segment and service interests with the inputs and rule behind each,
    /// used for marketing selection only (Profiling/README.md); replaced nightly, removed at an objection or a restriction.
    /// </summary>
    public static readonly DataCategory Profiling = new(
        "derived.profiling", "Profiloinnin tulokset (asiakassegmentti ja palvelukiinnostukset)",
        "Profileringsresultat (kundsegment och tjänsteintressen)", "Profiling results (customer segment and service interests)",
        [new(Purposes.Marketing, LegitimateInterest)],
        RetentionRule.CustomerProfile, ErasureAction.Delete, Permissions.MarketingRead, Permissions.RequestHandle);

    /// <summary>What a person asked under GDPR Art 12–22 and how it was handled: kept as evidence of compliance.</summary>
    public static readonly DataCategory RightsRequest = new(
        "rights.request", "Rekisteröidyn pyynnöt", "Den registrerades begäranden", "Data-subject requests",
        [new(Purposes.DataSubjectRights, LegalObligation)],
        RetentionRule.RightsRequest, ErasureAction.RestrictUntilDue, Permissions.RequestRead, Permissions.RequestHandle);

    public static IReadOnlyList<DataCategory> All { get; } =
    [
        Name, Email, Phone, Address, Role, SoleTrader, IdentityCode, BankAccount, CustomerRelationship, OrderedServices,
        ContactHistory, MarketingPermission, Survey, MarketingEvent, WebBehaviour, Feedback, Invoice, Payment, Collection,
        MetalCredit, VehicleScrapping, AdditionalInfo, CallRecording, CctvRecording, SearchIndex, Profiling, RightsRequest,
    ];

    public static DataCategory Get(string id) =>
        All.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"Unknown data category {id}");
}
