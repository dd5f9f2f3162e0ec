using CustomerRegister.Localization;

namespace CustomerRegister.Catalog;

/// <summary>The catalogue page's texts and the words for the catalogue's enum values.</summary>
[TextTable]
public static class CatalogTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Catalog.Title"] = new("Seloste käsittelytoimista", "Register över behandling", "Record of processing"),
        ["Catalog.Intro"] = new(
            "Rekisterin henkilötiedot tietoryhmittäin: mihin niitä käytetään ja millä perusteella, mistä ne saadaan, kuinka kauan niitä säilytetään ja kuka saa lukea ja muuttaa niitä. Seloste luetaan suoraan ohjelman määrityksistä, joten se vastaa aina käytössä olevaa versiota.",
            "Registrets personuppgifter per kategori: vad de används till och på vilken grund, varifrån de kommer, hur länge de sparas och vem som får läsa och ändra dem. Registret läses direkt ur programmets definitioner och motsvarar alltid den version som används.",
            "The register's personal data by category: what it is used for and on which basis, where it comes from, how long it is kept and who may read and change it. The record is read from the application's own definitions, so it always matches the version in use."),
        ["Catalog.Record"] = new("Seloste 30 artiklan mukaan (CSV, PDF)", "Register enligt artikel 30 (CSV, PDF)", "Article 30 record (CSV, PDF)"),
        ["Catalog.Print"] = new("Tulosta", "Skriv ut", "Print"),
        ["Catalog.Printed"] = new("Tulostettu {0}", "Utskriven {0}", "Printed {0}"),
        ["Catalog.Contents"] = new("Sisältö", "Innehåll", "Contents"),
        ["Catalog.Categories"] = new("Tietoryhmät", "Datakategorier", "Data categories"),
        ["Catalog.Purposes"] = new("Käyttötarkoitukset ja oikeusperusteet", "Ändamål och rättslig grund", "Purposes and legal bases"),
        ["Catalog.Sources"] = new("Tietolähteet", "Uppgiftskällor", "Sources"),
        ["Catalog.Rules"] = new("Säilytysajat", "Lagringstider", "Retention periods"),
        ["Catalog.Access"] = new("Käyttöoikeudet rooleittain", "Behörigheter per roll", "Access by role"),
        ["Catalog.Recipients"] = new("Säännönmukaiset luovutukset", "Regelbundna utlämnanden", "Regular disclosures"),
        ["Catalog.Recipients.Text"] = new(
            "Konserniyhtiöt saavat samaa asiakasta palvellakseen vain nämä tiedot: {0}. Muita tietoja ei luovuteta.",
            "Koncernbolagen får för att betjäna samma kund endast dessa uppgifter: {0}. Inga andra uppgifter lämnas ut.",
            "Group companies receive only these items, to serve the same customer: {0}. Nothing else is disclosed."),
        ["Catalog.Uses"] = new("Käyttötarkoitus ja peruste", "Ändamål och grund", "Purpose and basis"),
        ["Catalog.Kept"] = new("Säilytysaika", "Lagringstid", "Kept for"),
        ["Catalog.Law"] = new("Säädösperuste", "Författningsgrund", "Legal reference"),
        ["Catalog.Erasure"] = new("Poistopyynnössä", "Vid begäran om radering", "On an erasure request"),
        ["Catalog.Read"] = new("Saa lukea", "Får läsa", "May read"),
        ["Catalog.Write"] = new("Saa muuttaa", "Får ändra", "May change"),
        ["Catalog.Masked"] = new("Näytetään peitettynä; kokonaan näkee", "Visas maskerad; i sin helhet ser", "Shown masked; in full to"),
        ["Catalog.Disclosed"] = new("Luovutetaan konserniyhtiöille", "Lämnas ut till koncernbolag", "Disclosed to group companies"),
        ["Catalog.Sensitive"] = new("Suojattu tunniste", "Skyddad identifierare", "Protected identifier"),
        ["Catalog.Fields"] = new("Tallennuspaikat ({0})", "Lagringsplatser ({0})", "Where it is stored ({0})"),
        ["Catalog.NoFields"] = new("Ei vielä tallennettu mihinkään.", "Lagras ännu ingenstans.", "Not stored anywhere yet."),
        ["Catalog.Col.Purpose"] = new("Käyttötarkoitus", "Ändamål", "Purpose"),
        ["Catalog.Col.Categories"] = new("Tietoryhmät ja perusteet", "Kategorier och grunder", "Categories and bases"),
        ["Catalog.Col.Category"] = new("Tietoryhmä", "Kategori", "Category"),
        ["Catalog.Col.Start"] = new("Laskettuna alkaen", "Räknat från", "Counted from"),
        ["Catalog.Col.Period"] = new("Säilytysaika", "Lagringstid", "Period"),
        ["Catalog.Col.Law"] = new("Säädösperuste", "Författningsgrund", "Legal reference"),
        ["Catalog.Col.UsedBy"] = new("Tietoryhmät", "Kategorier", "Categories"),
        ["Catalog.Cell.Read"] = new("lukee", "läser", "reads"),
        ["Catalog.Cell.Write"] = new("muuttaa", "ändrar", "changes"),
        ["Catalog.Cell.Reveal"] = new("näkee kokonaan", "ser i sin helhet", "sees in full"),
        ["Catalog.Cell.None"] = new("ei oikeutta", "ingen behörighet", "no access"),
        ["Catalog.NotUsed"] = new("Ei käytössä yhdellekään tietoryhmälle.", "Används inte för någon kategori.", "Not used for any category."),
        ["Catalog.Nobody"] = new("ei kukaan", "ingen", "nobody"),
        ["Catalog.Sources.Intro"] = new(
            "Jokaiseen henkilötietoon kirjataan, mistä se on saatu. Mahdolliset lähteet:",
            "För varje personuppgift antecknas varifrån den kommer. Möjliga källor:",
            "Every item of personal data records where it came from. The possible sources:"),

        ["LegalBasis.Contract"] = new("sopimus (6 art. 1 b)", "avtal (art. 6.1 b)", "contract (Art 6(1)(b))"),
        ["LegalBasis.LegalObligation"] = new("lakisääteinen velvoite (6 art. 1 c)", "rättslig förpliktelse (art. 6.1 c)",
            "legal obligation (Art 6(1)(c))"),
        ["LegalBasis.LegitimateInterest"] = new("oikeutettu etu (6 art. 1 f)", "berättigat intresse (art. 6.1 f)",
            "legitimate interest (Art 6(1)(f))"),
        ["LegalBasis.Consent"] = new("suostumus (6 art. 1 a)", "samtycke (art. 6.1 a)", "consent (Art 6(1)(a))"),
        ["ErasureAction.Delete"] = new("Poistetaan.", "Raderas.", "Deleted."),
        ["ErasureAction.Anonymise"] = new(
            "Henkilötiedot poistetaan; tietue jää tilastoihin ilman niitä.", "Personuppgifterna tas bort; posten blir kvar i statistiken utan dem.",
            "The personal data goes; the record stays for statistics without it."),
        ["ErasureAction.RestrictUntilDue"] = new(
            "Laki vaatii säilyttämään: käsittely rajoitetaan, ja tieto poistetaan säilytysajan päätyttyä.",
            "Lagen kräver att den sparas: behandlingen begränsas och uppgiften raderas när lagringstiden gått ut.",
            "The law requires keeping it: processing is restricted and it is deleted when its period ends."),
        ["ErasureAction.KeepAsKeyedHash"] = new(
            "Säilytetään vain avaimella laskettuna tiivisteenä, jotta henkilön kielto pysyy voimassa.",
            "Sparas endast som nyckelhash så att personens förbud fortsätter att gälla.",
            "Kept only as a keyed hash, so that the person's prohibition stays in force."),
    };
}
