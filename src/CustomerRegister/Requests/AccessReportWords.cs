using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>One topic of the access letter ("Yhteystietosi"): the catalogue categories it tells about, in this order.</summary>
public sealed record LetterTopic(string Id, LocalText Title, IReadOnlyList<DataCategory> Categories);

/// <summary>
/// The words of the access letter and of the letters to a person: topics, retention in words derived from the catalogue's
/// rules, field labels, item kinds, enum values, sources and legal bases — never a table, column, enum or setting name.
/// </summary>
public static partial class AccessReportWords
{
    /// <summary>The letter's topics; every catalogue category but the search index belongs to exactly one.</summary>
    public static IReadOnlyList<LetterTopic> Topics { get; } =
    [
        new("contact", new("Yhteystietosi", "Dina kontaktuppgifter", "Your contact details"),
            [Categories.Name, Categories.Address, Categories.Phone, Categories.Email, Categories.Role, Categories.SoleTrader]),
        new("customer", new("Asiakkuutesi", "Din kundrelation", "Your customer relationship"),
            [Categories.CustomerRelationship, Categories.OrderedServices, Categories.ContactHistory, Categories.Feedback, Categories.AdditionalInfo]),
        new("billing", new("Laskusi ja maksusi", "Dina fakturor och betalningar", "Your invoices and payments"),
            [Categories.Invoice, Categories.Payment, Categories.Collection, Categories.MetalCredit, Categories.BankAccount]),
        new("vehicles", new("Romutetut ajoneuvosi", "Dina skrotade fordon", "Your scrapped vehicles"),
            [Categories.VehicleScrapping, Categories.IdentityCode]),
        new("marketing", new("Markkinointi", "Marknadsföring", "Marketing"),
            [Categories.MarketingPermission, Categories.MarketingEvent, Categories.Survey, Categories.WebBehaviour, Categories.Profiling]),
        new("recordings", new("Tallenteet", "Inspelningar", "Recordings"), [Categories.CallRecording, Categories.CctvRecording]),
        new("requests", new("Pyyntösi", "Dina begäranden", "Your requests"), [Categories.RightsRequest]),
    ];

    public static LetterTopic TopicOf(string categoryId) => Topics.First(t => t.Categories.Any(c => c.Id == categoryId));

    // "säilytetään {0} asiakkuuden päättymisestä": {0} is the rule's (configured) amount and unit in words.
    private static readonly Dictionary<string, LocalText> RetentionSentences = new(StringComparer.Ordinal)
    {
        [RetentionRule.CustomerProfile.Id] = new(
            "Säilytetään {0} asiakkuuden päättymisestä.", "Sparas i {0} efter att kundrelationen upphört.",
            "Kept for {0} after the customer relationship ends."),
        [RetentionRule.Prospect.Id] = new(
            "Säilytetään {0} viimeisestä yhteydenotosta, jos et ole asiakkaamme.", "Sparas i {0} efter den senaste kontakten, om du inte är kund hos oss.",
            "Kept for {0} after our last contact, if you are not our customer."),
        [RetentionRule.Voucher.Id] = new(
            "Kirjanpitolaki velvoittaa säilyttämään nämä {0} sen vuoden lopusta, jona tilikausi päättyi.",
            "Bokföringslagen kräver att de sparas i {0} från utgången av det år då räkenskapsperioden upphörde.",
            "The Accounting Act requires us to keep these for {0} from the end of the year in which the financial year ended."),
        [RetentionRule.WasteRecord.Id] = new(
            "Jätelaki velvoittaa säilyttämään nämä {0} todistuksen päivämäärästä.", "Avfallslagen kräver att de sparas i {0} från intygets datum.",
            "The Waste Act requires us to keep these for {0} from the certificate's date."),
        [RetentionRule.IdentityCodeOnCertificate.Id] = new(
            "Henkilötunnus säilytetään vain, kunnes ajoneuvon poisto rekisteristä on kirjattu, enintään {0} todistuksen antamisesta.",
            "Personbeteckningen sparas bara tills fordonets avregistrering har antecknats, högst {0} från att intyget utfärdades.",
            "The identity code is kept only until the vehicle's deregistration is recorded, at most {0} from the certificate's issue."),
        [RetentionRule.HazardousWasteDocument.Id] = new(
            "Jätelaki velvoittaa säilyttämään nämä {0} asiakirjan päivämäärästä.", "Avfallslagen kräver att de sparas i {0} från dokumentets datum.",
            "The Waste Act requires us to keep these for {0} from the document's date."),
        [RetentionRule.BreachRecord.Id] = new(
            "Tietoturvaloukkausten kirjaukset säilytetään {0} kirjaamisesta.", "Registreringar av personuppgiftsincidenter sparas i {0} från registreringen.",
            "Records of personal-data breaches are kept for {0} from their recording."),
        [RetentionRule.CallRecording.Id] = new("Säilytetään {0} puhelusta.", "Sparas i {0} efter samtalet.", "Kept for {0} after the call."),
        [RetentionRule.CctvRecording.Id] = new(
            "Säilytetään toimipisteen säilytysajan, enintään {0} tallentamisesta.", "Sparas under verksamhetsställets tid, högst {0} efter inspelningen.",
            "Kept for the site's period, at most {0} after recording."),
        [RetentionRule.WebBehaviour.Id] = new("Säilytetään {0} käynnistä.", "Sparas i {0} efter besöket.", "Kept for {0} after the visit."),
        [RetentionRule.ConsentEvidence.Id] = new(
            "Säilytetään {0} luvan peruuttamisesta tai päättymisestä, jotta voimme osoittaa, mitä olet meille sallinut.",
            "Sparas i {0} efter att tillståndet återkallats eller upphört, så att vi kan visa vad du har tillåtit.",
            "Kept for {0} after the permission is withdrawn or ends, so that we can show what you allowed."),
        [RetentionRule.MarketingProhibition.Id] = new(
            "Kielto säilytetään tunnisteena niin kauan kuin markkinoimme, jotta et saa markkinointia uudelleen.",
            "Förbudet sparas som en kod så länge vi marknadsför, så att du inte får marknadsföring igen.",
            "The prohibition is kept as a code for as long as we market at all, so that you do not receive marketing again."),
        [RetentionRule.RightsRequest.Id] = new(
            "Säilytetään {0} pyynnön käsittelyn päättymisestä, jotta voimme osoittaa vastanneemme pyyntöihisi ajallaan.",
            "Sparas i {0} efter att begäran avslutats, så att vi kan visa att vi svarat på dina begäranden i tid.",
            "Kept for {0} after the request is closed, so that we can show we answered your requests in time."),
    };

    /// <summary>Every retention rule the catalogue declares (public static fields of <see cref="RetentionRule"/>).</summary>
    public static IReadOnlyList<RetentionRule> Rules { get; } =
    [
        .. typeof(RetentionRule).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RetentionRule)).Select(f => (RetentionRule)f.GetValue(null)!),
    ];

    public static bool HasSentence(RetentionRule rule) => RetentionSentences.ContainsKey(rule.Id);

    /// <summary>
    /// How long, in words, from the rule and its configured period: "Säilytetään 24 kuukautta asiakkuuden päättymisestä.".
    /// The amount and unit come from <paramref name="period"/> (the catalogue's period or the configured one).
    /// </summary>
    public static string Retention(RetentionRule rule, RetentionPeriod period, string language) =>
        string.Format(CultureInfo.InvariantCulture, RetentionSentences[rule.Id].In(language), Amount(period, language));

    /// <summary>"24 kuukautta", "1 vuoden", "6 år", "90 days".</summary>
    public static string Amount(RetentionPeriod period, string language)
    {
        if (period.Unit == PeriodUnit.None)
        {
            return "";
        }

        var one = period.Amount == 1;
        var unit = period.Unit switch
        {
            PeriodUnit.Days => one ? new LocalText("päivän", "dag", "day") : new LocalText("päivää", "dagar", "days"),
            PeriodUnit.Months => one ? new LocalText("kuukauden", "månad", "month") : new LocalText("kuukautta", "månader", "months"),
            _ => one ? new LocalText("vuoden", "år", "year") : new LocalText("vuotta", "år", "years"),
        };
        return $"{period.Amount.ToString(CultureInfo.InvariantCulture)} {unit.In(language)}";
    }

    private static readonly Dictionary<LegalBasis, LocalText> Bases = new()
    {
        [LegalBasis.Contract] = new("sopimuksemme perusteella", "på grund av vårt avtal", "under our contract"),
        [LegalBasis.LegalObligation] = new("koska laki sitä edellyttää", "eftersom lagen kräver det", "because the law requires it"),
        [LegalBasis.LegitimateInterest] = new("oikeutetun etumme perusteella", "på grund av vårt berättigade intresse", "on the basis of our legitimate interest"),
        [LegalBasis.Consent] = new("suostumuksesi perusteella", "med ditt samtycke", "with your consent"),
    };

    /// <summary>
    /// The purposes by legal basis in words: "sopimuksemme perusteella (asiakassuhteen hoitaminen, laskutus ja sopimukset) ja
    /// oikeutetun etumme perusteella (myynti ja markkinointi)".
    /// </summary>
    public static string Uses(IEnumerable<DataUse> uses, string language) =>
        List([.. uses.Distinct().GroupBy(u => u.Basis).Select(g => $"{Bases[g.Key].In(language)} ("
            + string.Join(", ", g.Select(u => Lower(Purposes.Name(u.Purpose, language))).Distinct()) + ")")], language);

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static readonly Dictionary<DataSource, LocalText> Sources = new()
    {
        [DataSource.CustomerOrganisation] = new("asiakasyritykseltä tai sen työntekijöiltä", "från kundföretaget eller dess anställda",
            "from the customer organisation or its staff"),
        [DataSource.Consumer] = new("sinulta itseltäsi", "från dig själv", "from you"),
        [DataSource.PublicSources] = new("julkisista lähteistä ja kaupallisista rekistereistä", "från offentliga källor och kommersiella register",
            "from public sources and commercial registers"),
        [DataSource.Referrer] = new("suosittelijalta", "från en rekommendatör", "from someone who recommended you"),
        [DataSource.PartnerNetwork] = new("kumppaniverkostoltamme", "från vårt partnernätverk", "from our partner network"),
        [DataSource.ProspectingTool] = new("asiakashankinnan työkaluista", "från verktyg för kundanskaffning", "from prospecting tools"),
        [DataSource.OwnSystems] = new("omista järjestelmistämme palveluitamme käyttäessäsi", "från våra egna system när du använder våra tjänster",
            "from our own systems while you use our services"),
    };

    /// <summary>Where an item came from in words, or null for an unknown source.</summary>
    public static string? Source(string? stored, string language) =>
        stored is not null && Enum.TryParse<DataSource>(stored, out var s) && Sources.TryGetValue(s, out var words) ? words.In(language) : null;

    public static readonly LocalText SourcesSentence = new("Tiedot on saatu {0}.", "Uppgifterna har vi fått {0}.", "We received this information {0}.");

    public static readonly LocalText UsesSentence = new("Käytämme näitä tietoja {0}.", "Vi använder uppgifterna {0}.", "We use this information {0}.");

    /// <summary>"a, b ja c".</summary>
    public static string List(IReadOnlyList<string> items, string language)
    {
        if (items.Count <= 1)
        {
            return items.Count == 0 ? "" : items[0];
        }

        var and = new LocalText(" ja ", " och ", " and ").In(language);
        return string.Join(", ", items.Take(items.Count - 1)) + and + items[^1];
    }
}
