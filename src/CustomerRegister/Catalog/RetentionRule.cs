using CustomerRegister.Localization;
namespace CustomerRegister.Catalog;

/// <summary>
/// How long items of a category are kept and from which event the period counts (notice § 6 and § 11). The
/// periods are configuration (Retention:*); the retention engine computes each item's due date from its rule.
/// The texts are shown to the person in the access report, hence in Finnish, Swedish and English.
/// </summary>
public sealed record RetentionRule(string Id, LocalText StartingEvent, LocalText DefaultPeriod, string Law)
{
    public static readonly RetentionRule CustomerProfile = new(
        "customer-profile",
        new("asiakassuhteen päättyminen", "kundrelationens upphörande", "end of the customer relationship"),
        new("määritettävä (Retention:CustomerProfileMonths), ei koskaan lakisääteisiä aikoja pidempään",
            "konfigurerbar (Retention:CustomerProfileMonths), aldrig längre än de lagstadgade tiderna",
            "configurable (Retention:CustomerProfileMonths), never past the statutory periods"),
        "Notice § 11; GDPR Art 5(1)(e)");

    public static readonly RetentionRule Prospect = new(
        "prospect",
        new("viimeinen yhteydenotto henkilöön, josta ei tullut asiakasta", "senaste kontakten med en person som aldrig blev kund",
            "last contact with a person who never became a customer"),
        new("24 kuukautta (Retention:ProspectMonths)", "24 månader (Retention:ProspectMonths)", "24 months (Retention:ProspectMonths)"),
        "GDPR Art 5(1)(e)");

    public static readonly RetentionRule Voucher = new(
        "accounting-voucher",
        new("sen kalenterivuoden loppu, jona tilikausi päättyi", "slutet av det kalenderår då räkenskapsperioden upphörde",
            "end of the calendar year in which the financial year ended"),
        new("6 vuotta", "6 år", "6 years"),
        "Kirjanpitolaki 1336/1997 ch. 2 § 10");

    public static readonly RetentionRule WasteRecord = new(
        "waste-record",
        new("kirjauksen päivämäärä", "anteckningens datum", "the record's date"),
        new("6 vuotta", "6 år", "6 years"),
        "Jätelaki 646/2011 § 118");

    /// <summary>The owner's identity code on a scrapping certificate: only as long as the deregistration needs it.</summary>
    public static readonly RetentionRule IdentityCodeOnCertificate = new(
        "identity-code-on-certificate",
        new("romutustodistuksen antaminen", "utfärdandet av skrotningsintyget", "issue of the scrapping certificate"),
        new("kunnes ajoneuvon poisto rekisteristä on kirjattu, enintään 90 päivää (Vehicles:IdentityCodeDays)",
            "tills avregistreringen av fordonet har antecknats, högst 90 dagar (Vehicles:IdentityCodeDays)",
            "until the vehicle's deregistration is recorded, at most 90 days (Vehicles:IdentityCodeDays)"),
        "Tietosuojalaki 1050/2018 § 29; GDPR Art 5(1)(c)");

    public static readonly RetentionRule HazardousWasteDocument = new(
        "hazardous-waste-document",
        new("siirtoasiakirjan päivämäärä", "transportdokumentets datum", "the transfer document's date"),
        new("3 vuotta", "3 år", "3 years"),
        "Jätelaki 646/2011 § 121");

    public static readonly RetentionRule CallRecording = new(
        "call-recording",
        new("puhelu", "samtalet", "the call"),
        new("2 kuukautta", "2 månader", "2 months"),
        "Notice § 6");

    public static readonly RetentionRule CctvRecording = new(
        "cctv-recording",
        new("tallenne", "inspelningen", "the recording"),
        new("toimipisteen säilytysaika, enintään 6 kuukautta", "produktionsenhetens tid, högst 6 månader",
            "the production unit's period, at most 6 months"),
        "Notice § 6");

    public static readonly RetentionRule WebBehaviour = new(
        "web-behaviour",
        new("tapahtuma", "händelsen", "the event"),
        new("13 kuukautta (Retention:WebBehaviourMonths)", "13 månader (Retention:WebBehaviourMonths)",
            "13 months (Retention:WebBehaviourMonths)"),
        "GDPR Art 5(1)(e)");

    public static readonly RetentionRule ConsentEvidence = new(
        "consent-evidence",
        new("luvan peruuttaminen tai päättyminen", "återkallelse eller upphörande av tillståndet", "withdrawal or expiry of the permission"),
        new("määritettävä (Retention:ConsentEvidenceMonths)", "konfigurerbar (Retention:ConsentEvidenceMonths)",
            "configurable (Retention:ConsentEvidenceMonths)"),
        "GDPR Art 7(1)");

    public static readonly RetentionRule MarketingProhibition = new(
        "marketing-prohibition",
        new("kielto", "förbudet", "the prohibition"),
        new("niin kauan kuin rekisteriä käytetään markkinointiin (tunnistetiivisteenä)",
            "så länge registret används för marknadsföring (som nyckelhash)",
            "while the register markets at all (kept as a keyed hash)"),
        "GDPR Art 21(3); Laki sähköisen viestinnän palveluista § 200");

    public static readonly RetentionRule RightsRequest = new(
        "rights-request",
        new("pyynnön sulkeminen", "avslutandet av begäran", "closing of the request"),
        new("3 vuotta (Requests:RetentionYears)", "3 år (Requests:RetentionYears)", "3 years (Requests:RetentionYears)"),
        "GDPR Art 5(2) and Art 12 (accountability: evidence that requests were answered in time)");
}
