using CustomerRegister.Localization;

namespace CustomerRegister.Erasure.Pages;

/// <summary>The erasure page's words, Finnish first.</summary>
[TextTable]
public static class ErasurePageTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Erasure.Title"] = new("Tietojen poisto", "Radering av uppgifter", "Erasure"),
        ["Erasure.Back"] = new("Takaisin pyyntöön", "Tillbaka till begäran", "Back to the request"),
        ["Erasure.Preview.Intro"] = new(
            "Esikatselu näyttää, mitä henkilön tiedoille tehdään, jos poisto vahvistetaan nyt. Esikatselu ei muuta mitään.",
            "Förhandsvisningen visar vad som görs med personens uppgifter om raderingen bekräftas nu. Förhandsvisningen ändrar ingenting.",
            "The preview shows what would happen to the person's data if the erasure were confirmed now. The preview changes nothing."),
        ["Erasure.Preview.Person"] = new("Henkilö", "Person", "Person"),
        ["Erasure.Preview.PersonLink"] = new("Avaa henkilösivu", "Öppna personsidan", "Open the person's page"),
        ["Erasure.Preview.State"] = new("Pyynnön tila", "Begärans status", "Request state"),
        ["Erasure.Preview.Today"] = new("Laskettu päivälle", "Beräknat för dagen", "Worked out for"),
        ["Erasure.Deleted.Title"] = new("Poistetaan", "Raderas", "Deleted"),
        ["Erasure.Deleted.Intro"] = new("Nämä tiedot poistetaan kokonaan.", "Dessa uppgifter raderas helt.", "These data are deleted entirely."),
        ["Erasure.Emptied.Title"] = new("Tyhjennetään", "Töms", "Emptied"),
        ["Erasure.Emptied.Intro"] = new(
            "Tieto tyhjennetään, mutta rivi jää, koska säilytettävä tieto viittaa siihen.",
            "Uppgiften töms men raden blir kvar, eftersom en uppgift som bevaras hänvisar till den.",
            "The value is emptied but the row stays, because a kept record refers to it."),
        ["Erasure.Emptied.Shell"] = new("Tyhjä rivi jää, koska säilytettävä tieto viittaa siihen",
            "En tom rad blir kvar eftersom en bevarad uppgift hänvisar till den", "An empty row stays because a kept record refers to it"),
        ["Erasure.Emptied.Inside"] = new("Tyhjennetään säilytettävästä tiedosta: {0}", "Töms i den bevarade uppgiften: {0}",
            "Emptied inside the kept record: {0}"),
        ["Erasure.Anonymised.Title"] = new("Anonymisoidaan", "Anonymiseras", "Anonymised"),
        ["Erasure.Anonymised.Intro"] = new(
            "Luvut ja päivämäärät jäävät tilastoihin; tekstit tyhjennetään ja yhteys henkilöön katkaistaan.",
            "Siffror och datum blir kvar för statistik; texter töms och kopplingen till personen tas bort.",
            "Figures and dates stay for statistics; texts are emptied and the link to the person is cut."),
        ["Erasure.Kept.Title"] = new("Säilytetään rajoitettuna", "Bevaras med begränsad behandling", "Kept, restricted"),
        ["Erasure.Kept.Intro"] = new(
            "Laki edellyttää näiden säilyttämistä. Niiden käsittely rajoitetaan, ja ne poistuvat määräpäivänään.",
            "Lagen kräver att dessa bevaras. Behandlingen begränsas och de raderas på sin förfallodag.",
            "The law requires keeping these. Their processing is restricted and they leave on their due date."),
        ["Erasure.Column.Category"] = new("Tietoryhmä", "Uppgiftskategori", "Category"),
        ["Erasure.Column.Count"] = new("Kohteita", "Poster", "Items"),
        ["Erasure.Column.Note"] = new("Selitys", "Förklaring", "Explanation"),
        ["Erasure.Column.Law"] = new("Peruste", "Grund", "Basis"),
        ["Erasure.Column.Period"] = new("Säilytysaika", "Lagringstid", "Retention period"),
        ["Erasure.Column.Leaves"] = new("Poistuu", "Raderas", "Leaves on"),
        ["Erasure.Period"] = new("{0}, laskettuna tapahtumasta: {1}", "{0}, räknat från: {1}", "{0}, counted from: {1}"),
        ["Erasure.Leaves.Later"] = new("Osa vasta myöhemmin: aika alkaa tapahtumasta {0}", "En del först senare: tiden börjar vid {0}",
            "Some only later: the period starts at {0}"),
        ["Erasure.Leaves.NotYet"] = new("Ei vielä päivää: aika alkaa tapahtumasta {0}", "Inget datum ännu: tiden börjar vid {0}",
            "No date yet: the period starts at {0}"),
        ["Erasure.Leaves.Voucher"] = new("Kun siihen viittaava tosite poistuu", "När verifikatet som hänvisar till den raderas",
            "When the voucher that refers to it leaves"),
        ["Erasure.Leaves.Collection"] = new("Kun perintäasia päättyy", "När indrivningsärendet avslutas", "When the collection case closes"),
        ["Erasure.Law.Voucher"] = new("Kirjanpitolaki (1336/1997) 2 luku 10 §: tosite perustuu siihen",
            "Bokföringslagen (1336/1997) 2 kap. 10 §: ett verifikat bygger på den", "Accounting Act (1336/1997) ch. 2 § 10: a voucher rests on it"),
        ["Erasure.Law.Collection"] = new("EU:n tietosuoja-asetus 17 art. 3 e kohta: avoin perintäasia tarvitsee sen",
            "EU:s dataskyddsförordning art. 17.3 e: ett öppet indrivningsärende behöver den", "GDPR Art 17(3)(e): an open collection case needs it"),
        ["Erasure.Law.accounting-voucher"] = new("Kirjanpitolaki (1336/1997) 2 luku 10 §", "Bokföringslagen (1336/1997) 2 kap. 10 §",
            "Accounting Act (1336/1997) ch. 2 § 10"),
        ["Erasure.Law.waste-record"] = new("Jätelaki (646/2011) 118 §", "Avfallslagen (646/2011) 118 §", "Waste Act (646/2011) § 118"),
        ["Erasure.Law.hazardous-waste-document"] = new("Jätelaki (646/2011) 121 §", "Avfallslagen (646/2011) 121 §", "Waste Act (646/2011) § 121"),
        ["Erasure.Law.identity-code-on-certificate"] = new("Tietosuojalaki (1050/2018) 29 §; EU:n tietosuoja-asetus 5 art. 1 c kohta",
            "Dataskyddslagen (1050/2018) 29 §; EU:s dataskyddsförordning art. 5.1 c", "Data Protection Act (1050/2018) § 29; GDPR Art 5(1)(c)"),
        ["Erasure.Law.rights-request"] = new("EU:n tietosuoja-asetus 5 art. 2 kohta ja 12 art.: näyttö siitä, että pyyntöön vastattiin ajallaan",
            "EU:s dataskyddsförordning art. 5.2 och art. 12: belägg för att begäran besvarades i tid",
            "GDPR Art 5(2) and Art 12: evidence that the request was answered in time"),
        ["Erasure.Bans.Title"] = new("Markkinointikielto säilyy", "Marknadsföringsförbudet bevaras", "The marketing prohibition stays"),
        ["Erasure.Bans.Intro"] = new(
            "Henkilön markkinointikiellot säilytetään tunnistetiivisteenä, jotta häntä ei lisätä markkinointiin uudelleen. Kanavat:",
            "Personens marknadsföringsförbud bevaras som nyckelhash, så att personen inte läggs till i marknadsföringen igen. Kanaler:",
            "The person's marketing prohibitions are kept as keyed hashes, so that they are not added to marketing again. Channels:"),
        ["Erasure.Channel.Email"] = new("sähköposti", "e-post", "email"),
        ["Erasure.Channel.Sms"] = new("tekstiviesti", "sms", "text message"),
        ["Erasure.Channel.Phone"] = new("puhelin", "telefon", "phone"),
        ["Erasure.Channel.Post"] = new("posti", "post", "post"),
        ["Erasure.Channel.Web"] = new("verkkosivusto", "webbplats", "website"),
        ["Erasure.Notify.Title"] = new("Ilmoitetaan vastaanottajille", "Mottagare som underrättas", "Recipients told"),
        ["Erasure.Notify.Intro"] = new("Poistosta ilmoitetaan (EU:n tietosuoja-asetus 19 art.):", "Raderingen meddelas till (EU:s dataskyddsförordning art. 19):",
            "The erasure is notified to (GDPR Art 19):"),
        ["Erasure.Nothing"] = new("Henkilöltä ei löydy poistettavaa.", "Det finns inget att radera för personen.", "Nothing of the person to erase."),
        ["Erasure.Confirm.Title"] = new("Vahvista poisto", "Bekräfta raderingen", "Confirm the erasure"),
        ["Erasure.Confirm.Intro"] = new(
            "Poistoa ei voi perua. Säilytettävien tietojen käsittely rajoitetaan, pyyntö suljetaan ja pyytäjälle lähetetään vastaus.",
            "Raderingen kan inte ångras. Behandlingen av de bevarade uppgifterna begränsas, begäran stängs och ett svar skickas till den som begärde.",
            "The erasure cannot be undone. What is kept is restricted, the request is closed and the requester is sent the answer."),
        ["Erasure.Confirm.Reviewed"] = new("Olen tarkistanut esikatselun", "Jag har granskat förhandsvisningen", "I have reviewed the preview"),
        ["Erasure.Confirm.ReviewedRequired"] = new(
            "Tarkista esikatselu ja merkitse se tarkistetuksi ennen poistoa.",
            "Granska förhandsvisningen och markera den som granskad före raderingen.",
            "Review the preview and tick it as reviewed before erasing."),
        ["Erasure.Confirm.Submit"] = new("Poista henkilön tiedot", "Radera personens uppgifter", "Erase the person's data"),
        ["Erasure.Confirm.Blocked"] = new("Poistoa ei voi vielä tehdä:", "Raderingen kan inte göras ännu:", "The erasure cannot run yet:"),
        ["Erasure.Done"] = new("Tiedot poistettu. Poistotodistus on alla.", "Uppgifterna har raderats. Raderingsintyget finns nedan.",
            "Erased. The certificate is below."),
        ["Erasure.Certificate.Title"] = new("Poistotodistus", "Raderingsintyg", "Erasure certificate"),
        ["Erasure.Certificate.Intro"] = new(
            "Todistus kertoo, mitä poistettiin ja mitä säilytetään, mihin asti ja miksi. Siinä ei ole henkilön tietoja.",
            "Intyget visar vad som raderades och vad som bevaras, hur länge och varför. Det innehåller inga personuppgifter.",
            "The certificate says what was erased and what is kept, until when and why. It holds no personal value."),
        ["Erasure.Certificate.CompletedAt"] = new("Poistettu", "Raderat", "Erased at"),
        ["Erasure.Certificate.Download"] = new("Lataa poistotodistus (JSON)", "Ladda ner raderingsintyget (JSON)", "Download the certificate (JSON)"),
        ["Erasure.Certificate.Backups"] = new(
            "Varmuuskopiot ovat rekisterin ulkopuolella: poistetut tiedot häviävät niistä, kun varmuuskopiot kiertävät pois.",
            "Säkerhetskopiorna finns utanför registret: de raderade uppgifterna försvinner ur dem när kopiorna roteras bort.",
            "Backups are outside the register: the erased data leaves them when the backups rotate out."),
        ["Erasure.NotMatched"] = new(
            "Pyyntöä ei ole vielä kohdistettu henkilöön. Kohdista se pyynnön sivulla, niin näet poiston esikatselun.",
            "Begäran har ännu inte kopplats till en person. Koppla den på begärans sida för att se förhandsvisningen.",
            "The request is not matched to a person yet. Match it on the request's page to see the preview."),
    };
}
