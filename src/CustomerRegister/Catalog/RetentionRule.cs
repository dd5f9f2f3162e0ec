using CustomerRegister.Localization;
namespace CustomerRegister.Catalog;

/// <summary>
/// How long items of a category are kept and from which event the period counts (notice § 6 and § 11). Each rule's
/// <see cref="Period"/> is the default; where it names a setting, the configured amount replaces it
/// (<c>Retention.RetentionDates.PeriodOf</c>), and the due dates, the sweep's bounds and the words shown all derive from
/// that period. The texts are shown to the person in the access report, hence in Finnish, Swedish and English.
/// </summary>
public sealed record RetentionRule(string Id, LocalText StartingEvent, RetentionPeriod Period, string Law)
{
    /// <summary>The default period in words (the configured one: <c>Retention.RetentionDates.PeriodOf(rule).Text</c>).</summary>
    public LocalText DefaultPeriod => Period.Text;

    public static readonly RetentionRule CustomerProfile = new(
        "customer-profile",
        new("asiakassuhteen päättyminen", "kundrelationens upphörande", "end of the customer relationship"),
        RetentionPeriod.Months(24, "Retention:CustomerProfileMonths") with
        {
            After = new(", ei koskaan lakisääteisiä aikoja pidempään", ", aldrig längre än de lagstadgade tiderna", ", never past the statutory periods"),
        },
        "Notice § 11; GDPR Art 5(1)(e)");

    public static readonly RetentionRule Prospect = new(
        "prospect",
        new("viimeinen yhteydenotto henkilöön, josta ei tullut asiakasta", "senaste kontakten med en person som aldrig blev kund",
            "last contact with a person who never became a customer"),
        RetentionPeriod.Months(24, "Retention:ProspectMonths"),
        "GDPR Art 5(1)(e)");

    public static readonly RetentionRule Voucher = new(
        "accounting-voucher",
        new("sen kalenterivuoden loppu, jona tilikausi päättyi", "slutet av det kalenderår då räkenskapsperioden upphörde",
            "end of the calendar year in which the financial year ended"),
        RetentionPeriod.Years(6) with { FinancialYearEnd = (12, 31) },
        "Kirjanpitolaki 1336/1997 ch. 2 § 10");

    public static readonly RetentionRule WasteRecord = new(
        "waste-record",
        new("kirjauksen päivämäärä", "anteckningens datum", "the record's date"),
        RetentionPeriod.Years(6),
        "Jätelaki 646/2011 § 118");

    /// <summary>The owner's identity code on a scrapping certificate: only as long as the deregistration needs it.</summary>
    public static readonly RetentionRule IdentityCodeOnCertificate = new(
        "identity-code-on-certificate",
        new("romutustodistuksen antaminen", "utfärdandet av skrotningsintyget", "issue of the scrapping certificate"),
        RetentionPeriod.Days(90, "Vehicles:IdentityCodeDays") with
        {
            Before = new("kunnes ajoneuvon poisto rekisteristä on kirjattu, enintään ", "tills avregistreringen av fordonet har antecknats, högst ",
                "until the vehicle's deregistration is recorded, at most "),
        },
        "Tietosuojalaki 1050/2018 § 29; GDPR Art 5(1)(c)");

    public static readonly RetentionRule HazardousWasteDocument = new(
        "hazardous-waste-document",
        new("siirtoasiakirjan päivämäärä", "transportdokumentets datum", "the transfer document's date"),
        RetentionPeriod.Years(3),
        "Jätelaki 646/2011 § 121");

    public static readonly RetentionRule CallRecording = new(
        "call-recording",
        new("puhelu", "samtalet", "the call"),
        RetentionPeriod.Months(2),
        "Notice § 6");

    public static readonly RetentionRule CctvRecording = new(
        "cctv-recording",
        new("tallenne", "inspelningen", "the recording"),
        RetentionPeriod.Months(Recordings.RecordingRules.MaxCctvMonths) with
        {
            Before = new("toimipisteen säilytysaika, enintään ", "produktionsenhetens tid, högst ", "the production unit's period, at most "),
            Dated = false,
        },
        "Notice § 6");

    public static readonly RetentionRule WebBehaviour = new(
        "web-behaviour",
        new("tapahtuma", "händelsen", "the event"),
        RetentionPeriod.Months(13, "Retention:WebBehaviourMonths"),
        "GDPR Art 5(1)(e)");

    public static readonly RetentionRule ConsentEvidence = new(
        "consent-evidence",
        new("luvan peruuttaminen tai päättyminen", "återkallelse eller upphörande av tillståndet", "withdrawal or expiry of the permission"),
        RetentionPeriod.Months(24, "Retention:ConsentEvidenceMonths"),
        "GDPR Art 7(1)");

    public static readonly RetentionRule MarketingProhibition = new(
        "marketing-prohibition",
        new("kielto", "förbudet", "the prohibition"),
        RetentionPeriod.While(new("niin kauan kuin rekisteriä käytetään markkinointiin (tunnistetiivisteenä)",
            "så länge registret används för marknadsföring (som nyckelhash)", "while the register markets at all (kept as a keyed hash)")),
        "GDPR Art 21(3); Laki sähköisen viestinnän palveluista § 200");

    public static readonly RetentionRule RightsRequest = new(
        "rights-request",
        new("pyynnön sulkeminen", "avslutandet av begäran", "closing of the request"),
        RetentionPeriod.Years(3, "Requests:RetentionYears"),
        "GDPR Art 5(2) and Art 12 (accountability: evidence that requests were answered in time)");

    /// <summary>The breach register (Breaches/): each breach documented (Art 33(5)) and kept five years from its recording.</summary>
    public static readonly RetentionRule BreachRecord = new(
        "breach-record",
        new("loukkauksen kirjaaminen", "registreringen av incidenten", "recording of the breach"),
        RetentionPeriod.Years(5),
        "GDPR Art 33(5) and Art 5(2) (accountability: every personal-data breach documented)");
}
