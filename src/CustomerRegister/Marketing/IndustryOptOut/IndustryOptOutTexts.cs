using CustomerRegister.Localization;

namespace CustomerRegister.Marketing.IndustryOptOut;

/// <summary>The industry opt-out lists' texts: the page, the load's errors and refusals, the enums.</summary>
[TextTable]
public static class IndustryOptOutTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["IndustryOptOutKind.Phone"] = new("Puhelinmarkkinoinnin kieltolista", "Spärrlista för telefonmarknadsföring", "Telemarketing opt-out list"),
        ["IndustryOptOutKind.Address"] = new("Osoitteellisen suoramainonnan kieltolista", "Spärrlista för adresserad direktreklam", "Addressed direct mail opt-out list"),
        ["IndustryOptOutListState.Loading"] = new("Latautuu", "Laddas", "Loading"),
        ["IndustryOptOutListState.Current"] = new("Voimassa", "Gällande", "In force"),
        ["IndustryOptOutListState.Replaced"] = new("Korvattu", "Ersatt", "Replaced"),
        ["IndustryOptOutListState.Refused"] = new("Hylätty", "Avvisad", "Refused"),

        ["Marketing.IndustryOptOut.Short.Phone"] = new("Puhelin", "Telefon", "Phone"),
        ["Marketing.IndustryOptOut.Short.Address"] = new("Osoite", "Adress", "Address"),
        ["Marketing.IndustryOptOut.SupplierAndFile"] = new("Toimittaja ja tiedosto", "Leverantör och fil", "Supplier and file"),
        ["Marketing.IndustryOptOut.Title"] = new("Alan kieltolistat", "Branschens spärrlistor", "Industry opt-out lists"),
        ["Marketing.IndustryOptOut.Intro"] = new(
            "Markkinointialan kieltolistoille ilmoittautuneita ei tavoiteta puhelin- eikä postikampanjoilla kuluttajille. Lista tallennetaan vain avainnettuina tiivisteinä: numeroita ja osoitteita ei säilytetä selväkielisinä.",
            "Den som anmält sig till branschens spärrlistor nås inte av telefon- eller postkampanjer till konsumenter. Listan sparas endast som nyckelhashvärden: nummer och adresser sparas inte i klartext.",
            "People on the marketing industry's opt-out lists are left out of phone and post campaigns to consumers. A list is kept only as keyed hashes: no number or address is stored in clear."),
        ["Marketing.IndustryOptOut.Current"] = new("Voimassa olevat listat", "Gällande listor", "Lists in force"),
        ["Marketing.IndustryOptOut.NoCurrent"] = new("Yhtään listaa ei ole ladattu.", "Ingen lista har laddats.", "No list has been loaded."),
        ["Marketing.IndustryOptOut.NotLoaded"] = new("Ei ladattu", "Inte laddad", "Not loaded"),
        ["Marketing.IndustryOptOut.Kind"] = new("Lista", "Lista", "List"),
        ["Marketing.IndustryOptOut.LoadedAt"] = new("Ladattu", "Laddad", "Loaded"),
        ["Marketing.IndustryOptOut.LoadedBy"] = new("Lataaja", "Laddad av", "Loaded by"),
        ["Marketing.IndustryOptOut.Supplier"] = new("Toimittaja", "Leverantör", "Supplier"),
        ["Marketing.IndustryOptOut.FileName"] = new("Tiedosto", "Fil", "File"),
        ["Marketing.IndustryOptOut.Rows"] = new("Rivejä", "Rader", "Rows"),
        ["Marketing.IndustryOptOut.Entries"] = new("Listalla", "På listan", "Listed"),
        ["Marketing.IndustryOptOut.RefusedRows"] = new("Hylättyjä rivejä", "Avvisade rader", "Rows refused"),
        ["Marketing.IndustryOptOut.State"] = new("Tila", "Status", "State"),
        ["Marketing.IndustryOptOut.Details"] = new("Lisätiedot", "Detaljer", "Details"),
        ["Marketing.IndustryOptOut.History"] = new("Lataushistoria", "Laddningshistorik", "Load history"),
        ["Marketing.IndustryOptOut.NoHistory"] = new("Ei latauksia.", "Inga laddningar.", "No loads."),
        ["Marketing.IndustryOptOut.Upload"] = new("Lataa uusi lista", "Ladda en ny lista", "Load a new list"),
        ["Marketing.IndustryOptOut.UploadIntro"] = new(
            "Uusi lista korvaa saman listan kokonaan vasta, kun koko tiedosto on luettu. Virheellinen tiedosto hylätään kokonaan, ja voimassa oleva lista jää käyttöön.",
            "En ny lista ersätter samma lista helt först när hela filen har lästs. En felaktig fil avvisas helt och den gällande listan används vidare.",
            "A new list replaces the list of its kind only once the whole file has been read. A faulty file is refused whole and the list in force stays in use."),
        ["Marketing.IndustryOptOut.Format"] = new(
            "CSV-tiedosto, erottimena ; tai , ja ensimmäisellä rivillä sarakkeiden nimet (UTF-8, BOM saa olla). Puhelinlista: sarake {0}. Osoitelista: sarakkeet {1}; nimi-sarake (name) luetaan mutta ei tallenneta.",
            "CSV-fil med ; eller , som avgränsare och kolumnnamnen på första raden (UTF-8, BOM tillåten). Telefonlista: kolumnen {0}. Adresslista: kolumnerna {1}; en namnkolumn (name) läses men sparas inte.",
            "A CSV file separated by ; or , with the column names on its first row (UTF-8, with or without BOM). Phone list: column {0}. Address list: columns {1}; a name column is read but not kept."),
        ["Marketing.IndustryOptOut.File"] = new("Tiedosto", "Fil", "File"),
        ["Marketing.IndustryOptOut.ChooseKind"] = new("Valitse lista", "Välj lista", "Choose the list"),
        ["Marketing.IndustryOptOut.SupplierHint"] = new("Esim. Asiakkuusmarkkinointiliitto", "T.ex. Asiakkuusmarkkinointiliitto", "E.g. the Finnish direct-marketing association"),
        ["Marketing.IndustryOptOut.Submit"] = new("Lataa lista", "Ladda listan", "Load the list"),
        ["Marketing.IndustryOptOut.Why"] = new("Miksi hylätty", "Varför avvisad", "Why refused"),
        ["Marketing.IndustryOptOut.RowRefused"] = new("Rivi {0}, sarake {1}: {2}", "Rad {0}, kolumn {1}: {2}", "Row {0}, column {1}: {2}"),
        ["Marketing.IndustryOptOut.MoreRefused"] = new("Hylättyjä rivejä on enemmän kuin tässä näytetään.", "Det finns fler avvisade rader än vad som visas här.", "More rows were refused than are shown here."),
        ["Marketing.IndustryOptOut.Back"] = new("Alan kieltolistat", "Branschens spärrlistor", "Industry opt-out lists"),

        ["Marketing.IndustryOptOut.Job.Title"] = new("Kieltolistan lataus", "Laddning av spärrlista", "Loading an opt-out list"),
        ["Marketing.IndustryOptOut.Job.Step"] = new("Luettu {0} riviä", "{0} rader lästa", "{0} rows read"),
        ["Marketing.IndustryOptOut.Job.Done"] = new(
            "Lista ladattu: {0} numeroa tai osoitetta listalla, {1} riviä hylätty.",
            "Listan laddad: {0} nummer eller adresser på listan, {1} rader avvisade.",
            "List loaded: {0} numbers or addresses listed, {1} rows refused."),
        ["Marketing.IndustryOptOut.Job.Refused"] = new(
            "Tiedosto hylättiin kokonaan: {0} Voimassa oleva lista on ennallaan.",
            "Filen avvisades helt: {0} Den gällande listan är oförändrad.",
            "The file was refused whole: {0} The list in force is unchanged."),

        ["Marketing.IndustryOptOut.Error.Kind"] = new("Valitse, kumpi lista tiedosto on.", "Välj vilken lista filen är.", "Choose which list the file is."),
        ["Marketing.IndustryOptOut.Error.Supplier"] = new("Kirjoita listan toimittaja.", "Skriv listans leverantör.", "Enter the list's supplier."),
        ["Marketing.IndustryOptOut.Error.SupplierLength"] = new("Toimittajan nimessä saa olla enintään {0} merkkiä.", "Leverantörens namn får ha högst {0} tecken.", "The supplier's name may have at most {0} characters."),
        ["Marketing.IndustryOptOut.Error.File"] = new("Valitse ladattava tiedosto.", "Välj filen som ska laddas.", "Choose the file to load."),

        ["Marketing.IndustryOptOut.Row.Missing"] = new("arvo puuttuu", "värdet saknas", "the value is missing"),
        ["Marketing.IndustryOptOut.Row.Phone"] = new("ei kelvollinen puhelinnumero", "inget giltigt telefonnummer", "not a valid phone number"),
        ["Marketing.IndustryOptOut.Row.PostalCode"] = new("postinumerossa on 5 numeroa", "postnumret har 5 siffror", "a postal code has 5 digits"),

        ["Marketing.IndustryOptOut.Refused.Column"] = new("Otsikkoriviltä puuttuu sarake {1}.", "Rubrikraden saknar kolumnen {1}.", "The header row has no column {1}."),
        ["Marketing.IndustryOptOut.Refused.Malformed"] = new(
            "Rivillä {0} on väärä määrä kenttiä tai rikkinäiset lainausmerkit.",
            "Rad {0} har fel antal fält eller trasiga citattecken.",
            "Row {0} has the wrong number of fields or broken quotes."),
        ["Marketing.IndustryOptOut.Refused.TooMany"] = new(
            "Liian moni rivi on virheellinen (ensimmäinen rivillä {0}); tiedosto ei näytä tältä listalta.",
            "För många rader är felaktiga (den första på rad {0}); filen ser inte ut som den här listan.",
            "Too many rows are faulty (the first at row {0}); the file does not look like this list."),
        ["Marketing.IndustryOptOut.Refused.Empty"] = new("Tiedostossa ei ole yhtään kelvollista riviä.", "Filen har inga giltiga rader.", "The file has no valid row."),
        ["Marketing.IndustryOptOut.Refused.Interrupted"] = new("Lataus keskeytyi.", "Laddningen avbröts.", "The load was interrupted."),
    };

    /// <summary>Why a load was refused, in words: the reason with its row (and, for a missing column, the column).</summary>
    public static LocalText Refusal(IndustryOptOutList list)
    {
        var column = list.RefusedBecause == "Marketing.IndustryOptOut.Refused.Column"
            ? list.Refusals.Split(';') is [_, var c, ..] ? c : ""
            : "";
        return Texts[list.RefusedBecause ?? "Marketing.IndustryOptOut.Refused.Interrupted"]
            .Format(list.RefusedAtRow?.ToString("#,##0", Display.Format) ?? "", column);
    }

    /// <summary>The rows refused one by one, in words: "Row 3, column phone: not a valid phone number".</summary>
    public static IReadOnlyList<LocalText> RefusedRows(IndustryOptOutList list) =>
    [
        .. list.Refusals.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(';'))
            .Where(p => p.Length == 3 && p[0] != "0" && Texts.ContainsKey(p[2]))
            .Select(p => Texts["Marketing.IndustryOptOut.RowRefused"].Format(p[0], p[1], Texts[p[2]])),
    ];
}
