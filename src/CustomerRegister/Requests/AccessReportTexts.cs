using CustomerRegister.Catalog;

namespace CustomerRegister.Requests;

/// <summary>The report's texts in Finnish, Swedish and English.</summary>
public static class AccessReportTexts
{
    private static readonly Dictionary<string, (string Fi, string Sv, string En)> Texts = new()
    {
        ["title"] = ("Tarkastusoikeusraportti (EU:n tietosuoja-asetus 15 artikla)", "Rapport om rätt till tillgång (EU:s dataskyddsförordning artikel 15)",
            "Access report (GDPR Article 15)"),
        ["controller"] = ("Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"),
        ["dpo"] = ("Tietosuojavastaava", "Dataskyddsombud", "Data protection officer"),
        ["subject"] = ("Rekisteröidyn tunniste", "Den registrerades identifierare", "Data subject id"),
        ["generated"] = ("Laadittu", "Upprättad", "Generated at"),
        ["explanation"] = (
            "Raportti sisältää kaikki teistä asiakasrekisteriin tallennetut henkilötiedot tietoluokittain. Henkilötunnus ja tilinumero näytetään vain peitettyinä. Hakuhakemisto ei ole mukana, koska se vain toistaa muualla näkyviä nimiä, puhelinnumeroita ja sähköpostiosoitteita.",
            "Rapporten innehåller alla personuppgifter om er som lagrats i kundregistret, per kategori. Personbeteckning och kontonummer visas endast maskerade. Sökindexet ingår inte, eftersom det bara upprepar namn, telefonnummer och e-postadresser som visas på annat ställe.",
            "The report contains all personal data about you stored in the customer register, by category. The personal identity code and bank account are shown masked only. The search index is not included because it only duplicates names, phone numbers and email addresses shown elsewhere."),
        ["categories"] = ("Tietoluokat ja tiedot", "Kategorier och uppgifter", "Categories and items"),
        ["uses"] = ("Käyttötarkoitukset ja oikeusperuste", "Ändamål och rättslig grund", "Purposes and legal basis"),
        ["retention"] = ("Säilytysaika", "Lagringstid", "Retention"),
        ["erasure"] = ("Poistopyynnön vaikutus", "Verkan av en begäran om radering", "Effect of erasure"),
        ["retention.from"] = ("laskettuna tapahtumasta", "räknat från", "counted from"),
        ["page"] = ("Sivu {0} / {1}", "Sida {0} av {1}", "Page {0} of {1}"),
        ["table"] = ("Taulu", "Tabell", "Table"),
        ["row"] = ("Rivi", "Rad", "Row"),
        ["source"] = ("Tietolähde", "Uppgiftskälla", "Source"),
        ["created"] = ("Luotu", "Skapad", "Created"),
        ["updated"] = ("Muutettu", "Ändrad", "Updated"),
        ["due"] = ("Poistetaan viimeistään", "Raderas senast", "Deleted at the latest"),
        ["field"] = ("Tieto", "Uppgift", "Field"),
        ["value"] = ("Arvo", "Värde", "Value"),
        ["masked"] = ("näytetään peitettynä", "visas maskerad", "shown masked"),
        ["recipients"] = ("Vastaanottajat", "Mottagare", "Recipients"),
        ["recipient.group"] = ("Encore Ympäristöpalvelut Oy:n tytär- ja yhteisyritykset", "Encore Ympäristöpalvelut Oy:s dotter- och intresseföretag",
            "Subsidiaries and associated companies of Encore Ympäristöpalvelut Oy"),
        ["recipient.collection"] = ("Perintätoimisto maksamattomien laskujen perintää varten", "Inkassobyrå för indrivning av obetalda fakturor",
            "A debt-collection agency for unpaid invoices"),
        ["disclosures"] = ("Järjestelmään ei ole kirjattu tietojenne luovutuksia.", "Inga utlämnanden av era uppgifter har registrerats i systemet.",
            "No disclosures of your data are recorded in the system."),
        ["handed"] = ("luovutettu perintään", "överlämnad för indrivning till", "handed to"),
        ["transfers"] = ("Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.", "Uppgifterna överförs inte utanför EU eller EES.",
            "The data are not transferred outside the EU or the EEA."),
        ["profiling"] = ("Profilointi", "Profilering", "Profiling"),
        ["profiling.text"] = (
            "Tietosuojaselosteen mukaan asiakkaiden henkilötietoja voidaan profiloida automaattisesti. Järjestelmä ei tällä hetkellä tee profilointia eikä automaattisia päätöksiä.",
            "Enligt dataskyddsbeskrivningen kan kundernas personuppgifter profileras automatiskt. Systemet utför för närvarande ingen profilering och inga automatiserade beslut.",
            "The privacy notice says automated profiling of customers' personal data may be done. The system currently performs no profiling and no automated decisions."),
        ["rights"] = ("Oikeutenne", "Era rättigheter", "Your rights"),
        ["right.rectify"] = ("Oikeus vaatia virheellisen tiedon oikaisemista (16 art.)", "Rätt till rättelse av felaktiga uppgifter (art. 16)",
            "Right to have inaccurate data rectified (Art 16)"),
        ["right.erase"] = ("Oikeus tietojen poistamiseen (17 art.)", "Rätt till radering (art. 17)", "Right to erasure (Art 17)"),
        ["right.restrict"] = ("Oikeus käsittelyn rajoittamiseen (18 art.)", "Rätt till begränsning av behandling (art. 18)",
            "Right to restriction of processing (Art 18)"),
        ["right.object"] = ("Oikeus vastustaa käsittelyä, myös suoramarkkinointia (21 art.)", "Rätt att invända mot behandling, även direktmarknadsföring (art. 21)",
            "Right to object to processing, including direct marketing (Art 21)"),
        ["right.portability"] = ("Oikeus siirtää tiedot järjestelmästä toiseen (20 art.)", "Rätt till dataportabilitet (art. 20)",
            "Right to data portability (Art 20)"),
        ["right.withdraw"] = ("Oikeus peruuttaa suostumus milloin tahansa (7 art.)", "Rätt att när som helst återkalla samtycke (art. 7)",
            "Right to withdraw consent at any time (Art 7)"),
        ["complaint"] = ("Oikeus tehdä valitus valvontaviranomaiselle", "Rätt att lämna klagomål till tillsynsmyndigheten",
            "Right to lodge a complaint with the supervisory authority"),
        ["accesses"] = ("Ketkä yrityksessä ovat käsitelleet tietojanne", "Vem i företaget har behandlat era uppgifter",
            "Who in the company has accessed your data"),
        ["at"] = ("Aika", "Tid", "Time"),
        ["actor"] = ("Käsittelijä", "Behandlare", "Actor"),
        ["action"] = ("Toimenpide", "Åtgärd", "Action"),
        ["purpose"] = ("Tarkoitus", "Ändamål", "Purpose"),
        ["none"] = ("Ei merkintöjä.", "Inga anteckningar.", "None recorded."),
        [nameof(LegalBasis.Contract)] = ("Sopimus (6 art. 1 b)", "Avtal (art. 6.1 b)", "Contract (Art 6(1)(b))"),
        [nameof(LegalBasis.LegalObligation)] = ("Lakisääteinen velvoite (6 art. 1 c)", "Rättslig förpliktelse (art. 6.1 c)", "Legal obligation (Art 6(1)(c))"),
        [nameof(LegalBasis.LegitimateInterest)] = ("Oikeutettu etu (6 art. 1 f)", "Berättigat intresse (art. 6.1 f)", "Legitimate interest (Art 6(1)(f))"),
        [nameof(LegalBasis.Consent)] = ("Suostumus (6 art. 1 a)", "Samtycke (art. 6.1 a)", "Consent (Art 6(1)(a))"),
        [nameof(ErasureAction.Delete)] = ("Tieto poistetaan.", "Uppgiften raderas.", "The item is deleted."),
        [nameof(ErasureAction.Anonymise)] = ("Tieto anonymisoidaan.", "Uppgiften anonymiseras.", "The item is anonymised."),
        [nameof(ErasureAction.RestrictUntilDue)] = ("Laki velvoittaa säilyttämään: käsittelyä rajoitetaan määräajan loppuun, sitten tieto poistetaan.",
            "Lagen kräver lagring: behandlingen begränsas till tidsfristens slut, sedan raderas uppgiften.",
            "The law requires keeping it: processing is restricted until its due date, then it is deleted."),
        [nameof(ErasureAction.KeepAsKeyedHash)] = ("Säilytetään tunnistetiivisteenä, jotta kielto pysyy voimassa.",
            "Bevaras som nyckelhash så att förbudet består.", "Kept as a keyed hash so that the prohibition survives."),
    };

    public static string T(string key, string language)
    {
        var t = Texts[key];
        return language switch
        {
            "sv" => t.Sv,
            "en" => t.En,
            _ => t.Fi,
        };
    }
}
