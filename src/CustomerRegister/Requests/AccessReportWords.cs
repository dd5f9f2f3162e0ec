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
public static class AccessReportWords
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
            [Categories.MarketingPermission, Categories.MarketingEvent, Categories.Survey, Categories.WebBehaviour]),
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

    /// <summary>What one kind of row is, as its heading in the letter (keyed by the entity's CLR name).</summary>
    private static readonly Dictionary<string, LocalText> Kinds = new(StringComparer.Ordinal)
    {
        ["Consumer"] = new("Henkilötietosi", "Dina personuppgifter", "Your personal details"),
        ["ContactPerson"] = new("Yhteyshenkilönä", "Som kontaktperson", "As a contact person"),
        ["Organisation"] = new("Yrityksesi", "Ditt företag", "Your business"),
        ["CustomerRelationship"] = new("Asiakkuus", "Kundrelation", "Customer relationship"),
        ["Contract"] = new("Sopimus", "Avtal", "Contract"),
        ["OrderedService"] = new("Tilattu palvelu", "Beställd tjänst", "Ordered service"),
        ["ServiceEvent"] = new("Palvelun muutos", "Ändring av tjänsten", "Change to a service"),
        ["ContactHistoryEntry"] = new("Yhteydenotto", "Kontakt", "Contact"),
        ["Feedback"] = new("Palaute", "Respons", "Feedback"),
        ["AdditionalInfo"] = new("Lisätieto", "Tilläggsuppgift", "Additional information"),
        ["MarketingConsent"] = new("Markkinointilupa tai -kielto", "Marknadsföringstillstånd eller -förbud", "Marketing permission or prohibition"),
        ["SurveyResponse"] = new("Kyselyvastaus", "Enkätsvar", "Survey answer"),
        ["EventInvitation"] = new("Tapahtumakutsu", "Inbjudan till evenemang", "Event invitation"),
        ["WebEvent"] = new("Verkkosivukäynti", "Webbesök", "Website visit"),
        ["Invoice"] = new("Lasku", "Faktura", "Invoice"),
        ["Payment"] = new("Maksu", "Betalning", "Payment"),
        ["CollectionCase"] = new("Perintä", "Indrivning", "Debt collection"),
        ["MetalCreditPayout"] = new("Metallihyvitys", "Metallgottgörelse", "Metal credit"),
        ["ScrappingCertificate"] = new("Romutustodistus", "Skrotningsintyg", "Scrapping certificate"),
        ["CallRecording"] = new("Puhelutallenne", "Samtalsinspelning", "Call recording"),
        ["CctvRecording"] = new("Kameratallenne", "Kamerainspelning", "CCTV recording"),
        ["DataSubjectRequest"] = new("Pyyntö", "Begäran", "Request"),
        ["RequestAction"] = new("Pyynnön käsittelyvaihe", "Steg i behandlingen av begäran", "Step in handling a request"),
        ["RequestRectification"] = new("Oikaistu tieto", "Rättad uppgift", "Rectified item"),
        ["ErasureCertificate"] = new("Poistotodistus", "Raderingsintyg", "Erasure certificate"),
        ["MailOutbox"] = new("Sinulle lähetetty viesti", "Meddelande till dig", "Message sent to you"),
        ["OutgoingMail"] = new("Sinulle lähetetty viesti", "Meddelande till dig", "Message sent to you"),
        ["ProcessingLimit"] = new("Käsittelyn rajoitus", "Begränsning av behandling", "Restriction of processing"),
        ["LegalHold"] = new("Säilytys oikeudellisen asian vuoksi", "Bevarande för ett rättsligt ärende", "Kept for a legal matter"),
    };

    public static bool HasKind(string entity) => Kinds.ContainsKey(entity);

    public static string? Kind(string entity, string language) => Kinds.TryGetValue(entity, out var k) ? k.In(language) : null;

    /// <summary>Properties the letter leaves out: links, storage keys, copies of letters and certificates; they stay in the JSON.</summary>
    public static readonly IReadOnlySet<string> Technical = new HashSet<string>(StringComparer.Ordinal)
    {
        "StorageKey", "SessionId", "RelationshipId", "InvoiceId", "ContactPersonId", "Body", "Message", "ResponseLetter", "ExtensionLetter",
        "WordingVersion", "ConsentVersion",
    };

    /// <summary>Field labels keyed by property name, or <c>Entity.Property</c> where the same name means another thing.</summary>
    private static readonly Dictionary<string, LocalText> Labels = new(StringComparer.Ordinal)
    {
        ["FirstName"] = new("Etunimi", "Förnamn", "First name"),
        ["LastName"] = new("Sukunimi", "Efternamn", "Last name"),
        ["Street"] = new("Katuosoite", "Gatuadress", "Street address"),
        ["PostalCode"] = new("Postinumero", "Postnummer", "Postcode"),
        ["City"] = new("Postitoimipaikka", "Postort", "Town"),
        ["Phone"] = new("Puhelin", "Telefon", "Phone"),
        ["Email"] = new("Sähköposti", "E-post", "Email"),
        ["BankAccountMasked"] = new("Tilinumero", "Kontonummer", "Bank account"),
        ["BankAccount"] = new("Tilinumero", "Kontonummer", "Bank account"),
        ["Title"] = new("Nimike", "Titel", "Title"),
        ["Contract.Title"] = new("Sopimuksen nimi", "Avtalets namn", "Contract name"),
        ["Position"] = new("Asema", "Ställning", "Position"),
        ["RoleEndedOn"] = new("Tehtävä päättyi", "Uppdraget upphörde", "Role ended"),
        ["Name"] = new("Yrityksen nimi", "Företagets namn", "Business name"),
        ["BusinessId"] = new("Y-tunnus", "FO-nummer", "Business ID"),
        ["CustomerNumber"] = new("Asiakasnumero", "Kundnummer", "Customer number"),
        ["ContractNumber"] = new("Sopimusnumero", "Avtalsnummer", "Contract number"),
        ["StartDate"] = new("Alkoi", "Började", "Started"),
        ["EndDate"] = new("Päättyi", "Upphörde", "Ended"),
        ["ServiceName"] = new("Palvelu", "Tjänst", "Service"),
        ["OrderedDate"] = new("Tilattu", "Beställd", "Ordered"),
        ["Date"] = new("Päivä", "Datum", "Date"),
        ["Reason"] = new("Syy", "Skäl", "Reason"),
        ["ReportedBy"] = new("Ilmoittaja", "Anmäld av", "Reported by"),
        ["Channel"] = new("Kanava", "Kanal", "Channel"),
        ["Direction"] = new("Suunta", "Riktning", "Direction"),
        ["OccurredAt"] = new("Aika", "Tid", "Time"),
        ["Summary"] = new("Aihe", "Ämne", "Subject"),
        ["ReceivedAt"] = new("Vastaanotettu", "Mottagen", "Received"),
        ["Text"] = new("Teksti", "Text", "Text"),
        ["Rating"] = new("Arvosana", "Betyg", "Rating"),
        ["ConsentText"] = new("Suostumuksen teksti", "Samtyckets text", "Consent wording"),
        ["ConsentedAt"] = new("Suostumus annettu", "Samtycke givet", "Consent given"),
        ["Purpose"] = new("Tarkoitus", "Ändamål", "Purpose"),
        ["Evidence"] = new("Miten annettu", "Hur det gavs", "How it was given"),
        ["SupersededAt"] = new("Korvattu uudella", "Ersatt av en ny", "Replaced"),
        ["OptOutOffered"] = new("Kieltomahdollisuus tarjottu", "Möjlighet att förbjuda erbjuden", "Opt-out offered"),
        ["ServiceLine"] = new("Palveluala", "Tjänsteområde", "Service line"),
        ["AnsweredAt"] = new("Vastattu", "Besvarad", "Answered"),
        ["Answers"] = new("Vastaukset", "Svar", "Answers"),
        ["Score"] = new("Pisteet", "Poäng", "Score"),
        ["InvitedAt"] = new("Kutsuttu", "Inbjuden", "Invited"),
        ["Status"] = new("Tila", "Status", "Status"),
        ["Kind"] = new("Laji", "Typ", "Kind"),
        ["StatusAt"] = new("Tila muuttui", "Status ändrad", "Status changed"),
        ["Path"] = new("Sivu", "Sida", "Page"),
        ["Referrer"] = new("Tuli sivulta", "Kom från sidan", "Came from"),
        ["InvoiceNumber"] = new("Laskun numero", "Fakturanummer", "Invoice number"),
        ["IssueDate"] = new("Päiväys", "Datum", "Date"),
        ["DueDate"] = new("Eräpäivä", "Förfallodag", "Due date"),
        ["Amount"] = new("Summa", "Belopp", "Amount"),
        ["BillingName"] = new("Laskutusnimi", "Faktureringsnamn", "Billing name"),
        ["BillingStreet"] = new("Laskutusosoite", "Faktureringsadress", "Billing address"),
        ["BillingPostalCode"] = new("Postinumero", "Postnummer", "Postcode"),
        ["BillingCity"] = new("Postitoimipaikka", "Postort", "Town"),
        ["PaidAt"] = new("Maksettu", "Betald", "Paid"),
        ["PaidOn"] = new("Maksettu", "Betald", "Paid"),
        ["Reference"] = new("Viite", "Referens", "Reference"),
        ["Method"] = new("Maksutapa", "Betalningssätt", "Payment method"),
        ["OpenedAt"] = new("Siirretty perintään", "Överlämnad för indrivning", "Handed over"),
        ["AgencyName"] = new("Perintätoimisto", "Inkassobyrå", "Collection agency"),
        ["ClosedAt"] = new("Päättyi", "Avslutad", "Closed"),
        ["WeightKg"] = new("Paino", "Vikt", "Weight"),
        ["Material"] = new("Materiaali", "Material", "Material"),
        ["CertificateNumber"] = new("Todistuksen numero", "Intygets nummer", "Certificate number"),
        ["RegistrationNumber"] = new("Rekisterinumero", "Registreringsnummer", "Registration number"),
        ["Vin"] = new("Valmistenumero", "Chassinummer", "Vehicle identification number"),
        ["Make"] = new("Merkki", "Märke", "Make"),
        ["Model"] = new("Malli", "Modell", "Model"),
        ["VehicleClass"] = new("Ajoneuvoluokka", "Fordonsklass", "Vehicle class"),
        ["OwnerName"] = new("Omistajan nimi", "Ägarens namn", "Owner's name"),
        ["OwnerStreet"] = new("Omistajan osoite", "Ägarens adress", "Owner's address"),
        ["OwnerPostalCode"] = new("Postinumero", "Postnummer", "Postcode"),
        ["OwnerCity"] = new("Postitoimipaikka", "Postort", "Town"),
        ["OwnerNationality"] = new("Omistajan kansalaisuus", "Ägarens nationalitet", "Owner's nationality"),
        ["DeregisteredOn"] = new("Poistettu rekisteristä", "Avregistrerad", "Deregistered"),
        ["IdentityCodeMasked"] = new("Henkilötunnus", "Personbeteckning", "Personal identity code"),
        ["IdentityCode"] = new("Henkilötunnus", "Personbeteckning", "Personal identity code"),
        ["CallerNumber"] = new("Soittajan numero", "Uppringarens nummer", "Caller's number"),
        ["StartedAt"] = new("Puhelu alkoi", "Samtalet började", "Call started"),
        ["DurationSeconds"] = new("Kesto", "Längd", "Duration"),
        ["PeriodStart"] = new("Alkoi", "Började", "Started"),
        ["PeriodEnd"] = new("Päättyi", "Slutade", "Ended"),
        ["CompletedAt"] = new("Valmistunut", "Slutförd", "Completed"),
        ["Before"] = new("Ennen", "Före", "Before"),
        ["After"] = new("Jälkeen", "Efter", "After"),
        ["RequesterName"] = new("Nimi", "Namn", "Name"),
        ["RequesterEmail"] = new("Sähköposti", "E-post", "Email"),
        ["RequesterPhone"] = new("Puhelin", "Telefon", "Phone"),
        ["RequesterAddress"] = new("Osoite", "Adress", "Address"),
        ["IdentityMethod"] = new("Henkilöllisyys todennettu", "Identiteten verifierad", "Identity verified by"),
        ["IdentityNote"] = new("Huomio henkilöllisyydestä", "Anteckning om identiteten", "Note on identity"),
        ["ExtensionReason"] = new("Vastausajan pidennyksen syy", "Skäl till förlängd svarstid", "Reason for the extension"),
        ["Resolution"] = new("Ratkaisu", "Avgörande", "Outcome"),
        ["Note"] = new("Merkintä", "Anteckning", "Note"),
        ["Ground"] = new("Peruste", "Grund", "Ground"),
        ["SetAt"] = new("Alkoi", "Började", "Started"),
        ["LiftedAt"] = new("Päättyi", "Hävdes", "Lifted"),
        ["LiftReason"] = new("Päättymisen syy", "Skäl till hävning", "Reason for lifting"),
        ["ReleaseReason"] = new("Päättymisen syy", "Skäl till hävning", "Reason for release"),
    };

    /// <summary>Where a field stands in its item: the order of <see cref="Labels"/> (name, address, phone… number, date, amount, state).</summary>
    public static int Order(string entity, string property) =>
        LabelOrder.TryGetValue($"{entity}.{property}", out var own) ? own : LabelOrder.GetValueOrDefault(property, int.MaxValue);

    private static readonly Dictionary<string, int> LabelOrder =
        Labels.Keys.Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i, StringComparer.Ordinal);

    public static bool HasLabel(string entity, string property) => Labels.ContainsKey($"{entity}.{property}") || Labels.ContainsKey(property);

    public static string? Label(string entity, string property, string language) =>
        (Labels.GetValueOrDefault($"{entity}.{property}") ?? Labels.GetValueOrDefault(property))?.In(language);

    /// <summary>Enum values in words, keyed <c>EnumType.Value</c>.</summary>
    private static readonly Dictionary<string, LocalText> EnumWords = new(StringComparer.Ordinal)
    {
        ["LimitKind.Restriction"] = new("käsittelyn rajoitus", "begränsning av behandling", "restriction of processing"),
        ["LimitKind.ProfilingObjection"] = new("profiloinnin vastustus", "invändning mot profilering", "objection to profiling"),
        ["RestrictionGround.AccuracyContested"] = new("kiistit tietojen paikkansapitävyyden", "du bestred uppgifternas riktighet",
            "you contested the accuracy of the data"),
        ["RestrictionGround.UnlawfulProcessing"] = new("käsittely oli lainvastaista", "behandlingen var olaglig", "the processing was unlawful"),
        ["RestrictionGround.NeededForLegalClaims"] = new("tarvitset tietoja oikeudellisen vaateen vuoksi", "du behöver uppgifterna för rättsliga anspråk",
            "you need the data for legal claims"),
        ["RestrictionGround.ObjectionPending"] = new("vastustuksesi oli käsiteltävänä", "din invändning prövades", "your objection was being considered"),
        ["RestrictionGround.KeptByLawAfterErasure"] = new("laki edellyttää säilyttämistä poiston jälkeen", "lagen kräver bevarande efter radering",
            "the law requires keeping it after erasure"),
        ["MarketingChannel.Email"] = new("sähköposti", "e-post", "email"),
        ["MarketingChannel.Sms"] = new("tekstiviesti", "sms", "text message"),
        ["MarketingChannel.Phone"] = new("puhelin", "telefon", "phone"),
        ["MarketingChannel.Post"] = new("posti", "post", "post"),
        ["MarketingChannel.Web"] = new("verkkosivut", "webbplats", "website"),
        ["ConsentEntryKind.PermissionGranted"] = new("lupa annettu", "tillstånd givet", "permission given"),
        ["ConsentEntryKind.PermissionWithdrawn"] = new("lupa peruttu", "tillstånd återkallat", "permission withdrawn"),
        ["ConsentEntryKind.Prohibition"] = new("markkinointikielto", "marknadsföringsförbud", "marketing prohibited"),
        ["ConsentEntryKind.ProhibitionLifted"] = new("kielto peruttu", "förbud hävt", "prohibition lifted"),
        ["ConsentEntryKind.SoftOptIn"] = new("asiakkaana saatu markkinointi, ellet kiellä", "marknadsföring som kund, om du inte förbjuder den",
            "marketing as a customer unless you say no"),
        ["ParticipationStatus.Invited"] = new("kutsuttu", "inbjuden", "invited"),
        ["ParticipationStatus.Registered"] = new("ilmoittautunut", "anmäld", "registered"),
        ["ParticipationStatus.Attended"] = new("osallistui", "deltog", "attended"),
        ["ParticipationStatus.Cancelled"] = new("peruttu", "inställd", "cancelled"),
        ["WebEventKind.PageView"] = new("sivun katselu", "sidvisning", "page view"),
        ["WebEventKind.Download"] = new("lataus", "nedladdning", "download"),
        ["WebEventKind.FormSubmit"] = new("lomakkeen lähetys", "formulär skickat", "form sent"),
        ["RelationshipStatus.Active"] = new("voimassa", "gällande", "active"),
        ["RelationshipStatus.Suspended"] = new("keskeytetty", "avbruten", "suspended"),
        ["RelationshipStatus.Ended"] = new("päättynyt", "upphört", "ended"),
        ["ContractStatus.Active"] = new("voimassa", "gällande", "active"),
        ["ContractStatus.Suspended"] = new("keskeytetty", "avbrutet", "suspended"),
        ["ContractStatus.Ended"] = new("päättynyt", "upphört", "ended"),
        ["ServiceStatus.Active"] = new("voimassa", "gällande", "active"),
        ["ServiceStatus.Suspended"] = new("keskeytetty", "avbruten", "suspended"),
        ["ServiceStatus.Cancelled"] = new("peruttu", "uppsagd", "cancelled"),
        ["ServiceEventKind.Suspended"] = new("keskeytys", "avbrott", "suspended"),
        ["ServiceEventKind.Resumed"] = new("jatkettu", "återupptagen", "resumed"),
        ["ServiceEventKind.Cancelled"] = new("peruutus", "uppsägning", "cancelled"),
        ["ReportedBy.Customer"] = new("asiakas", "kunden", "the customer"),
        ["ReportedBy.ContactPerson"] = new("yhteyshenkilö", "kontaktpersonen", "the contact person"),
        ["ReportedBy.Staff"] = new("henkilökuntamme", "vår personal", "our staff"),
        ["ContactChannel.Phone"] = new("puhelin", "telefon", "phone"),
        ["ContactChannel.Email"] = new("sähköposti", "e-post", "email"),
        ["ContactChannel.Visit"] = new("käynti", "besök", "visit"),
        ["ContactChannel.Letter"] = new("kirje", "brev", "letter"),
        ["ContactChannel.Chat"] = new("chat", "chatt", "chat"),
        ["ContactChannel.WebForm"] = new("verkkolomake", "webbformulär", "web form"),
        ["ContactDirection.Inbound"] = new("sinulta meille", "från dig till oss", "from you to us"),
        ["ContactDirection.Outbound"] = new("meiltä sinulle", "från oss till dig", "from us to you"),
        ["InvoiceStatus.Open"] = new("avoin", "öppen", "open"),
        ["InvoiceStatus.Paid"] = new("maksettu", "betald", "paid"),
        ["InvoiceStatus.Cancelled"] = new("peruttu", "annullerad", "cancelled"),
        ["InvoiceStatus.InCollection"] = new("perinnässä", "under indrivning", "in collection"),
        ["PaymentMethod.BankTransfer"] = new("tilisiirto", "banköverföring", "bank transfer"),
        ["PaymentMethod.Card"] = new("kortti", "kort", "card"),
        ["PaymentMethod.Cash"] = new("käteinen", "kontant", "cash"),
        ["PaymentMethod.Offset"] = new("kuittaus", "kvittning", "offset"),
        ["CollectionStatus.Open"] = new("kesken", "pågående", "open"),
        ["CollectionStatus.Closed"] = new("päättynyt", "avslutad", "closed"),
        ["IdentityMethod.StrongElectronicIdentification"] = new("vahva sähköinen tunnistus", "stark elektronisk identifiering",
            "strong electronic identification"),
        ["IdentityMethod.IdDocumentSeenAtOffice"] = new("henkilöllisyystodistus toimipisteessä", "id-handling på kontoret", "identity document at our office"),
        ["IdentityMethod.AnsweredFromRegisteredEmail"] = new("vastaus rekisteröidystä sähköpostiosoitteesta", "svar från den registrerade e-postadressen",
            "reply from your registered email"),
        ["IdentityMethod.AnsweredFromRegisteredPhone"] = new("vastaus rekisteröidystä puhelinnumerosta", "svar från det registrerade telefonnumret",
            "reply from your registered phone"),
        ["IdentityMethod.Other"] = new("muu tapa", "annat sätt", "another way"),
    };

    public static bool HasEnumWord(Type type, string value) => EnumWords.ContainsKey($"{type.Name}.{value}");

    /// <summary>An enum value in words: this table first, then the app's texts, else null (never the raw name).</summary>
    public static string? EnumWord(Type type, string value, string language)
    {
        var key = $"{type.Name}.{value}";
        return EnumWords.TryGetValue(key, out var words) ? words.In(language) : UiText.Has(key) ? UiText.Text(key).In(language) : null;
    }

    /// <summary>"4.12.2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"4.12.2026 klo 14.05" (sv "kl.", en "at") in Helsinki time.</summary>
    public static string DateTime(DateTime utc, string language)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Infrastructure.HelsinkiTime.Zone);
        return $"{local.ToString("d.M.yyyy", CultureInfo.InvariantCulture)} {new LocalText("klo", "kl.", "at").In(language)} "
               + local.ToString("H.mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A stored value as a Finnish reader reads it, whatever the letter's language: dates 4.12.2026, times in Helsinki,
    /// money 1 234,50 €, phones 040 123 4567, enum values and purposes in words, yes/no.
    /// </summary>
    public static string Shown(Microsoft.EntityFrameworkCore.Metadata.IProperty property, object raw, string language)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var name = property.Name;
        if (type.IsEnum)
        {
            var value = raw is string s ? s : System.Enum.ToObject(type, Convert.ToInt64(raw, CultureInfo.InvariantCulture)).ToString()!;
            return EnumWord(type, value, language) ?? value;
        }

        if (type == typeof(DateOnly))
        {
            return CustomerRegister.Retention.RetentionDates.AsDate(raw) is { } d ? Date(d) : raw.ToString() ?? "";
        }

        if (type == typeof(DateTime))
        {
            var utc = raw switch
            {
                System.DateTime t => t,
                string s when System.DateTime.TryParse(s, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => t,
                _ => (DateTime?)null,
            };
            return utc is { } u ? DateTime(u, language) : raw.ToString() ?? "";
        }

        if (type == typeof(bool))
        {
            var yes = raw is bool b ? b : Convert.ToInt64(raw, CultureInfo.InvariantCulture) != 0;
            return (yes ? new LocalText("kyllä", "ja", "yes") : new LocalText("ei", "nej", "no")).In(language);
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            var number = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
            return name.EndsWith("Kg", StringComparison.Ordinal) ? Display.Number(number) + "\u00a0kg"
                : name.Contains("Amount", StringComparison.Ordinal) ? Display.Money(number)
                : Display.Number(number);
        }

        if (name == "DurationSeconds")
        {
            var seconds = Convert.ToInt32(raw, CultureInfo.InvariantCulture);
            return seconds >= 60
                ? $"{seconds / 60} min {seconds % 60} s"
                : $"{seconds} s";
        }

        var text = raw is IFormattable f ? f.ToString(null, Display.Format) : raw.ToString() ?? "";
        if (name.Contains("Phone", StringComparison.Ordinal) || name == "CallerNumber")
        {
            return Display.Phone(text);
        }

        return name == "Purpose" ? Purposes.Name(text, language) : Answers(text);
    }

    /// <summary>Stored answers ({"question":"answer"}) as "Question: answer · …", never as raw JSON.</summary>
    public static string Answers(string text)
    {
        if (!text.StartsWith('{'))
        {
            return text;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                ? text
                : string.Join(" · ", json.RootElement.EnumerateObject().Select(p =>
                    $"{char.ToUpperInvariant(p.Name[0])}{p.Name[1..].Replace('_', ' ')}: "
                    + (p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())));
        }
        catch (System.Text.Json.JsonException)
        {
            return text;
        }
    }
}
