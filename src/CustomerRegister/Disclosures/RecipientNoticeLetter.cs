using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;

namespace CustomerRegister.Disclosures;

/// <summary>
/// The Art 19 notice to a recipient's data-protection contact: which person (by the register's id the recipient knows
/// from the disclosures — never a name or a code in the mail), what was done to which categories, what we ask of the
/// recipient, and whom to contact. To a company, so no right to complain; Finnish to a Finnish recipient, Swedish to a
/// Swedish one, English to the rest.
/// </summary>
public static class RecipientNoticeLetter
{
    private static readonly LocalText Hello = new("Hei,", "Hej,", "Hello,");

    private static readonly LocalText SubjectLine = new(
        "Ilmoitus henkilötietojen {0} (EU:n tietosuoja-asetuksen 19 artikla)",
        "Meddelande om {0} av personuppgifter (artikel 19 i EU:s dataskyddsförordning)",
        "Notice of {0} of personal data (Article 19 of the GDPR)");

    private static readonly LocalText Disclosed = new(
        "Olemme luovuttaneet teille henkilötietoja henkilöstä, jonka tunniste rekisterissämme on {0} (luovutukset {1}).",
        "Vi har lämnat ut personuppgifter till er om en person vars identifierare i vårt register är {0} (utlämnanden {1}).",
        "We have disclosed to you personal data of a person whose identifier in our register is {0} (disclosures {1}).");

    private static readonly LocalText DisclosedUndated = new(
        "Olette vastaanottanut henkilötietoja henkilöstä, jonka tunniste rekisterissämme on {0}.",
        "Ni har tagit emot personuppgifter om en person vars identifierare i vårt register är {0}.",
        "You have received personal data of a person whose identifier in our register is {0}.");

    private static readonly LocalText Categories = new("Asia koskee näitä tietoja: {0}.", "Det gäller följande uppgifter: {0}.", "It concerns these data: {0}.");

    private static readonly LocalText Questions = new(
        "Kysymykset: {0}.", "Frågor: {0}.", "Questions: {0}.");

    private static readonly LocalText Regards = new("Ystävällisin terveisin", "Med vänliga hälsningar", "Kind regards");

    private static readonly Dictionary<NotificationSubject, (LocalText Noun, LocalText Done)> Texts = new()
    {
        [NotificationSubject.Rectification] = (new("oikaisusta", "rättelse", "rectification"), new(
            "Henkilön tiedot on oikaistu hänen pyynnöstään. Pyydämme teitä korjaamaan ne myös omiin järjestelmiinne; oikaistut tiedot saatte samaa kautta kuin aiemminkin.",
            "Personens uppgifter har rättats på hans eller hennes begäran. Vi ber er rätta dem också i era egna system; de rättade uppgifterna får ni samma väg som tidigare.",
            "The person's data has been rectified at their request. Please correct it in your own systems as well; you receive the corrected data the same way as before.")),
        [NotificationSubject.Erasure] = (new("poistosta", "radering", "erasure"), new(
            "Henkilön tiedot on poistettu hänen pyynnöstään. Pyydämme teitä poistamaan teille luovutetut tiedot, ellei teillä ole omaa lakiin perustuvaa syytä säilyttää niitä.",
            "Personens uppgifter har raderats på hans eller hennes begäran. Vi ber er radera de uppgifter ni fått, om ni inte har en egen laglig grund att behålla dem.",
            "The person's data has been erased at their request. Please erase the data disclosed to you unless you have your own legal ground to keep it.")),
        [NotificationSubject.RestrictionSet] = (new("käsittelyn rajoittamisesta", "begränsning av behandling", "restriction of processing"), new(
            "Henkilön tietojen käsittelyä on rajoitettu hänen pyynnöstään. Pyydämme teitä säilyttämään tiedot mutta olemaan käsittelemättä niitä muuten, kunnes ilmoitamme rajoituksen päättyneen.",
            "Behandlingen av personens uppgifter har begränsats på hans eller hennes begäran. Vi ber er lagra uppgifterna men inte behandla dem på annat sätt förrän vi meddelar att begränsningen har upphört.",
            "The processing of the person's data has been restricted at their request. Please keep the data but do not otherwise process it until we tell you the restriction has ended.")),
        [NotificationSubject.RestrictionLifted] = (new("käsittelyn rajoituksen päättymisestä", "upphävd begränsning av behandling", "the end of a restriction of processing"), new(
            "Henkilön tietojen käsittelyn rajoitus on päättynyt. Tietoja voi jälleen käsitellä tavanomaisesti.",
            "Begränsningen av behandlingen av personens uppgifter har upphört. Uppgifterna får åter behandlas som vanligt.",
            "The restriction of processing of the person's data has ended. The data may again be processed as usual.")),
    };

    /// <summary>The notice's language for a recipient in <paramref name="countryCode"/>.</summary>
    public static string LanguageFor(string? countryCode) => countryCode switch
    {
        "FI" => "fi",
        "SE" => "sv",
        _ => "en",
    };

    /// <summary>The subject line and body of the notice.</summary>
    public static (string Subject, string Body) Compose(
        NotificationSubject what, Guid subjectId, IReadOnlyList<DateTime> disclosedAt, IEnumerable<string> categoryIds, string language,
        ReportController from)
    {
        var (noun, done) = Texts[what];
        var dates = disclosedAt.Select(HelsinkiTime.DateOf).Distinct().Order().Select(d => Display.Date(d)).ToList();
        var names = categoryIds.Select(id => Catalog.Categories.All.FirstOrDefault(c => c.Id == id)?.Name(language) ?? id).Distinct().ToList();
        var paragraphs = new List<string>
        {
            Hello.In(language),
            dates.Count == 0
                ? DisclosedUndated.Format(subjectId).In(language)
                : Disclosed.Format(subjectId, string.Join(", ", dates)).In(language),
            done.In(language),
        };
        if (names.Count > 0)
        {
            paragraphs.Add(Categories.Format(string.Join(", ", names).ToLower(CultureInfo.GetCultureInfo(language))).In(language));
        }

        paragraphs.Add(Questions.Format(RequestLetters.Contact(from)).In(language));
        paragraphs.Add($"{Regards.In(language)}\n{from.ProtectionOfficer ?? from.Name}\n{from.Name}");
        return (SubjectLine.Format(noun.In(language)).In(language), string.Join("\n\n", paragraphs));
    }
}
