using CustomerRegister.Localization;
namespace CustomerRegister.Catalog;

/// <summary>
/// Processing purposes (notice § 5) plus the controller's own operational purposes. Every audit event names one.
/// </summary>
public static class Purposes
{
    public const string CustomerRelationship = "customer_relationship";
    public const string Invoicing = "invoicing_and_contracts";
    public const string CustomerCommunication = "customer_communication";
    public const string Marketing = "sales_and_marketing";
    public const string MarketResearch = "opinion_and_market_research";
    public const string CustomerAcquisition = "customer_acquisition";

    /// <summary>Collecting and analysing a known person's web behaviour (page views, downloads, forms): on consent only.</summary>
    public const string WebAnalytics = "web_behaviour_analysis";
    public const string Development = "business_development";
    public const string DataSubjectRights = "data_subject_rights";
    public const string LegalObligation = "legal_obligation";

    /// <summary>Managing staff accounts and integration clients.</summary>
    public const string Administration = "administration";

    /// <summary>Sign-in, audit review and other protection of the register itself (notice § 9).</summary>
    public const string Security = "security";

    /// <summary>The purposes of notice § 5 and the controller's own, in the order the notice lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CustomerCommunication, Marketing, MarketResearch, CustomerAcquisition, WebAnalytics, CustomerRelationship, Invoicing,
        Development, DataSubjectRights, LegalObligation, Administration, Security,
    ];

    public static bool IsKnown(string? purpose) => purpose is not null && All.Contains(purpose, StringComparer.Ordinal);

    /// <summary>The purpose as the person reads it (access report); an unknown id is returned as it is.</summary>
    public static string Name(string purpose, string language) => Names.TryGetValue(purpose, out var name) ? name.In(language) : purpose;

    private static readonly Dictionary<string, LocalText> Names = new(StringComparer.Ordinal)
    {
        [CustomerCommunication] = new("Asiakasviestintä", "Kundkommunikation", "Customer communication"),
        [Marketing] = new("Myynti ja markkinointi", "Försäljning och marknadsföring", "Sales and marketing"),
        [MarketResearch] = new("Mielipide- ja markkinatutkimukset", "Opinions- och marknadsundersökningar", "Opinion and market research"),
        [CustomerAcquisition] = new("Asiakashankinta", "Kundanskaffning", "Customer acquisition"),
        [WebAnalytics] = new("Verkkokäyttäytymisen analysointi", "Analys av webbeteende", "Web-behaviour analysis"),
        [CustomerRelationship] = new("Asiakassuhteen hoitaminen", "Skötsel av kundrelationen", "Managing the customer relationship"),
        [Invoicing] = new("Laskutus ja sopimukset", "Fakturering och avtal", "Invoicing and contracts"),
        [Development] = new("Liiketoiminnan kehittäminen", "Utveckling av affärsverksamheten", "Business development"),
        [DataSubjectRights] = new("Rekisteröidyn oikeuksien toteuttaminen", "Tillgodoseende av den registrerades rättigheter",
            "Handling data-subject rights"),
        [LegalObligation] = new("Lakisääteisten velvoitteiden täyttäminen", "Fullgörande av rättsliga förpliktelser", "Meeting legal obligations"),
        [Administration] = new("Käyttäjä- ja järjestelmähallinta", "Användar- och systemadministration", "User and system administration"),
        [Security] = new("Rekisterin tietoturva", "Registrets informationssäkerhet", "Security of the register"),
    };
}
