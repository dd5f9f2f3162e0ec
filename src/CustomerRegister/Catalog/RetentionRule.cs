namespace CustomerRegister.Catalog;

/// <summary>
/// How long items of a category are kept and from which event the period counts (notice § 6 and § 11). The
/// periods are configuration (Retention:*); the retention engine computes each item's due date from its rule.
/// </summary>
public sealed record RetentionRule(string Id, string StartingEvent, string DefaultPeriod, string Law)
{
    public static readonly RetentionRule CustomerProfile = new(
        "customer-profile", "end of the customer relationship", "configurable (Retention:CustomerProfileMonths), never past the statutory periods",
        "Notice § 11; GDPR Art 5(1)(e)");

    public static readonly RetentionRule Prospect = new(
        "prospect", "last contact with a person who never became a customer", "24 months (Retention:ProspectMonths)", "GDPR Art 5(1)(e)");

    public static readonly RetentionRule Voucher = new(
        "accounting-voucher", "end of the calendar year in which the financial year ended", "6 years",
        "Kirjanpitolaki 1336/1997 ch. 2 § 10");

    public static readonly RetentionRule WasteRecord = new(
        "waste-record", "the record's date", "6 years", "Jätelaki 646/2011 § 118");

    public static readonly RetentionRule HazardousWasteDocument = new(
        "hazardous-waste-document", "the transfer document's date", "3 years", "Jätelaki 646/2011 § 121");

    public static readonly RetentionRule CallRecording = new(
        "call-recording", "the call", "2 months", "Notice § 6");

    public static readonly RetentionRule CctvRecording = new(
        "cctv-recording", "the recording", "the production unit's period, at most 6 months", "Notice § 6");

    public static readonly RetentionRule WebBehaviour = new(
        "web-behaviour", "the event", "13 months (Retention:WebBehaviourMonths)", "GDPR Art 5(1)(e)");

    public static readonly RetentionRule ConsentEvidence = new(
        "consent-evidence", "withdrawal or expiry of the permission", "configurable (Retention:ConsentEvidenceMonths)",
        "GDPR Art 7(1)");

    public static readonly RetentionRule MarketingProhibition = new(
        "marketing-prohibition", "the prohibition", "while the register markets at all (kept as a keyed hash)",
        "GDPR Art 21(3); Laki sähköisen viestinnän palveluista § 200");

    public static readonly RetentionRule RightsRequest = new(
        "rights-request", "closing of the request", "3 years (Requests:RetentionYears)",
        "GDPR Art 5(2) and Art 12 (accountability: evidence that requests were answered in time)");

    /// <summary>
    /// The due date of an item whose period counts from <paramref name="start"/>, or null where the period is a setting
    /// the retention engine applies. Vouchers count from the end of the calendar year in which the financial year ended
    /// (the start given is that financial year's end, or the voucher's own date when the year is the calendar year).
    /// </summary>
    public DateOnly? DueFrom(DateOnly start) => Id switch
    {
        "accounting-voucher" => new DateOnly(start.Year + 6, 12, 31),
        "waste-record" => start.AddYears(6),
        "hazardous-waste-document" => start.AddYears(3),
        "rights-request" => start.AddYears(3),
        "call-recording" => start.AddMonths(2),
        _ => null,
    };
}
