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
        CustomerCommunication, Marketing, MarketResearch, CustomerAcquisition, CustomerRelationship, Invoicing,
        Development, DataSubjectRights, LegalObligation, Administration, Security,
    ];

    public static bool IsKnown(string? purpose) => purpose is not null && All.Contains(purpose, StringComparer.Ordinal);
}
