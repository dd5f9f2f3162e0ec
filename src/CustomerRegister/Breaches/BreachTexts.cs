using CustomerRegister.Localization;

namespace CustomerRegister.Breaches;

/// <summary>The words of the breach register's pages and of its enums wherever they are shown.</summary>
[TextTable]
public static class BreachTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Nav.Breaches"] = new("Loukkaukset", "Incidenter", "Breaches"),
        ["Breaches.Title"] = new("Tietoturvaloukkaukset", "Personuppgiftsincidenter", "Personal-data breaches"),
        ["Breaches.Intro"] = new(
            "Jokainen henkilötietojen tietoturvaloukkaus kirjataan. Valvontaviranomaiselle ilmoitetaan 72 tunnin kuluessa havaitsemisesta, ellei loukkauksesta todennäköisesti aiheudu riskiä.",
            "Varje personuppgiftsincident registreras. Den anmäls till tillsynsmyndigheten inom 72 timmar efter upptäckten, om den inte sannolikt medför en risk.",
            "Every personal-data breach is recorded. It is notified to the authority within 72 hours of its discovery unless it is unlikely to result in a risk."),
        ["Breaches.New.Link"] = new("Kirjaa tietoturvaloukkaus", "Registrera en incident", "Record a breach"),
        ["Breaches.None"] = new("Tietoturvaloukkauksia ei ole kirjattu.", "Inga incidenter har registrerats.", "No breaches recorded."),
        ["Breaches.Col.Discovered"] = new("Havaittu", "Upptäckt", "Discovered"),
        ["Breaches.Col.What"] = new("Mitä tapahtui", "Vad hände", "What happened"),
        ["Breaches.Col.Authority"] = new("Ilmoitus valvontaviranomaiselle", "Anmälan till tillsynsmyndigheten", "Notification to the authority"),
        ["Breaches.Col.People"] = new("Henkilöille ilmoittaminen", "Information till personerna", "Telling the people"),
        ["Breaches.Back"] = new("← Tietoturvaloukkaukset", "← Personuppgiftsincidenter", "← Breaches"),

        ["Breaches.New.Title"] = new("Kirjaa tietoturvaloukkaus", "Registrera en personuppgiftsincident", "Record a personal-data breach"),
        ["Breaches.New.Intro"] = new(
            "72 tunnin määräaika valvontaviranomaiselle alkaa havaitsemisesta. Kirjaa se, mitä nyt tiedetään: tietoja voi täydentää ilmoituksessa.",
            "Fristen på 72 timmar till tillsynsmyndigheten börjar vid upptäckten. Registrera det som är känt nu.",
            "The 72 hours to the authority run from the discovery. Record what is known now."),
        ["Breaches.New.Submit"] = new("Tallenna", "Spara", "Save"),
        ["Breaches.New.Saved"] = new("Tietoturvaloukkaus kirjattu.", "Incidenten har registrerats.", "Breach recorded."),
        ["Breaches.Cancel"] = new("Peruuta", "Avbryt", "Cancel"),
        ["Breaches.Field.DiscoveredAt"] = new("Havaittu (päivä ja kellonaika)", "Upptäckt (datum och tid)", "Discovered (date and time)"),
        ["Breaches.Field.DiscoveredAtHint"] = new("Milloin loukkaus tuli tietoon.", "När incidenten blev känd.", "When the breach became known."),
        ["Breaches.Field.OccurredAt"] = new("Tapahtui (jos tiedossa)", "Inträffade (om känt)", "Happened (if known)"),
        ["Breaches.Field.Description"] = new("Mitä tapahtui", "Vad hände", "What happened"),
        ["Breaches.Field.Categories"] = new("Tietoryhmät, joita loukkaus koski", "Uppgiftskategorier som berördes", "Data categories concerned"),
        ["Breaches.Field.ApproxPeople"] = new("Henkilöitä (arvio)", "Personer (uppskattning)", "People (approximately)"),
        ["Breaches.Field.ApproxRecords"] = new("Tietueita (arvio)", "Poster (uppskattning)", "Records (approximately)"),
        ["Breaches.Field.Consequences"] = new("Todennäköiset seuraukset", "Sannolika följder", "Likely consequences"),
        ["Breaches.Field.Measures"] = new("Toteutetut ja suunnitellut toimenpiteet", "Vidtagna och planerade åtgärder", "Measures taken and planned"),

        ["Breaches.Facts.Title"] = new("Loukkaus", "Incidenten", "The breach"),
        ["Breaches.Facts.Recorded"] = new("Kirjattu", "Registrerad", "Recorded"),
        ["Breaches.Facts.Unknown"] = new("ei tiedossa", "okänt", "not known"),

        ["Breaches.Clock.Title"] = new("Ilmoitus valvontaviranomaiselle", "Anmälan till tillsynsmyndigheten", "Notification to the authority"),
        ["Breaches.Clock.Due"] = new("Määräaika", "Frist", "Due"),
        ["Breaches.Clock.HoursLeft"] = new("{0} h jäljellä", "{0} h kvar", "{0} h left"),
        ["Breaches.Clock.HoursOver"] = new("myöhässä {0} h", "försenad {0} h", "{0} h overdue"),
        ["Breaches.Clock.Warning"] = new(
            "Ilmoitus valvontaviranomaiselle on tehtävä viimeistään {0} ({1}).", "Anmälan till tillsynsmyndigheten ska göras senast {0} ({1}).",
            "The authority must be notified by {0} ({1})."),
        ["Breaches.Clock.Overdue"] = new(
            "72 tunnin määräaika ylittyi {0}. Ilmoita heti ja kerro viivästyksen syy.", "Fristen på 72 timmar gick ut {0}. Anmäl genast och ange skälen till förseningen.",
            "The 72 hours ran out at {0}. Notify now and give the reasons for the delay."),
        ["Breaches.Authority.NotifiedText"] = new("Ilmoitettu {0}, viite {1}.", "Anmäld {0}, referens {1}.", "Notified at {0}, reference {1}."),
        ["Breaches.Authority.NotRequiredText"] = new(
            "Ei ilmoitettu: loukkauksesta ei todennäköisesti aiheudu riskiä. Perustelu: {0}", "Inte anmäld: incidenten medför sannolikt ingen risk. Motivering: {0}",
            "Not notified: unlikely to result in a risk. Reason: {0}"),
        ["Breaches.Authority.ReasonText"] = new("Viivästyksen syy: {0}", "Skäl till förseningen: {0}", "Reasons for the delay: {0}"),
        ["Breaches.Authority.Submit"] = new("Kirjaa ilmoitus", "Registrera anmälan", "Record the notification"),
        ["Breaches.Field.AuthorityDecision"] = new("Päätös", "Beslut", "Decision"),
        ["Breaches.Field.NotifiedAt"] = new("Ilmoitettu (päivä ja kellonaika)", "Anmäld (datum och tid)", "Notified (date and time)"),
        ["Breaches.Field.Reference"] = new("Viranomaisen viite tai diaarinumero", "Myndighetens referens eller diarienummer", "The authority's reference"),
        ["Breaches.Field.AuthorityReason"] = new("Perustelu tai viivästyksen syy", "Motivering eller skäl till förseningen", "Reason, or the reasons for a delay"),
        ["Breaches.Field.AuthorityReasonHint"] = new(
            "Pakollinen, jos ilmoitusta ei tehdä tai se tehdään yli 72 tunnin kuluttua.", "Obligatorisk om ingen anmälan görs eller om den görs efter 72 timmar.",
            "Required when not notifying, or when notifying after 72 hours."),

        ["Breaches.People.Title"] = new("Ilmoittaminen henkilöille", "Information till de registrerade", "Telling the people"),
        ["Breaches.People.Pending"] = new(
            "Päätä, kerrotaanko loukkauksesta henkilöille (tietosuoja-asetuksen 34 artikla): se on tehtävä, jos loukkauksesta todennäköisesti aiheutuu korkea riski.",
            "Besluta om personerna informeras (artikel 34): det ska göras om incidenten sannolikt medför en hög risk.",
            "Decide whether the people are told (Art 34): they must be when the breach is likely to result in a high risk."),
        ["Breaches.People.NotifyText"] = new("Päätetty ilmoittaa henkilöille {0}.", "Beslutat {0} att informera personerna.", "Decided on {0} to tell the people."),
        ["Breaches.People.DoNotNotifyText"] = new("Päätetty {0} olla ilmoittamatta. Perustelu: {1}", "Beslutat {0} att inte informera. Motivering: {1}", "Decided on {0} not to tell them. Reason: {1}"),
        ["Breaches.People.Submit"] = new("Tallenna päätös", "Spara beslutet", "Save the decision"),
        ["Breaches.Field.PeopleDecision"] = new("Päätös", "Beslut", "Decision"),
        ["Breaches.Field.PeopleReason"] = new("Perustelu", "Motivering", "Reason"),
        ["Breaches.Field.PeopleReasonHint"] = new(
            "Pakollinen, jos henkilöille ei ilmoiteta (esim. tiedot olivat salattuja).", "Obligatorisk om personerna inte informeras (t.ex. uppgifterna var krypterade).",
            "Required when the people are not told (e.g. the data was encrypted)."),
        ["Breaches.Letter.Title"] = new("Kirje henkilöille", "Brev till personerna", "Letter to the people"),
        ["Breaches.Edit.Title"] = new("Korjaa loukkauksen tietoja", "Rätta uppgifterna om incidenten", "Correct the breach's facts"),
        ["Breaches.Edit.Intro"] = new(
            "Täydennä tai korjaa tietoja sitä mukaa kuin niitä saadaan (tietosuoja-asetuksen 33 artiklan 4 kohta). Muutokset kirjataan tapahtumalokiin.",
            "Komplettera eller rätta uppgifterna efter hand som de blir kända (artikel 33.4 i dataskyddsförordningen). Ändringarna loggas.",
            "Complete or correct the facts as they become known (GDPR Art 33(4)). The changes are logged."),
        ["Breaches.Edit.Link"] = new("Korjaa tietoja", "Rätta uppgifterna", "Correct the facts"),
        ["Breaches.Edit.Back"] = new("← Takaisin loukkaukseen", "← Tillbaka till incidenten", "← Back to the breach"),
        ["Breaches.Edit.Saved"] = new("Tiedot päivitetty.", "Uppgifterna uppdaterade.", "The facts were updated."),
        ["Breaches.Letters.Title"] = new("Kirjeiden lähetys", "Utskick av breven", "Sending the letters"),
        ["Breaches.Letters.Intro"] = new(
            "Kirje lähtee sähköpostilla jokaiselle kohteena olleelle, jonka sähköposti on rekisterissä; muille se tulostetaan ja postitetaan.",
            "Brevet skickas per e-post till varje berörd person vars e-post finns i registret; till de övriga skrivs det ut och postas.",
            "The letter goes by email to everyone affected whose email is in the register; the others get it printed and posted."),
        ["Breaches.Letters.Send"] = new("Lähetä kirje henkilöille", "Skicka brevet till personerna", "Send the letter to the people"),
        ["Breaches.Letters.SendMore"] = new("Lähetä kirje uusille henkilöille ({0})", "Skicka brevet till nya personer ({0})", "Send the letter to the new people ({0})"),
        ["Breaches.Letters.Sent"] = new("Sähköpostilla {0}, postitettavia {1}.", "Per e-post {0}, att posta {1}.", "By email {0}, to post {1}."),
        ["Breaches.Letters.MarkPosted"] = new("Merkitse kirjeet postitetuiksi ({0})", "Markera breven som postade ({0})", "Mark the letters posted ({0})"),
        ["Breaches.Letters.Posted"] = new("{0} kirjettä merkitty postitetuiksi.", "{0} brev markerade som postade.", "{0} letters marked posted."),
        ["Breaches.Letters.Count"] = new("Kirjeiden tila", "Brevens status", "Letters by state"),
        ["LetterState.NotSent"] = new("Ei lähetetty", "Inte skickat", "Not sent"),
        ["LetterState.Sending"] = new("Lähtee sähköpostilla", "Skickas per e-post", "Being emailed"),
        ["LetterState.Delivered"] = new("Toimitettu sähköpostilla", "Levererat per e-post", "Delivered by email"),
        ["LetterState.Failed"] = new("Sähköposti ei mennyt perille – postitettava", "E-posten gick inte fram – ska postas", "Email undeliverable – to post"),
        ["LetterState.ToPost"] = new("Postitettava", "Ska postas", "To post"),
        ["LetterState.Posted"] = new("Postitettu", "Postat", "Posted"),
        ["Breaches.Letter.Language.fi"] = new("suomeksi", "på finska", "in Finnish"),
        ["Breaches.Letter.Language.sv"] = new("ruotsiksi", "på svenska", "in Swedish"),
        ["Breaches.Letter.Language.en"] = new("englanniksi", "på engelska", "in English"),

        ["Breaches.Affected.Title"] = new("Henkilöt, joita loukkaus koski", "Berörda personer", "People affected"),
        ["Breaches.Affected.Intro"] = new(
            "Hae tapahtumalokista kaikki henkilöt, joiden tietoja valittu käyttäjä tai avain katsoi valittuna aikana (esimerkiksi väärissä käsissä ollut tunnus).",
            "Hämta ur händelseloggen alla personer vars uppgifter den valda användaren eller nyckeln såg under perioden (t.ex. ett stulet konto).",
            "Find in the audit trail everyone whose data the chosen user or key looked at in the period (e.g. a stolen account)."),
        ["Breaches.Affected.Count"] = new("{0} henkilöä", "{0} personer", "{0} people"),
        ["Breaches.Affected.None"] = new("Henkilöitä ei ole vielä haettu.", "Inga personer har hämtats ännu.", "No people found yet."),
        ["Breaches.Affected.Person"] = new("Henkilö {0}", "Person {0}", "Person {0}"),
        ["Breaches.Affected.FromAudit"] = new("tapahtumalokista", "ur händelseloggen", "from the audit trail"),
        ["Breaches.Affected.Submit"] = new("Hae tapahtumalokista", "Hämta ur händelseloggen", "Find in the audit trail"),
        ["Breaches.Affected.Found"] = new("Löytyi {0} henkilöä, joista {1} uutta.", "{0} personer hittades, varav {1} nya.", "Found {0} people, {1} of them new."),
        ["Breaches.Field.ActorId"] = new("Käyttäjä", "Användare", "User"),
        ["Breaches.Field.From"] = new("Alkaen", "Från", "From"),
        ["Breaches.Field.To"] = new("Päättyen", "Till", "To"),
        ["Breaches.Choose"] = new("Valitse…", "Välj…", "Choose…"),
        ["Breaches.Saved"] = new("Tallennettu.", "Sparat.", "Saved."),

        ["Dpo.Fig.Breaches"] = new("tietoturvaloukkausta odottaa ilmoitusta", "incidenter väntar på anmälan", "breaches awaiting notification"),

        ["AuthorityDecision.Pending"] = new("Ei vielä päätetty", "Inte ännu beslutat", "Not yet decided"),
        ["AuthorityDecision.Notified"] = new("Ilmoitettu valvontaviranomaiselle", "Anmäld till tillsynsmyndigheten", "Notified to the authority"),
        ["AuthorityDecision.NotRequired"] = new("Ei ilmoiteta: ei todennäköistä riskiä", "Anmäls inte: ingen sannolik risk", "Not notified: no likely risk"),
        ["PeopleDecision.Pending"] = new("Ei vielä päätetty", "Inte ännu beslutat", "Not yet decided"),
        ["PeopleDecision.Notify"] = new("Ilmoitetaan henkilöille", "Personerna informeras", "The people are told"),
        ["PeopleDecision.DoNotNotify"] = new("Ei ilmoiteta henkilöille", "Personerna informeras inte", "The people are not told"),
        ["BreachClockState.Running"] = new("Aikaa jäljellä", "Tid kvar", "Time left"),
        ["BreachClockState.Warning"] = new("Määräaika lähestyy", "Fristen närmar sig", "Due soon"),
        ["BreachClockState.Overdue"] = new("Myöhässä", "Försenad", "Overdue"),
        ["BreachClockState.NotifiedInTime"] = new("Ilmoitettu ajoissa", "Anmäld i tid", "Notified in time"),
        ["BreachClockState.NotifiedLate"] = new("Ilmoitettu myöhässä", "Anmäld för sent", "Notified late"),
        ["BreachClockState.NotRequired"] = new("Ei ilmoitusvelvollisuutta", "Ingen anmälningsplikt", "No notification needed"),
    };
}
