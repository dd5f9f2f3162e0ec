using CustomerRegister.Localization;

namespace CustomerRegister.Notice;

/// <summary>The privacy notice's sentences and its pages' texts. The notice's facts are filled in from the catalogue and configuration.</summary>
[TextTable]
public static class NoticeTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Notice.Title"] = new("Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice"),
        ["Notice.Subtitle"] = new(
            "EU:n yleinen tietosuoja-asetus (2016/679), 13 ja 14 artikla",
            "EU:s allmänna dataskyddsförordning (2016/679), artiklarna 13 och 14",
            "EU General Data Protection Regulation (2016/679), Articles 13 and 14"),
        ["Notice.S1"] = new("Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"),
        ["Notice.S2"] = new("Rekisteriasioista vastaavat tahot", "Ansvariga för registerärenden", "Responsible for register matters"),
        ["Notice.S3"] = new("Yhteystiedot", "Kontaktuppgifter", "Contact details"),
        ["Notice.S4"] = new("Rekisterin nimi", "Registrets namn", "Name of the register"),
        ["Notice.S5"] = new("Henkilötietojen käyttötarkoitus", "Ändamålen med behandlingen av personuppgifter", "Purposes of processing"),
        ["Notice.S6"] = new("Rekisterin tietosisältö", "Registrets datainnehåll", "Content of the register"),
        ["Notice.S7"] = new("Säännönmukaiset tietolähteet", "Regelbundna uppgiftskällor", "Regular sources of data"),
        ["Notice.S8"] = new(
            "Säännönmukaiset tietojen luovutukset ja tietojen siirto EU:n tai Euroopan talousalueen ulkopuolelle",
            "Regelbundna utlämnanden av uppgifter och överföring utanför EU eller Europeiska ekonomiska samarbetsområdet",
            "Regular disclosures and transfers outside the EU or the European Economic Area"),
        ["Notice.S9"] = new("Rekisterin suojauksen periaatteet", "Principerna för skyddet av registret", "How the register is protected"),
        ["Notice.S10"] = new("Tarkastusoikeus ja tiedon korjaaminen", "Rätt till insyn och rättelse", "Right of access and rectification"),
        ["Notice.S11"] = new("Tietojen poistaminen", "Radering av uppgifter", "Erasure of data"),
        ["Notice.S12"] = new("Oikeus tehdä valitus valvontaviranomaiselle", "Rätt att lämna in klagomål till tillsynsmyndigheten",
            "Right to lodge a complaint with the supervisory authority"),
        ["Notice.S13"] = new("Profiloinnin olemassaolo", "Förekomst av profilering", "Profiling"),

        ["Notice.Address"] = new("Osoite: {0}", "Adress: {0}", "Address: {0}"),
        ["Notice.ContactOf"] = new("{0}: {1}", "{0}: {1}", "{0}: {1}"),
        ["Notice.CustomerService"] = new("Asiakaspalvelu: {0}", "Kundtjänst: {0}", "Customer service: {0}"),
        ["Notice.Purposes.Intro"] = new(
            "Henkilötietoja käsitellään seuraaviin tarkoituksiin; kunkin perässä käsittelyn oikeusperuste (tietosuoja-asetuksen 6 artikla):",
            "Personuppgifter behandlas för följande ändamål; efter vart och ett den rättsliga grunden (artikel 6 i dataskyddsförordningen):",
            "Personal data is processed for the following purposes, each followed by its legal basis (Article 6 GDPR):"),
        ["Notice.Content.Intro"] = new(
            "Rekisterissä voidaan käsitellä seuraavia tietoja:", "Registret kan innehålla följande uppgifter:",
            "The register may hold the following data:"),
        ["Notice.Content.Protected"] = new(
            "Tilinumero ja henkilötunnus näytetään henkilökunnalle peitettyinä; kokonaan ne näkee vain siihen erikseen oikeutettu.",
            "Kontonummer och personbeteckning visas maskerade för personalen; i sin helhet ser dem endast den som har särskild behörighet.",
            "Bank accounts and identity codes are shown to staff masked; only those specifically authorised see them in full."),
        ["Notice.Content.Calls"] = new(
            "Asiakastuen saapuvat puhelut nauhoitetaan. Nauhoitteet säilytetään {0}, jonka jälkeen ne poistetaan.",
            "Inkommande samtal till kundtjänsten spelas in. Inspelningarna sparas i {0} och raderas därefter.",
            "Incoming customer-service calls are recorded. The recordings are kept for {0} and then deleted."),
        ["Notice.Content.Cctv"] = new(
            "Tuotantoyksiköissä on käytössä valvontakamerat. Tallenteet säilytetään yksikkökohtaisesti, kuitenkin enintään {0}.",
            "Produktionsenheterna har kameraövervakning. Inspelningarna sparas enhetsvis, dock högst {0}.",
            "The production units use CCTV. Recordings are kept per unit, never longer than {0}."),
        ["Notice.Sources.Intro"] = new("Tiedot saadaan:", "Uppgifterna fås från:", "The data comes from:"),
        ["Notice.Sources.Own"] = new(
            "Tietoja voidaan lisäksi kerätä rekisterinpitäjän omista tietojärjestelmistä, kun rekisteröity käyttää palveluita. Jokaiseen tietoon kirjataan, mistä se on saatu.",
            "Uppgifter kan dessutom samlas in från den personuppgiftsansvariges egna system när den registrerade använder tjänsterna. För varje uppgift antecknas varifrån den kommer.",
            "Data may also be collected from the controller's own systems when the person uses the services. Every item records where it came from."),
        ["Notice.Transfers.None"] = new(
            "Tietoja ei siirretä EU:n eikä ETA:n ulkopuolelle.", "Uppgifter överförs inte utanför EU eller EES.",
            "No data is transferred outside the EU or the EEA."),
        ["Notice.Transfers.Abroad"] = new(
            "Tietoja siirretään EU:n tai ETA:n ulkopuolelle vain seuraaville vastaanottajille, kullekin kirjatuin suojatoimin:",
            "Uppgifter överförs utanför EU eller EES endast till följande mottagare, var och en med registrerade skyddsåtgärder:",
            "Data is transferred outside the EU or the EEA only to these recipients, each with the safeguard recorded:"),
        ["Notice.Safeguard.None"] = new("ei suojatoimia: tietoja ei luovuteta", "inga skyddsåtgärder: inga uppgifter lämnas ut",
            "no safeguard: nothing is disclosed"),
        ["Notice.Safeguard.AdequacyDecision"] = new("komission tietosuojan riittävyyttä koskeva päätös (45 artikla)",
            "kommissionens beslut om adekvat skyddsnivå (artikel 45)", "the Commission's adequacy decision (Article 45)"),
        ["Notice.Safeguard.StandardContractualClauses"] = new("komission vakiosopimuslausekkeet (46 artikla)",
            "kommissionens standardavtalsklausuler (artikel 46)", "the Commission's standard contractual clauses (Article 46)"),
        ["Notice.Safeguard.BindingCorporateRules"] = new("yritystä koskevat sitovat säännöt (47 artikla)",
            "bindande företagsbestämmelser (artikel 47)", "binding corporate rules (Article 47)"),
        ["Notice.Transfers.Group"] = new(
            "Tietoja voidaan luovuttaa {0}:n tytär- ja yhteisyrityksille ({1}) samaa asiakasta palvellakseen; niille luovutetaan vain: {2}.",
            "Uppgifter kan lämnas ut till dotter- och intressebolag till {0} ({1}) för att betjäna samma kund; endast följande lämnas ut: {2}.",
            "Data may be disclosed to the subsidiaries and associated companies of {0} ({1}) to serve the same customer; only these items: {2}."),
        ["Notice.Transfers.Collection"] = new(
            "Maksamattomien laskujen perintää varten perintätoimistolle ({0}) voidaan luovuttaa vain perinnän tarvitsemat tiedot: {1}.",
            "För indrivning av obetalda fakturor kan endast de uppgifter som indrivningen behöver lämnas ut till inkassobyrån ({0}): {1}.",
            "For the collection of unpaid invoices, only what collection needs may be disclosed to the collection agency ({0}): {1}."),
        ["Notice.Transfers.Others"] = new("Muut säännönmukaiset vastaanottajat:", "Övriga regelbundna mottagare:", "Other regular recipients:"),
        ["Notice.Role.Controller"] = new("rekisterinpitäjä", "personuppgiftsansvarig", "controller"),
        ["Notice.Role.Processor"] = new("henkilötietojen käsittelijä", "personuppgiftsbiträde", "processor"),
        ["Notice.Transfers.Logged"] = new(
            "Jokainen luovutus kirjataan, ja luovutukset kerrotaan rekisteröidylle tarkastuspyynnön vastauksessa. Muita säännönmukaisia luovutuksia ei tehdä.",
            "Varje utlämnande registreras och redovisas för den registrerade i svaret på en begäran om insyn. Inga andra regelbundna utlämnanden görs.",
            "Every disclosure is logged and listed to the person in the answer to an access request. There are no other regular disclosures."),
        ["Notice.Security.Roles"] = new(
            "Rekisteriin pääsevät vain henkilöt, joiden tehtävä sitä edellyttää: käyttöoikeudet on rajattu {0} roolin mukaan, ja kukin näkee vain tehtävänsä tarvitsemat tiedot.",
            "Endast personer vars uppgifter kräver det har tillgång till registret: behörigheterna är begränsade enligt {0} roller och var och en ser endast de uppgifter arbetet kräver.",
            "Only people whose work requires it have access: permissions follow {0} roles, and each sees only what their task needs."),
        ["Notice.Security.SignIn"] = new(
            "Kirjautuminen vaatii henkilökohtaisen tunnuksen ja salasanan; tunnus lukitaan {0} epäonnistuneen yrityksen jälkeen, ja laajoihin oikeuksiin vaaditaan kaksivaiheinen tunnistus.",
            "Inloggning kräver ett personligt konto och lösenord; kontot låses efter {0} misslyckade försök, och för omfattande behörigheter krävs tvåstegsverifiering.",
            "Signing in needs a personal account and password; the account locks after {0} failed attempts, and wide permissions need a second factor."),
        ["Notice.Security.Audit"] = new(
            "Jokainen henkilötietojen katselu ja muutos kirjataan muuttumattomaan tapahtumalokiin.",
            "Varje visning och ändring av personuppgifter registreras i en oföränderlig händelselogg.",
            "Every view and change of personal data is written to a tamper-evident audit trail."),
        ["Notice.Rights.Intro"] = new("Rekisteröidyllä on oikeus:", "Den registrerade har rätt att:", "You have the right to:"),
        ["Notice.Rights.Access"] = new("tarkastaa häntä koskevat tiedot ja saada niistä jäljennös (15 artikla)",
            "få tillgång till sina uppgifter och en kopia av dem (artikel 15)", "access your data and receive a copy of it (Article 15)"),
        ["Notice.Rights.Rectification"] = new("vaatia virheellisen tai puutteellisen tiedon korjaamista (16 artikla)",
            "kräva rättelse av felaktiga eller ofullständiga uppgifter (artikel 16)", "have inaccurate or incomplete data rectified (Article 16)"),
        ["Notice.Rights.Erasure"] = new("vaatia tietojensa poistamista, ellei laki velvoita säilyttämään niitä (17 artikla)",
            "kräva radering av sina uppgifter, om inte lagen kräver att de sparas (artikel 17)", "have your data erased unless the law requires keeping it (Article 17)"),
        ["Notice.Rights.Restriction"] = new("vaatia käsittelyn rajoittamista (18 artikla)", "kräva begränsning av behandlingen (artikel 18)",
            "have processing restricted (Article 18)"),
        ["Notice.Rights.Portability"] = new("saada itse antamansa tiedot koneluettavassa muodossa (20 artikla)",
            "få de uppgifter man själv lämnat i maskinläsbar form (artikel 20)", "receive the data you gave in a machine-readable form (Article 20)"),
        ["Notice.Rights.Objection"] = new("vastustaa suoramarkkinointia ja profilointia (21 artikla)",
            "invända mot direktmarknadsföring och profilering (artikel 21)", "object to direct marketing and profiling (Article 21)"),
        ["Notice.Rights.Withdraw"] = new("peruuttaa antamansa suostumus milloin tahansa", "när som helst återkalla sitt samtycke",
            "withdraw a consent at any time"),
        ["Notice.Rights.How"] = new(
            "Pyynnön voi tehdä lomakkeella {0} tai sähköpostitse osoitteeseen {1}. Pyyntöön vastataan kuukauden kuluessa; vaativissa tapauksissa aikaa voidaan jatkaa kahdella kuukaudella, mistä kerrotaan ensimmäisen kuukauden aikana.",
            "En begäran kan göras med formuläret {0} eller per e-post till {1}. Begäran besvaras inom en månad; i komplicerade fall kan tiden förlängas med två månader, vilket meddelas inom den första månaden.",
            "A request can be made with the form at {0} or by email to {1}. It is answered within one month; for complex requests the time may be extended by two months, which you are told within the first month."),
        ["Notice.Erasure.Intro"] = new(
            "Tiedot poistetaan, kun niiden säilytysaika päättyy. Säilytysaika lasketaan kunkin tiedon omasta tapahtumasta; kirjanpito- ja jätelain velvoitteiden alaiset tiedot säilytetään niiden vaatiman ajan:",
            "Uppgifterna raderas när deras lagringstid går ut. Tiden räknas från varje uppgifts egen händelse; uppgifter som omfattas av bokförings- och avfallslagen sparas så länge lagen kräver:",
            "Data is erased when its retention period ends. Each period counts from the item's own event; what the Accounting Act and the Waste Act require is kept as long as they require:"),
        ["Notice.Erasure.Rule"] = new("{0}: {1}, laskettuna: {2} ({3})", "{0}: {1}, räknat från: {2} ({3})", "{0}: {1}, counted from: {2} ({3})"),
        ["Notice.Erasure.Prospect"] = new("Tiedot henkilöistä, joista ei tullut asiakkaita", "Uppgifter om personer som inte blev kunder",
            "Data on people who never became customers"),
        ["Notice.Erasure.Sweep"] = new(
            "Poistot tehdään automaattisesti. Poistopyynnön jälkeen laissa säilytettäviksi säädettyjen tietojen käsittely rajoitetaan, ja ne poistetaan oman säilytysaikansa päätyttyä.",
            "Raderingen sker automatiskt. Efter en begäran om radering begränsas behandlingen av uppgifter som lagen kräver att sparas, och de raderas när deras tid gått ut.",
            "Erasure runs automatically. After an erasure request, data the law requires to keep is restricted and erased when its own period ends."),
        ["Notice.Authority"] = new(
            "Rekisteröidyllä on oikeus tehdä valitus valvontaviranomaiselle, jos hän katsoo, että hänen henkilötietojaan on käsitelty tietosuojasääntelyn vastaisesti:",
            "Den registrerade har rätt att lämna in ett klagomål till tillsynsmyndigheten om hen anser att personuppgifterna har behandlats i strid med dataskyddsreglerna:",
            "You have the right to lodge a complaint with the supervisory authority if you consider that your personal data has been processed against data-protection law:"),
        ["Notice.Profiling"] = new(
            "Asiakkaiden tietoja voidaan profiloida markkinoinnin kohdentamiseksi: asioinnin tuoreudesta, tiheydestä ja arvosta johdetaan asiakasryhmä ja palvelukiinnostukset. Kunkin tuloksen perusteet tallennetaan, ja ne kerrotaan rekisteröidylle tarkastuspyynnön vastauksessa.",
            "Kunduppgifter kan profileras för att rikta marknadsföring: av hur nyligen, hur ofta och till vilket värde kunden handlat härleds en kundgrupp och tjänsteintressen. Grunderna för varje resultat sparas och redovisas i svaret på en begäran om insyn.",
            "Customer data may be profiled to target marketing: a segment and service interests are derived from how recently, how often and for how much the customer has done business. Each result keeps its grounds, which the answer to an access request explains."),
        ["Notice.Profiling.NoDecisions"] = new(
            "Profiloinnin perusteella ei tehdä päätöksiä, joilla olisi oikeusvaikutuksia tai vastaavia merkittäviä vaikutuksia (22 artikla). Profilointia voi vastustaa milloin tahansa, jolloin henkilön tulokset poistetaan eikä niitä lasketa uudelleen.",
            "Inga beslut med rättsliga följder eller liknande betydande följder fattas på grundval av profileringen (artikel 22). Man kan när som helst invända mot profileringen; då raderas personens resultat och de beräknas inte på nytt.",
            "No decision with legal or similarly significant effects is made from profiling (Article 22). You can object to it at any time: your results are then removed and not computed again."),

        ["Notice.Version"] = new("Versio {0}, voimassa {1} alkaen", "Version {0}, gäller från {1}", "Version {0}, in force from {1}"),
        ["Notice.Languages"] = new("Selosteen kieli", "Beskrivningens språk", "Language of the notice"),
        ["Notice.Versions"] = new("Aiemmat versiot", "Tidigare versioner", "Earlier versions"),
        ["Notice.Versions.Title"] = new("Tietosuojaselosteen versiot", "Dataskyddsbeskrivningens versioner", "Versions of the privacy notice"),
        ["Notice.Versions.Intro"] = new(
            "Seloste kootaan rekisterin määrityksistä. Kun jokin selosteen tieto muuttuu, syntyy uusi versio, ja aiemmat versiot jäävät luettaviksi. Suostumuksiin kirjataan versio, joka oli voimassa suostumusta annettaessa.",
            "Beskrivningen sammanställs ur registrets definitioner. När någon uppgift i den ändras skapas en ny version, och de tidigare versionerna förblir läsbara. Vid samtycken antecknas den version som gällde när samtycket gavs.",
            "The notice is assembled from the register's own definitions. When any statement in it changes, a new version is made and the earlier ones stay readable. Consents record the version in force when they were given."),
        ["Notice.Versions.Number"] = new("Versio", "Version", "Version"),
        ["Notice.Versions.From"] = new("Voimassa alkaen", "Gäller från", "In force from"),
        ["Notice.Versions.Until"] = new("Voimassa asti", "Gäller till", "In force until"),
        ["Notice.Versions.Current"] = new("voimassa", "gäller", "in force"),
        ["Notice.Versions.Read"] = new("Lue versio {0}", "Läs version {0}", "Read version {0}"),
        ["Notice.Old"] = new(
            "Tämä on aiempi versio. Voimassa oleva seloste:", "Detta är en tidigare version. Den gällande beskrivningen:",
            "This is an earlier version. The notice in force:"),
        ["Record.Title"] = new("Seloste käsittelytoimista (tietosuoja-asetuksen 30 artikla)", "Register över behandling (artikel 30 i dataskyddsförordningen)",
            "Record of processing activities (Article 30 GDPR)"),
        ["Record.Intro"] = new(
            "Seloste kootaan samoista lähteistä kuin julkaistu tietosuojaseloste: rekisterin tietoluettelosta ja voimassa olevista asetuksista. Se vastaa selosteen versiota {0}.",
            "Registret sammanställs ur samma källor som den publicerade dataskyddsbeskrivningen: registrets datakatalog och gällande inställningar. Det motsvarar beskrivningens version {0}.",
            "The record is assembled from the same sources as the published privacy notice: the register's catalogue and the settings in force. It matches notice version {0}."),
        ["Record.Generated"] = new("Koottu {0}", "Sammanställt {0}", "Generated {0}"),
        ["Record.Controller"] = new("Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"),
        ["Record.Contact"] = new("Yhteystiedot", "Kontaktuppgifter", "Contact"),
        ["Record.Dpo"] = new("Tietosuojavastaava", "Dataskyddsombud", "Data protection officer"),
        ["Record.Activities"] = new("Käsittelytoimet", "Behandlingar", "Processing activities"),
        ["Record.Purpose"] = new("Käyttötarkoitus", "Ändamål", "Purpose"),
        ["Record.Bases"] = new("Oikeusperuste", "Rättslig grund", "Legal basis"),
        ["Record.Subjects"] = new("Rekisteröityjen ryhmät", "Kategorier av registrerade", "Categories of data subjects"),
        ["Record.Data"] = new("Henkilötietoryhmät", "Kategorier av personuppgifter", "Categories of personal data"),
        ["Record.Recipients"] = new("Vastaanottajat", "Mottagare", "Recipients"),
        ["Record.Transfers"] = new("Siirrot EU:n/ETA:n ulkopuolelle", "Överföringar utanför EU/EES", "Transfers outside the EU/EEA"),
        ["Record.ErasureLimits"] = new("Poistamisen määräajat", "Tidsfrister för radering", "Time limits for erasure"),
        ["Record.Security"] = new("Tekniset ja organisatoriset turvatoimet", "Tekniska och organisatoriska säkerhetsåtgärder",
            "Technical and organisational security measures"),
        ["Record.Erasure"] = new("{0}: {1}, laskettuna: {2}", "{0}: {1}, räknat från: {2}", "{0}: {1}, counted from: {2}"),
        ["Record.Recipient"] = new("{0} ({1}, {2}): {3}", "{0} ({1}, {2}): {3}", "{0} ({1}, {2}): {3}"),
        ["Record.Recipient.None"] = new("Ei luovutuksia", "Inga utlämnanden", "No disclosures"),
        ["Record.Subjects.Consumer"] = new("kuluttaja-asiakkaat", "konsumentkunder", "consumer customers"),
        ["Record.Subjects.ContactPerson"] = new("asiakasorganisaatioiden yhteyshenkilöt", "kundorganisationernas kontaktpersoner",
            "contact persons of customer organisations"),
        ["Record.Subjects.SoleTrader"] = new("elinkeinonharjoittajat", "enskilda näringsidkare", "sole traders"),
        ["Record.Csv"] = new("Lataa CSV", "Ladda ner CSV", "Download CSV"),
        ["Record.Pdf"] = new("Lataa PDF", "Ladda ner PDF", "Download PDF"),
        ["Record.Page"] = new("Sivu {0}/{1}", "Sida {0}/{1}", "Page {0}/{1}"),
        ["Record.Notice"] = new("Julkaistu tietosuojaseloste", "Den publicerade dataskyddsbeskrivningen", "The published privacy notice"),
        ["Notice.Contents"] = new("Sisältö", "Innehåll", "Contents"),
    };

    public static string T(string key, string language) => Texts[key].In(language);

    public static string F(string key, string language, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, T(key, language), args);
}
