using CustomerRegister.Localization;

namespace CustomerRegister.Profiling;

/// <summary>Profiling's words: the segments and interests, the explanations, the panel, the DPO's page.</summary>
[TextTable]
public static class ProfilingTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Segment.ActiveScrapSeller"] = new("aktiivinen romunmyyjä", "aktiv skrotsäljare", "active scrap seller"),
        ["Segment.OccasionalScrapSeller"] = new("satunnainen romunmyyjä", "tillfällig skrotsäljare", "occasional scrap seller"),
        ["Segment.MajorServiceCustomer"] = new("merkittävä palveluasiakas", "betydande tjänstekund", "major service customer"),
        ["Segment.ServiceCustomer"] = new("palveluasiakas", "tjänstekund", "service customer"),
        ["Segment.Lapsing"] = new("hiipuva asiakas", "avtagande kund", "lapsing customer"),
        ["Segment.Dormant"] = new("passiivinen asiakas", "passiv kund", "dormant customer"),
        ["ServiceInterest.ScrapMetal"] = new("metalliromun myynti", "försäljning av metallskrot", "selling scrap metal"),
        ["ServiceInterest.VehicleScrapping"] = new("ajoneuvon romutus", "skrotning av fordon", "vehicle scrapping"),
        ["ServiceInterest.WasteManagement"] = new("jätehuolto", "avfallshantering", "waste management"),
        ["ServiceInterest.ContainerRental"] = new("vaihtolavat ja kontit", "växelflak och containrar", "skips and containers"),
        ["InterestEvidence.ScrapDeliveries"] = new("romutoimitukset", "skrotleveranser", "scrap deliveries"),
        ["InterestEvidence.ScrappingCertificates"] = new("romutustodistukset", "skrotningsintyg", "scrapping certificates"),
        ["InterestEvidence.OrderedServices"] = new("tilatut palvelut", "beställda tjänster", "ordered services"),
        ["InterestEvidence.Contacts"] = new("yhteydenotot", "kontakter", "contacts"),

        ["Profiling.Words.LessThanMonth"] = new("alle kuukausi sitten", "för mindre än en månad sedan", "less than a month ago"),
        ["Profiling.Words.MonthsAgo"] = new("{0} kk sitten", "för {0} mån sedan", "{0} months ago"),
        ["Profiling.Words.AYear"] = new("vuodessa", "per år", "a year"),
        ["Profiling.Words.InMonths"] = new("{0} kuukaudessa", "på {0} månader", "in {0} months"),
        ["Profiling.Words.Segment"] = new(
            "asiointi viimeksi {0}, {1} käyntiä {2} (romutoimituksia {3}, laskuja {4}, yhteensä {5}) → {6}",
            "senaste ärende {0}, {1} besök {2} (skrotleveranser {3}, fakturor {4}, sammanlagt {5}) → {6}",
            "last business {0}, {1} visits {2} ({3} scrap deliveries, {4} invoices, {5} in all) → {6}"),
        ["Profiling.Words.Interest"] = new("{0} → kiinnostus: {1}", "{0} → intresse: {1}", "{0} → interest: {1}"),
        ["Profiling.Evidence.ScrapDeliveries"] = new(
            "{0} romutoimitusta viimeisen {1} kk aikana", "{0} skrotleveranser under de senaste {1} månaderna", "{0} scrap deliveries in the last {1} months"),
        ["Profiling.Evidence.ScrappingCertificates"] = new(
            "{0} romutustodistusta viimeisen {1} kk aikana", "{0} skrotningsintyg under de senaste {1} månaderna", "{0} scrapping certificates in the last {1} months"),
        ["Profiling.Evidence.OrderedServices"] = new(
            "{0} voimassa olevaa tilattua palvelua aiheesta", "{0} gällande beställda tjänster inom området", "{0} ordered services in force on the subject"),
        ["Profiling.Evidence.Contacts"] = new(
            "{0} yhteydenottoa aiheesta viimeisen {1} kk aikana", "{0} kontakter om ämnet under de senaste {1} månaderna",
            "{0} contacts on the subject in the last {1} months"),
        ["Profiling.Rule.Segment"] = new(
            "asiointien tuoreus, tiheys ja arvo", "hur nyligen, hur ofta och för hur mycket", "recency, frequency and value of business"),
        ["Profiling.Rule.Interest"] = new(
            "palvelu- ja yhteydenottohistoria", "tjänste- och kontakthistorik", "service and contact history"),

        ["Profiling.Report.What"] = new(
            "Profiloimme asiakkaitamme automaattisesti kerran yössä markkinoinnin kohdentamista varten: asiakassegmentti asiointien tuoreudesta, tiheydestä ja arvosta sekä kiinnostukset palveluihimme palvelu- ja yhteydenottohistoriasta.",
            "Vi profilerar våra kunder automatiskt en gång per natt för att rikta marknadsföringen: ett kundsegment utifrån hur nyligen, hur ofta och för hur mycket ni gjort affärer med oss och intressen för våra tjänster utifrån tjänste- och kontakthistoriken.",
            "We profile our customers automatically once a night to target marketing: a customer segment from the recency, frequency and value of your business with us, and interests in our services from the service and contact history."),
        ["Profiling.Report.Results"] = new("Tuloksesi {0}: {1}", "Era resultat {0}: {1}", "Your results of {0}: {1}"),
        ["Profiling.Report.None"] = new(
            "Sinusta ei ole tällä hetkellä profiloinnin tuloksia.", "Det finns för närvarande inga profileringsresultat om er.",
            "There are no profiling results about you at present."),
        ["Profiling.Report.Stopped"] = new(
            "Sinua ei profiloida: olet vastustanut profilointia tai tietojesi käsittelyä on rajoitettu.",
            "Ni profileras inte: ni har invänt mot profilering eller behandlingen av era uppgifter är begränsad.",
            "You are not profiled: you objected to profiling or the processing of your data is restricted."),
        ["Profiling.Report.NoDecisions"] = new(
            "Profiloinnin perusteella ei tehdä päätöksiä, joilla on sinuun oikeudellisia tai vastaavia merkittäviä vaikutuksia (tietosuoja-asetuksen 22 artikla).",
            "Inga beslut med rättsliga eller liknande betydande följder för er fattas utifrån profileringen (artikel 22 i dataskyddsförordningen).",
            "No decision with legal or similarly significant effects on you is made from the profiling (GDPR Art 22)."),
        ["Profiling.Report.Object"] = new(
            "Voit vastustaa profilointia milloin tahansa; tuloksesi poistetaan silloin heti eikä sinua enää profiloida.",
            "Ni kan när som helst invända mot profileringen; era resultat raderas då genast och ni profileras inte längre.",
            "You may object to profiling at any time; your results are then removed at once and you are no longer profiled."),

        ["Panel.Profiling"] = new("Profilointi", "Profilering", "Profiling"),
        ["Profiling.Panel.Intro"] = new(
            "Automaattinen profilointi markkinoinnin kohdentamiseen. Ei päätöksiä, joilla on oikeudellisia vaikutuksia.",
            "Automatisk profilering för att rikta marknadsföringen. Inga beslut med rättsliga följder.",
            "Automated profiling to target marketing. No decisions with legal effect."),
        ["Profiling.Panel.Segment"] = new("Asiakassegmentti", "Kundsegment", "Customer segment"),
        ["Profiling.Panel.Interests"] = new("Palvelukiinnostukset", "Tjänsteintressen", "Service interests"),
        ["Profiling.Panel.Computed"] = new("laskettu {0}, sääntö: {1}", "beräknat {0}, regel: {1}", "computed {0}, rule: {1}"),
        ["Profiling.Panel.None"] = new(
            "Ei profiloinnin tuloksia (ei asiointia tai ei vielä laskettu).", "Inga profileringsresultat (inga affärer eller inte beräknat än).",
            "No profiling results (no business, or not computed yet)."),
        ["Profiling.Panel.Stopped"] = new(
            "Ei profiloida: henkilö on vastustanut profilointia tai käsittelyä on rajoitettu. Tulokset on poistettu.",
            "Profileras inte: personen har invänt mot profilering eller behandlingen är begränsad. Resultaten har raderats.",
            "Not profiled: the person objected to profiling or processing is restricted. The results have been removed."),

        ["Profiling.Title"] = new("Profilointi", "Profilering", "Profiling"),
        ["Profiling.Intro"] = new(
            "Asiakkaat profiloidaan joka yö klo {0} markkinoinnin kohdentamista varten. Profilointia vastustaneita ja rajoitettuja ei profiloida, ja heidän tuloksensa poistetaan heti.",
            "Kunderna profileras varje natt kl. {0} för att rikta marknadsföringen. De som invänt och de med begränsad behandling profileras inte, och deras resultat raderas genast.",
            "Customers are profiled every night at {0} to target marketing. People who objected or whose processing is restricted are not profiled, and their results are removed at once."),
        ["Profiling.NoDecisions"] = new(
            "Tuloksia käytetään vain markkinoinnin kohdentamiseen. Niiden perusteella ei tehdä päätöksiä, joilla on henkilöön oikeudellisia tai vastaavia merkittäviä vaikutuksia (tietosuoja-asetuksen 22 artikla).",
            "Resultaten används endast för att rikta marknadsföringen. Inga beslut med rättsliga eller liknande betydande följder för personen fattas utifrån dem (artikel 22 i dataskyddsförordningen).",
            "The results are used to target marketing only. No decision with legal or similarly significant effects on the person is made from them (GDPR Art 22)."),
        ["Profiling.Thresholds"] = new("Säännöt ja rajat", "Regler och gränser", "Rules and thresholds"),
        ["Profiling.Threshold.Window"] = new("Tarkastelujakso", "Granskningsperiod", "Window"),
        ["Profiling.Threshold.Active"] = new("Hiipuva, kun viimeisestä asioinnista", "Avtagande när senaste ärendet är äldre än", "Lapsing when the last business is older than"),
        ["Profiling.Threshold.Deliveries"] = new("Aktiivinen romunmyyjä, romutoimituksia vähintään", "Aktiv skrotsäljare, skrotleveranser minst", "Active scrap seller, scrap deliveries at least"),
        ["Profiling.Threshold.Euros"] = new("Merkittävä palveluasiakas, laskutus vähintään", "Betydande tjänstekund, fakturering minst", "Major service customer, invoiced at least"),
        ["Profiling.Threshold.Contacts"] = new("Kiinnostus yhteydenotoista, vähintään", "Intresse ur kontakter, minst", "Interest from contacts, at least"),
        ["Profiling.Months"] = new("{0} kk", "{0} mån", "{0} months"),
        ["Profiling.RunNow"] = new("Profiloi nyt", "Profilera nu", "Run profiling now"),
        ["Profiling.Running"] = new("Profilointi on käynnissä.", "Profileringen pågår.", "Profiling is running."),
        ["Profiling.ShowProgress"] = new("Näytä eteneminen", "Visa förloppet", "Show progress"),
        ["Profiling.Runs"] = new("Viimeisimmät ajot", "Senaste körningar", "Latest runs"),
        ["Profiling.Runs.Caption"] = new(
            "Profilointiajot uusimmasta alkaen: profiloidut, tulokset, pois jätetyt ja poistetut vanhat tulokset",
            "Profileringskörningar, nyaste först: profilerade, resultat, utelämnade och raderade gamla resultat",
            "Profiling runs, newest first: profiled, results, left out and old results removed"),
        ["Profiling.Runs.None"] = new("Profilointia ei ole vielä ajettu.", "Profileringen har inte körts än.", "Profiling has not run yet."),
        ["Profiling.Col.Started"] = new("Alkoi", "Började", "Started"),
        ["Profiling.Col.Trigger"] = new("Käynnistäjä", "Startad av", "Started by"),
        ["Profiling.Col.Profiled"] = new("Profiloituja", "Profilerade", "Profiled"),
        ["Profiling.Col.Results"] = new("Tuloksia", "Resultat", "Results"),
        ["Profiling.Col.Excluded"] = new("Jätetty pois", "Utelämnade", "Left out"),
        ["Profiling.Col.Cleared"] = new("Poistettu vanhoja", "Gamla raderade", "Old removed"),
        ["Profiling.Trigger.schedule"] = new("yöajo", "nattkörning", "nightly run"),
        ["Profiling.Trigger.user"] = new("käyttäjä", "användare", "a user"),
        ["Profiling.Trigger.client"] = new("yhdistetty järjestelmä", "anslutet system", "a connected system"),
        ["Profiling.Trigger.unfinished"] = new("kesken", "pågår", "not finished"),
        ["Profiling.Job.Title"] = new("Profilointi", "Profilering", "Profiling"),
        ["Profiling.Job.Step"] = new("{0} henkilöä käsitelty", "{0} personer behandlade", "{0} people done"),
        ["Profiling.Job.Done"] = new(
            "Profiloitiin {0} henkilöä ({1} tulosta), pois jätettiin {2}.", "{0} personer profilerades ({1} resultat), {2} utelämnades.",
            "{0} people profiled ({1} results), {2} left out."),

        // The access letter's names for a result's fields (AccessReportWords reads them by these keys).
        ["Report.Kind.ProfileResult"] = new("Profiloinnin tulos", "Profileringsresultat", "Profiling result"),
        ["Report.Label.ProfileResult.Segment"] = new("Asiakassegmentti", "Kundsegment", "Customer segment"),
        ["Report.Label.ProfileResult.Interest"] = new("Palvelukiinnostus", "Tjänsteintresse", "Service interest"),
        ["Report.Label.ProfileResult.ComputedAt"] = new("Laskettu", "Beräknat", "Computed"),
        ["Report.Label.ProfileResult.LastBusinessOn"] = new("Viimeisin asiointi", "Senaste ärende", "Last business"),
        ["Report.Label.ProfileResult.Deliveries"] = new("Romutoimituksia jaksolla", "Skrotleveranser under perioden", "Scrap deliveries in the window"),
        ["Report.Label.ProfileResult.Invoices"] = new("Laskuja jaksolla", "Fakturor under perioden", "Invoices in the window"),
        ["Report.Label.ProfileResult.Amount"] = new("Arvo jaksolla", "Värde under perioden", "Value in the window"),
        ["Report.Label.ProfileResult.Evidence"] = new("Peruste", "Underlag", "Read from"),
        ["Report.Label.ProfileResult.EvidenceCount"] = new("Perusteita", "Antal underlag", "Items read"),
    };
}
