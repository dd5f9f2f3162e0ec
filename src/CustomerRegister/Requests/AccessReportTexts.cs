using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>The report's texts in Finnish, Swedish and English.</summary>
public static class AccessReportTexts
{
    private static readonly Dictionary<string, LocalText> Texts = new()
    {
        ["title"] = new("Tarkastusoikeusraportti (EU:n tietosuoja-asetus 15 artikla)", "Rapport om rätt till tillgång (EU:s dataskyddsförordning artikel 15)",
            "Access report (GDPR Article 15)"),
        ["controller"] = new("Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"),
        ["dpo"] = new("Tietosuojavastaava", "Dataskyddsombud", "Data protection officer"),
        ["subject"] = new("Rekisteröidyn tunniste", "Den registrerades identifierare", "Data subject id"),
        ["generated"] = new("Laadittu", "Upprättad", "Generated at"),
        ["explanation"] = new(
            "Raportti sisältää kaikki teistä asiakasrekisteriin tallennetut henkilötiedot tietoluokittain. Henkilötunnus ja tilinumero näytetään vain peitettyinä. Hakuhakemisto ei ole mukana, koska se vain toistaa muualla näkyviä nimiä, puhelinnumeroita ja sähköpostiosoitteita.",
            "Rapporten innehåller alla personuppgifter om er som lagrats i kundregistret, per kategori. Personbeteckning och kontonummer visas endast maskerade. Sökindexet ingår inte, eftersom det bara upprepar namn, telefonnummer och e-postadresser som visas på annat ställe.",
            "The report contains all personal data about you stored in the customer register, by category. The personal identity code and bank account are shown masked only. The search index is not included because it only duplicates names, phone numbers and email addresses shown elsewhere."),
        ["explanation.full"] = new(
            "Raportti sisältää kaikki sinusta asiakasrekisteriin tallennetut henkilötiedot tietoluokittain. Koska tunnistauduit vahvasti, henkilötunnus ja tilinumero näytetään kokonaan. Hakuhakemisto ei ole mukana, koska se vain toistaa muualla näkyviä nimiä, puhelinnumeroita ja sähköpostiosoitteita.",
            "Rapporten innehåller alla personuppgifter om dig som lagrats i kundregistret, per kategori. Eftersom du identifierade dig starkt visas personbeteckning och kontonummer i sin helhet. Sökindexet ingår inte, eftersom det bara upprepar namn, telefonnummer och e-postadresser som visas på annat ställe.",
            "The report contains all personal data about you stored in the customer register, by category. Because you identified yourself strongly, the personal identity code and bank account are shown in full. The search index is not included because it only duplicates names, phone numbers and email addresses shown elsewhere."),
        ["categories"] = new("Tietoluokat ja tiedot", "Kategorier och uppgifter", "Categories and items"),
        ["uses"] = new("Käyttötarkoitukset ja oikeusperuste", "Ändamål och rättslig grund", "Purposes and legal basis"),
        ["retention"] = new("Säilytysaika", "Lagringstid", "Retention"),
        ["erasure"] = new("Poistopyynnön vaikutus", "Verkan av en begäran om radering", "Effect of erasure"),
        ["retention.from"] = new("laskettuna tapahtumasta", "räknat från", "counted from"),
        ["page"] = new("Sivu {0} / {1}", "Sida {0} av {1}", "Page {0} of {1}"),
        ["table"] = new("Taulu", "Tabell", "Table"),
        ["row"] = new("Rivi", "Rad", "Row"),
        ["source"] = new("Tietolähde", "Uppgiftskälla", "Source"),
        ["created"] = new("Luotu", "Skapad", "Created"),
        ["updated"] = new("Muutettu", "Ändrad", "Updated"),
        ["due"] = new("Poistetaan viimeistään", "Raderas senast", "Deleted at the latest"),
        ["field"] = new("Tieto", "Uppgift", "Field"),
        ["value"] = new("Arvo", "Värde", "Value"),
        ["masked"] = new("näytetään peitettynä", "visas maskerad", "shown masked"),
        ["recipients"] = new("Vastaanottajat", "Mottagare", "Recipients"),
        ["recipient.group"] = new("Encore Ympäristöpalvelut Oy:n tytär- ja yhteisyritykset", "Encore Ympäristöpalvelut Oy:s dotter- och intresseföretag",
            "Subsidiaries and associated companies of Encore Ympäristöpalvelut Oy"),
        ["recipient.collection"] = new("Perintätoimisto maksamattomien laskujen perintää varten", "Inkassobyrå för indrivning av obetalda fakturor",
            "A debt-collection agency for unpaid invoices"),
        ["disclosures"] = new("Järjestelmään ei ole kirjattu tietojenne luovutuksia.", "Inga utlämnanden av era uppgifter har registrerats i systemet.",
            "No disclosures of your data are recorded in the system."),
        ["disclosures.made"] = new("Järjestelmään kirjatut tietojenne luovutukset:", "Utlämnanden av era uppgifter som registrerats i systemet:",
            "Disclosures of your data recorded in the system:"),
        ["handed"] = new("luovutettu perintään", "överlämnad för indrivning till", "handed to"),
        ["transfers"] = new("Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.", "Uppgifterna överförs inte utanför EU eller EES.",
            "The data are not transferred outside the EU or the EEA."),
        ["transfers.made"] = new("Tietojanne on siirretty EU:n tai ETA:n ulkopuolelle: {0}.", "Era uppgifter har överförts utanför EU eller EES: {0}.",
            "Your data were transferred outside the EU or the EEA: {0}."),
        ["transfer.to"] = new("{0} (maa {1}, suojatoimi: {2})", "{0} (land {1}, skyddsåtgärd: {2})", "{0} (country {1}, safeguard: {2})"),
        ["profiling"] = new("Profilointi", "Profilering", "Profiling"),
        ["rights"] = new("Oikeutenne", "Era rättigheter", "Your rights"),
        ["right.rectify"] = new("Oikeus vaatia virheellisen tiedon oikaisemista (16 art.)", "Rätt till rättelse av felaktiga uppgifter (art. 16)",
            "Right to have inaccurate data rectified (Art 16)"),
        ["right.erase"] = new("Oikeus tietojen poistamiseen (17 art.)", "Rätt till radering (art. 17)", "Right to erasure (Art 17)"),
        ["right.restrict"] = new("Oikeus käsittelyn rajoittamiseen (18 art.)", "Rätt till begränsning av behandling (art. 18)",
            "Right to restriction of processing (Art 18)"),
        ["right.object"] = new("Oikeus vastustaa käsittelyä, myös suoramarkkinointia (21 art.)", "Rätt att invända mot behandling, även direktmarknadsföring (art. 21)",
            "Right to object to processing, including direct marketing (Art 21)"),
        ["right.portability"] = new("Oikeus siirtää tiedot järjestelmästä toiseen (20 art.)", "Rätt till dataportabilitet (art. 20)",
            "Right to data portability (Art 20)"),
        ["right.withdraw"] = new("Oikeus peruuttaa suostumus milloin tahansa (7 art.)", "Rätt att när som helst återkalla samtycke (art. 7)",
            "Right to withdraw consent at any time (Art 7)"),
        ["complaint"] = new("Oikeus tehdä valitus valvontaviranomaiselle", "Rätt att lämna klagomål till tillsynsmyndigheten",
            "Right to lodge a complaint with the supervisory authority"),
        ["accesses"] = new("Ketkä yrityksessä ovat käsitelleet tietojanne", "Vem i företaget har behandlat era uppgifter",
            "Who in the company has accessed your data"),
        ["at"] = new("Aika", "Tid", "Time"),
        ["actor"] = new("Käsittelijä", "Behandlare", "Actor"),
        ["action"] = new("Toimenpide", "Åtgärd", "Action"),
        ["purpose"] = new("Tarkoitus", "Ändamål", "Purpose"),
        ["none"] = new("Ei merkintöjä.", "Inga anteckningar.", "None recorded."),
        ["letter.title"] = new("Tietosi asiakasrekisterissämme", "Dina uppgifter i vårt kundregister", "Your data in our customer register"),
        ["letter.intro"] = new(
            "Pyysit saada tietää, mitä tietoja sinusta on asiakasrekisterissämme. Kerromme tässä kirjeessä kaikki tiedot aiheittain: mitä tietoja meillä on, mihin niitä käytämme, mistä olemme ne saaneet ja kuinka kauan säilytämme ne. Tiedot ovat {0} tilanteen mukaiset.",
            "Du har bett att få veta vilka uppgifter om dig som finns i vårt kundregister. I det här brevet berättar vi om alla uppgifter per ämne: vilka uppgifter vi har, vad vi använder dem till, varifrån vi har fått dem och hur länge vi sparar dem. Uppgifterna gäller läget den {0}.",
            "You asked what information about you is in our customer register. This letter tells you all of it by topic: what we hold, what we use it for, where it came from and how long we keep it. The information is as of {0}."),
        ["letter.codes.full"] = new(
            "Koska tunnistauduit vahvasti, näet henkilötunnuksesi ja tilinumerosi tässä kirjeessä kokonaan.",
            "Eftersom du identifierade dig starkt ser du din personbeteckning och ditt kontonummer i sin helhet i det här brevet.",
            "Because you identified yourself strongly, this letter shows your personal identity code and bank account in full."),
        ["letter.codes.masked"] = new(
            "Henkilötunnus ja tilinumero näkyvät tässä kirjeessä osittain peitettyinä, koska henkilöllisyyttäsi ei ole todennettu vahvasti, eikä niitä siksi voi lähettää turvallisesti. Saat ne kokonaan, kun tunnistaudut vahvasti (pankkitunnuksilla tai mobiilivarmenteella) tai käyt toimipisteessämme henkilöllisyystodistuksen kanssa. Ota yhteyttä: {0}.",
            "Personbeteckningen och kontonumret visas delvis dolda i det här brevet, eftersom din identitet inte har verifierats starkt och de därför inte kan skickas säkert. Du får dem i sin helhet när du identifierar dig starkt (med bankkoder eller mobilcertifikat) eller besöker vårt kontor med ett identitetsbevis. Kontakta: {0}.",
            "Your personal identity code and bank account are partly hidden in this letter because your identity was not verified strongly, so they cannot be sent safely. You can have them in full when you identify yourself strongly (with online banking codes or a mobile certificate) or visit our office with an identity document. Contact: {0}."),
        ["letter.name"] = new("Nimi", "Namn", "Name"),
        ["letter.address"] = new("Osoite", "Adress", "Address"),
        ["letter.recipients"] = new("Kenelle tietojasi on luovutettu", "Till vem dina uppgifter har lämnats ut", "Who has received your data"),
        ["letter.group"] = new(
            "{0}:n tytär- ja osakkuusyhtiöt saavat tarvittaessa tietoonsa vain nimesi ja yhteystietosi ({1}), jotta ne voivat palvella sinua.",
            "{0}:s dotter- och intresseföretag får vid behov bara ditt namn och dina kontaktuppgifter ({1}) för att kunna betjäna dig.",
            "Subsidiaries and associated companies of {0} may receive only your name and contact details ({1}) so that they can serve you."),
        ["letter.group.company"] = new("Konserniyhtiö", "Koncernbolag", "A group company"),
        ["letter.collection"] = new("Maksamaton laskusi on siirretty perintään:", "Din obetalda faktura har lämnats för indrivning till:",
            "Your unpaid invoice was handed for collection to:"),
        ["letter.nobody.else"] = new("Muille emme ole luovuttaneet tietojasi.", "Till andra har vi inte lämnat ut dina uppgifter.",
            "We have not disclosed your data to anyone else."),
        ["letter.accesses"] = new("Kuka on käsitellyt tietojasi", "Vem har behandlat dina uppgifter", "Who has handled your data"),
        ["letter.accesses.intro"] = new(
            "Kirjaamme jokaisen kerran, kun työntekijämme tai järjestelmämme katsoo tai muuttaa tietojasi, ja syyn siihen.",
            "Vi registrerar varje gång vår personal eller våra system ser eller ändrar dina uppgifter, och varför.",
            "We record every time our staff or our systems look at or change your data, and why."),
        ["letter.who"] = new("Kuka", "Vem", "Who"),
        ["letter.did"] = new("Mitä", "Vad", "What"),
        ["letter.when"] = new("Milloin", "När", "When"),
        ["letter.times"] = new("Kertaa", "Gånger", "Times"),
        ["letter.did.read"] = new("katsoi", "såg", "looked"),
        ["letter.did.write"] = new("kirjasi tai muutti", "registrerade eller ändrade", "recorded or changed"),
        ["letter.actor.system"] = new("Järjestelmämme automaattisesti", "Vårt system automatiskt", "Our system, automatically"),
        ["letter.actor.client"] = new("Yhdistetty järjestelmä", "Anslutet system", "A connected system"),
        ["letter.actor.staff"] = new("Työntekijämme", "Vår anställda", "A member of our staff"),
        ["letter.rights"] = new("Oikeutesi", "Dina rättigheter", "Your rights"),
        ["letter.copy"] = new(
            "Saat tiedot pyynnöstä myös koneluettavassa muodossa, jonka voit siirtää toiselle palveluntarjoajalle.",
            "Du kan på begäran få uppgifterna även i maskinläsbar form som du kan flytta till en annan tjänsteleverantör.",
            "On request you can also have the data in a machine-readable form that you can take to another provider."),
        [nameof(LegalBasis.Contract)] = new("Sopimus (6 art. 1 b)", "Avtal (art. 6.1 b)", "Contract (Art 6(1)(b))"),
        [nameof(LegalBasis.LegalObligation)] = new("Lakisääteinen velvoite (6 art. 1 c)", "Rättslig förpliktelse (art. 6.1 c)", "Legal obligation (Art 6(1)(c))"),
        [nameof(LegalBasis.LegitimateInterest)] = new("Oikeutettu etu (6 art. 1 f)", "Berättigat intresse (art. 6.1 f)", "Legitimate interest (Art 6(1)(f))"),
        [nameof(LegalBasis.Consent)] = new("Suostumus (6 art. 1 a)", "Samtycke (art. 6.1 a)", "Consent (Art 6(1)(a))"),
        [nameof(ErasureAction.Delete)] = new("Tieto poistetaan.", "Uppgiften raderas.", "The item is deleted."),
        [nameof(ErasureAction.Anonymise)] = new("Tieto anonymisoidaan.", "Uppgiften anonymiseras.", "The item is anonymised."),
        [nameof(ErasureAction.RestrictUntilDue)] = new("Laki velvoittaa säilyttämään: käsittelyä rajoitetaan määräajan loppuun, sitten tieto poistetaan.",
            "Lagen kräver lagring: behandlingen begränsas till tidsfristens slut, sedan raderas uppgiften.",
            "The law requires keeping it: processing is restricted until its due date, then it is deleted."),
        [nameof(ErasureAction.KeepAsKeyedHash)] = new("Säilytetään tunnistetiivisteenä, jotta kielto pysyy voimassa.",
            "Bevaras som nyckelhash så att förbudet består.", "Kept as a keyed hash so that the prohibition survives."),
    };

    public static string T(string key, string language) => Texts[key].In(language);

    /// <summary>
    /// The transfer sentence: "not transferred", or for each recipient of the person's disclosure log outside the EU/EEA
    /// (<see cref="Disclosures.EeaCountries"/>) its country and the safeguard recorded for it in the registry.
    /// </summary>
    public static string Transfers(IEnumerable<(string Name, string CountryCode, Disclosures.TransferSafeguard Safeguard, string? Details)> recipients,
        string language)
    {
        var outside = recipients.Where(r => !Disclosures.EeaCountries.Contains(r.CountryCode)).DistinctBy(r => r.Name).ToList();
        if (outside.Count == 0)
        {
            return T("transfers", language);
        }

        var each = outside.Select(r => string.Format(CultureInfo.InvariantCulture, T("transfer.to", language), r.Name,
            Disclosures.EeaCountries.Normalise(r.CountryCode) ?? r.CountryCode,
            Disclosures.DisclosuresTexts.Texts["TransferSafeguard." + r.Safeguard].In(language) + (r.Details is { Length: > 0 } d ? ", " + d : "")));
        return string.Format(CultureInfo.InvariantCulture, T("transfers.made", language), string.Join("; ", each));
    }
}
