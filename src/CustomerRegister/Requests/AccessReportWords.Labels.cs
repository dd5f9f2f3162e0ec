using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>The access letter's names for things: what each kind of row is, its fields' labels, enum values in words.</summary>
public static partial class AccessReportWords
{
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

    // A feature may name its own rows and fields in its text table, keyed Report.Kind.{Entity} and Report.Label.{Entity}.{Property}.
    public static bool HasKind(string entity) => Kinds.ContainsKey(entity) || UiText.Has($"Report.Kind.{entity}");

    public static string? Kind(string entity, string language) =>
        Kinds.TryGetValue(entity, out var k) ? k.In(language) : UiText.Has($"Report.Kind.{entity}") ? UiText.Text($"Report.Kind.{entity}").In(language) : null;

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
        ["NoticeVersion"] = new("Tietosuojaselosteen versio", "Dataskyddsbeskrivningens version", "Privacy notice version"),
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

    public static bool HasLabel(string entity, string property) =>
        Labels.ContainsKey($"{entity}.{property}") || Labels.ContainsKey(property) || UiText.Has($"Report.Label.{entity}.{property}");

    public static string? Label(string entity, string property, string language) =>
        (Labels.GetValueOrDefault($"{entity}.{property}")
            ?? (UiText.Has($"Report.Label.{entity}.{property}") ? UiText.Text($"Report.Label.{entity}.{property}") : null)
            ?? Labels.GetValueOrDefault(property))?.In(language);

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

    public static bool HasEnumWord(Type type, string value) => EnumWords.ContainsKey($"{type.Name}.{value}") || UiText.Has($"{type.Name}.{value}");

    /// <summary>An enum value in words: this table first, then the app's texts, else null (never the raw name).</summary>
    public static string? EnumWord(Type type, string value, string language)
    {
        var key = $"{type.Name}.{value}";
        return EnumWords.TryGetValue(key, out var words) ? words.In(language) : UiText.Has(key) ? UiText.Text(key).In(language) : null;
    }
}
