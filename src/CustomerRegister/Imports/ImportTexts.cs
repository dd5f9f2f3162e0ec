using CustomerRegister.Localization;

namespace CustomerRegister.Imports;

/// <summary>The imports' words, Finnish first; also the words of their enums.</summary>
[TextTable]
public static class ImportTexts
{
    public static readonly LocalText SourceChoice = new(
        "Valitse, mistä tiedosto on peräisin (julkiset lähteet, kumppaniverkosto, prospektointityökalu, suosittelija tai asiakasorganisaatio).",
        "Välj varifrån filen kommer (offentliga källor, partnernätverk, prospekteringsverktyg, rekommendatör eller kundorganisation).",
        "Choose where the file came from (public sources, partner network, prospecting tool, referrer or customer organisation).");

    public static readonly LocalText KindChoice = new(
        "Valitse, mitä tiedosto sisältää: kuluttajia, organisaatioita tai yhteyshenkilöitä.",
        "Välj vad filen innehåller: konsumenter, organisationer eller kontaktpersoner.",
        "Choose what the file holds: consumers, organisations or contact persons.");

    public static readonly LocalText PolicyChoice = new(
        "Valitse, mitä tehdään jo rekisterissä oleville.", "Välj vad som görs med dem som redan finns i registret.",
        "Choose what to do with people already in the register.");

    public static readonly LocalText NoFile = new("Valitse tuotava CSV-tiedosto.", "Välj CSV-filen som ska importeras.", "Choose the CSV file to import.");

    public static readonly LocalText TooLarge = new(
        "Tiedosto on liian suuri (enintään {0} Mt).", "Filen är för stor (högst {0} MB).", "The file is too large (at most {0} MB).");

    public static readonly LocalText NotCheckable = new(
        "Vain tarkistettu tiedosto voidaan tuoda.", "Endast en kontrollerad fil kan importeras.", "Only a checked file can be imported.");

    public static readonly LocalText HasRefusals = new(
        "Tiedostossa on hylättyjä rivejä: korjaa ne ja lataa tiedosto uudelleen. Tuonti tehdään kokonaan tai ei lainkaan.",
        "Filen har avvisade rader: rätta dem och ladda upp filen igen. Importen görs helt eller inte alls.",
        "The file has refused rows: fix them and upload the file again. A file is imported whole or not at all.");

    public static readonly LocalText FileGone = new(
        "Tarkistettua tiedostoa ei enää ole palvelimella (tai se on muuttunut): lataa se uudelleen.",
        "Den kontrollerade filen finns inte längre på servern (eller har ändrats): ladda upp den igen.",
        "The checked file is no longer on the server (or has changed): upload it again.");

    public static readonly LocalText NotDiscardable = new(
        "Vain tarkistettu tai epäonnistunut tiedosto voidaan hylätä.", "Endast en kontrollerad eller misslyckad fil kan kasseras.",
        "Only a checked or failed file can be discarded.");

    public static readonly LocalText CheckTitle = new("Tuonnin tarkistus: {0}", "Kontroll av import: {0}", "Checking the import: {0}");

    public static readonly LocalText RunTitle = new("Tuonti: {0}", "Importering: {0}", "Import: {0}");

    public static readonly LocalText RowsStep = new("Rivejä käsitelty", "Rader behandlade", "Rows handled");

    public static readonly LocalText Checked = new(
        "Tarkistettu {0} riviä: uusia {1}, päivitettäviä {2}, jo rekisterissä {3}, hylättyjä {4}.",
        "Kontrollerade {0} rader: nya {1}, att uppdatera {2}, redan i registret {3}, avvisade {4}.",
        "Checked {0} rows: new {1}, to update {2}, already in the register {3}, refused {4}.");

    public static readonly LocalText Imported = new(
        "Tuotu: uusia {0}, päivitetty {1}, jo rekisterissä {2}; markkinointikielto palautettu {3} riville.",
        "Importerat: nya {0}, uppdaterade {1}, redan i registret {2}; marknadsföringsförbud återställt för {3} rader.",
        "Imported: new {0}, updated {1}, already in the register {2}; marketing ban re-applied to {3} rows.");

    public static readonly LocalText NotImported = new(
        "Mitään ei tuotu: tiedostossa on hylättyjä rivejä. Katso raportti.",
        "Inget importerades: filen har avvisade rader. Se rapporten.",
        "Nothing was imported: the file has refused rows. See the report.");

    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Imports.Title"] = new("Tuonnit", "Importer", "Imports"),
        ["Imports.Intro"] = new(
            "Asiakastietojen tuonti CSV-tiedostoista: jokaiselle tiedostolle lähde ja toimittaja, ja jokainen tuotu tieto linkittyy tiedostoonsa.",
            "Import av kunduppgifter från CSV-filer: varje fil med källa och leverantör, och varje importerad uppgift är länkad till sin fil.",
            "Customer data imported from CSV files: each file with its source and supplier, and every imported record linked to its file."),
        ["Imports.New"] = new("Uusi tuonti", "Ny import", "New import"),
        ["Imports.None"] = new("Ei vielä tuonteja.", "Inga importer ännu.", "No imports yet."),
        ["Imports.Back"] = new("Tuonnit", "Importer", "Imports"),
        ["Imports.Col.File"] = new("Tiedosto", "Fil", "File"),
        ["Imports.Col.Kind"] = new("Sisältö", "Innehåll", "Contents"),
        ["Imports.Col.Source"] = new("Lähde", "Källa", "Source"),
        ["Imports.Col.Supplier"] = new("Toimittaja", "Leverantör", "Supplier"),
        ["Imports.Col.State"] = new("Tila", "Status", "State"),
        ["Imports.Col.Uploaded"] = new("Ladattu", "Uppladdad", "Uploaded"),
        ["Imports.Col.Rows"] = new("Rivejä", "Rader", "Rows"),
        ["Imports.Col.New"] = new("Uusia", "Nya", "New"),
        ["Imports.Col.Updated"] = new("Päivitetty", "Uppdaterade", "Updated"),
        ["Imports.Col.Duplicates"] = new("Jo rekisterissä", "Redan i registret", "Already in the register"),
        ["Imports.Col.Refused"] = new("Hylätty", "Avvisade", "Refused"),
        ["Imports.Col.Banned"] = new("Kielto palautettu", "Förbud återställt", "Ban re-applied"),
        ["Imports.NewTitle"] = new("Uusi tuonti", "Ny import", "New import"),
        ["Imports.NewIntro"] = new(
            "Lataa tiedosto: se tarkistetaan ensin (koeajo), ja näet rivi riviltä, mitä tuonti tekisi. Tuonti tehdään vasta vahvistuksesta, kokonaan tai ei lainkaan.",
            "Ladda upp filen: den kontrolleras först (provkörning), och du ser rad för rad vad importen skulle göra. Importen görs först när du bekräftar, helt eller inte alls.",
            "Upload the file: it is checked first (a dry run), showing row by row what the import would do. The import runs only when you confirm, whole or not at all."),
        ["Imports.Field.File"] = new("CSV-tiedosto", "CSV-fil", "CSV file"),
        ["Imports.Field.Kind"] = new("Tiedoston sisältö", "Filens innehåll", "What the file holds"),
        ["Imports.Field.Source"] = new("Lähde (tietosuojaseloste § 7)", "Källa (dataskyddsbeskrivningen § 7)", "Source (privacy notice § 7)"),
        ["Imports.Field.Supplier"] = new("Toimittaja", "Leverantör", "Supplier"),
        ["Imports.Field.SupplierHint"] = new("Yritys tai palvelu, jolta tiedosto saatiin.", "Företaget eller tjänsten som filen kom från.",
            "The company or service the file came from."),
        ["Imports.Field.Policy"] = new("Jo rekisterissä olevat", "Redan i registret", "People already in the register"),
        ["Imports.Choose"] = new("Valitse…", "Välj…", "Choose…"),
        ["Imports.Submit"] = new("Lataa ja tarkista", "Ladda upp och kontrollera", "Upload and check"),
        ["Imports.Columns.Title"] = new("Sarakkeet", "Kolumner", "Columns"),
        ["Imports.Columns.Intro"] = new(
            "Ensimmäisellä rivillä sarakkeiden nimet (järjestys vapaa); erottimena puolipiste tai pilkku; UTF-8, BOM tai ilman. Lihavoidut ovat pakollisia.",
            "Första raden har kolumnernas namn (valfri ordning); semikolon eller komma som avgränsare; UTF-8, med eller utan BOM. Fetstilta är obligatoriska.",
            "The first line names the columns (any order); separated by semicolons or commas; UTF-8, with or without a BOM. Bold ones are required."),
        ["Imports.Columns.Matching"] = new(
            "Jo rekisterissä oleva tunnistetaan tässä järjestyksessä: Y-tunnus (organisaatiot), sähköposti, puhelin, nimi ja osoite (yhteyshenkilöllä nimi organisaatiossa).",
            "Den som redan finns i registret känns igen i denna ordning: FO-nummer (organisationer), e-post, telefon, namn och adress (kontaktperson: namn i organisationen).",
            "Someone already in the register is recognised in this order: business ID (organisations), email, phone, name and address (a contact person: name within the organisation)."),
        ["Imports.Details.Title"] = new("Tuonti", "Import", "Import"),
        ["Imports.Provenance"] = new("Alkuperä", "Ursprung", "Provenance"),
        ["Imports.Hash"] = new("SHA-256", "SHA-256", "SHA-256"),
        ["Imports.Size"] = new("Koko", "Storlek", "Size"),
        ["Imports.Policy"] = new("Jo rekisterissä olevat", "Redan i registret", "Already in the register"),
        ["Imports.UploadedBy"] = new("Ladannut", "Uppladdad av", "Uploaded by"),
        ["Imports.CheckedAt"] = new("Tarkistettu", "Kontrollerad", "Checked"),
        ["Imports.ImportedAt"] = new("Tuotu", "Importerad", "Imported"),
        ["Imports.ImportedBy"] = new("Tuonut", "Importerad av", "Imported by"),
        ["Imports.Counts"] = new("Yhteenveto", "Sammanfattning", "Summary"),
        ["Imports.Counts.DryRun"] = new(
            "Koeajon tulos: mitään ei ole vielä tallennettu.", "Provkörningens resultat: inget har sparats ännu.",
            "The dry run's result: nothing has been saved yet."),
        ["Imports.Confirm"] = new("Vahvista ja tuo", "Bekräfta och importera", "Confirm and import"),
        ["Imports.ConfirmHint"] = new(
            "Tuonti tehdään yhtenä kokonaisuutena: jos yksikin rivi hylätään, mitään ei tallenneta.",
            "Importen görs som en helhet: avvisas en enda rad sparas ingenting.",
            "The import is one whole: if a single row is refused, nothing is saved."),
        ["Imports.Discard"] = new("Hylkää tiedosto", "Kassera filen", "Discard the file"),
        ["Imports.Report"] = new("Raportti riveittäin", "Rapport per rad", "Report by row"),
        ["Imports.Report.Download"] = new("Lataa raportti (CSV)", "Ladda ner rapporten (CSV)", "Download the report (CSV)"),
        ["Imports.Report.Filter"] = new("Näytä", "Visa", "Show"),
        ["Imports.Report.All"] = new("Kaikki rivit", "Alla rader", "All rows"),
        ["Imports.Report.More"] = new("Seuraavat rivit", "Följande rader", "Next rows"),
        ["Imports.Report.None"] = new("Ei rivejä.", "Inga rader.", "No rows."),
        ["Imports.Report.Line"] = new("Rivi", "Rad", "Line"),
        ["Imports.Report.Action"] = new("Toimenpide", "Åtgärd", "Action"),
        ["Imports.Report.MatchedBy"] = new("Tunnistettu", "Igenkänd via", "Matched by"),
        ["Imports.Report.Record"] = new("Tietue", "Post", "Record"),
        ["Imports.Report.Banned"] = new("Markkinointikielto", "Marknadsföringsförbud", "Marketing ban"),
        ["Imports.Report.Column"] = new("Sarake", "Kolumn", "Column"),
        ["Imports.Report.Reasons"] = new("Syy", "Orsak", "Reason"),
        ["Imports.Report.Yes"] = new("kielto palautettu", "förbud återställt", "ban re-applied"),
        ["Imports.Report.Open"] = new("Avaa", "Öppna", "Open"),
        ["Imports.Saved.Discarded"] = new("Tiedosto hylätty.", "Filen kasserad.", "File discarded."),
        ["Imports.Running"] = new("Työ on käynnissä.", "Arbetet pågår.", "The work is running."),
        ["Imports.Progress"] = new("Näytä edistyminen", "Visa framsteg", "Show the progress"),
        ["Imports.File.NoHeader"] = new("Tiedostossa ei ole otsikkoriviä.", "Filen har ingen rubrikrad.", "The file has no header row."),
        ["Imports.File.MissingColumns"] = new("Tiedostosta puuttuu sarakkeet: {0}.", "Filen saknar kolumnerna: {0}.", "The file lacks the columns: {0}."),
        ["Imports.File.UnknownColumns"] = new(
            "Tiedostossa on tuntemattomia sarakkeita: {0}.", "Filen har okända kolumner: {0}.", "The file has unknown columns: {0}."),
        ["Imports.File.Unreadable"] = new("Tiedostoa ei voi lukea CSV-tiedostona.", "Filen kan inte läsas som CSV.", "The file cannot be read as CSV."),
        ["Imports.File.TooManyRows"] = new("Tiedostossa saa olla enintään {0} riviä.", "Filen får ha högst {0} rader.", "The file may have at most {0} rows."),
        ["Imports.File.NoRows"] = new("Tiedostossa ei ole yhtään riviä.", "Filen har inga rader.", "The file has no rows."),
        ["Imports.File.Gone"] = new(
            "Tiedostoa ei enää ole palvelimella: lataa se uudelleen.", "Filen finns inte längre på servern: ladda upp den igen.",
            "The file is no longer on the server: upload it again."),
        ["Imports.Failed.RowsRefused"] = new(
            "Mitään ei tuotu: {0} riviä hylättiin tuonnissa. Katso raportti.", "Inget importerades: {0} rader avvisades. Se rapporten.",
            "Nothing was imported: {0} rows were refused. See the report."),
        ["Imports.Failed.Unexpected"] = new(
            "Tuonti keskeytyi virheeseen; mitään ei tallennettu.", "Importen avbröts av ett fel; inget sparades.",
            "The import stopped on an error; nothing was saved."),
        [ImportHousekeeping.Interrupted] = new(
            "Työ keskeytyi, kun palvelu käynnistettiin uudelleen; mitään ei tallennettu. Lataa tiedosto uudelleen.",
            "Arbetet avbröts när tjänsten startades om; inget sparades. Ladda upp filen igen.",
            "The work stopped when the service was restarted; nothing was saved. Upload the file again."),
        [ImportHousekeeping.Unconfirmed] = new(
            "Tuontia ei vahvistettu {0} päivässä, joten tiedosto poistettiin palvelimelta. Tarkistuksen raportti säilyy.",
            "Importen bekräftades inte inom {0} dagar, så filen raderades från servern. Kontrollens rapport finns kvar.",
            "The import was not confirmed within {0} days, so the file was deleted from the server. The check's report is kept."),
        ["Imports.Panel.Title"] = new("Tuotu tiedostosta", "Importerad från fil", "Imported from a file"),
        ["Imports.Letter.Title"] = new("Tiedostoista tuodut tiedot", "Uppgifter importerade från filer", "Information imported from files"),
        ["Imports.Panel.None"] = new("Henkilön tietoja ei ole tuotu tiedostosta.", "Personens uppgifter har inte importerats från en fil.",
            "The person's data was not imported from a file."),
        ["Imports.Panel.Line"] = new("{0}: {1}, toimittaja {2}, tiedosto {3} (rivi {4})", "{0}: {1}, leverantör {2}, fil {3} (rad {4})",
            "{0}: {1}, supplier {2}, file {3} (line {4})"),
        ["ImportKind.Consumers"] = new("Kuluttajat", "Konsumenter", "Consumers"),
        ["ImportKind.Organisations"] = new("Organisaatiot", "Organisationer", "Organisations"),
        ["ImportKind.ContactPersons"] = new("Yhteyshenkilöt", "Kontaktpersoner", "Contact persons"),
        ["DuplicatePolicy.Skip"] = new("Ohita (ei muutoksia)", "Hoppa över (inga ändringar)", "Skip (no changes)"),
        ["DuplicatePolicy.FillEmpty"] = new("Täydennä vain tyhjät kentät", "Fyll endast i tomma fält", "Fill empty fields only"),
        ["DuplicatePolicy.Update"] = new("Päivitä tiedoston tiedoilla", "Uppdatera med filens uppgifter", "Update from the file"),
        ["ImportState.Checking"] = new("Tarkistetaan", "Kontrolleras", "Being checked"),
        ["ImportState.Checked"] = new("Tarkistettu, odottaa vahvistusta", "Kontrollerad, väntar på bekräftelse", "Checked, awaiting confirmation"),
        ["ImportState.Importing"] = new("Tuodaan", "Importeras", "Importing"),
        ["ImportState.Imported"] = new("Tuotu", "Importerad", "Imported"),
        ["ImportState.Failed"] = new("Ei tuotu", "Inte importerad", "Not imported"),
        ["ImportState.Discarded"] = new("Hylätty", "Kasserad", "Discarded"),
        ["RowAction.New"] = new("Uusi", "Ny", "New"),
        ["RowAction.Updated"] = new("Päivitys", "Uppdatering", "Update"),
        ["RowAction.Unchanged"] = new("Jo rekisterissä, ei muutoksia", "Redan i registret, inga ändringar", "Already in the register, no change"),
        ["RowAction.DuplicateSkipped"] = new("Jo rekisterissä, ohitettu", "Redan i registret, överhoppad", "Duplicate, skipped"),
        ["RowAction.Refused"] = new("Hylätty", "Avvisad", "Refused"),
        ["MatchKind.BusinessId"] = new("Y-tunnus", "FO-nummer", "Business ID"),
        ["MatchKind.Email"] = new("Sähköposti", "E-post", "Email"),
        ["MatchKind.Phone"] = new("Puhelin", "Telefon", "Phone"),
        ["MatchKind.NameAndAddress"] = new("Nimi ja osoite", "Namn och adress", "Name and address"),
        ["MatchKind.NameAndOrganisation"] = new("Nimi organisaatiossa", "Namn i organisationen", "Name within the organisation"),
    };

    /// <summary>A file-level problem in words, with its detail (column names or a count).</summary>
    public static LocalText Problem(string? key, string? detail) =>
        key is not null && Texts.TryGetValue(key, out var text) ? text.Format(detail ?? "") : Texts["Imports.Failed.Unexpected"];
}
