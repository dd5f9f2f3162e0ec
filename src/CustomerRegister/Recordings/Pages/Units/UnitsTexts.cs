using CustomerRegister.Localization;

namespace CustomerRegister.Recordings.Pages.Units;

/// <summary>The production units pages' texts.</summary>
[TextTable]
public static class UnitsTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Units.Title"] = new("Toimipisteet", "Verksamhetsställen", "Production units"),
        ["Units.Intro"] = new(
            "Toimipisteet ja kuinka kauan kunkin kameratallenteita säilytetään. Lyhyempi aika poistaa tallenteet aiemmin.",
            "Verksamhetsställena och hur länge varje ställes kamerainspelningar sparas. En kortare tid raderar inspelningarna tidigare.",
            "The production units and how long each keeps its CCTV footage. A shorter period deletes footage sooner."),
        ["Units.All"] = new("Kaikki toimipisteet", "Alla verksamhetsställen", "All production units"),
        ["Units.Empty"] = new("Ei toimipisteitä.", "Inga verksamhetsställen.", "No production units."),
        ["Units.New"] = new("Uusi toimipiste", "Nytt verksamhetsställe", "New production unit"),
        ["Units.Field.Name"] = new("Nimi", "Namn", "Name"),
        ["Units.Field.Address"] = new("Osoite", "Adress", "Address"),
        ["Units.Field.Cctv"] = new("Kameratallenteiden säilytysaika (kuukautta)", "Kamerainspelningarnas lagringstid (månader)", "CCTV retention (months)"),
        ["Units.Field.CctvHint"] = new(
            "1–6 kuukautta (tietosuojaseloste § 6).", "1–6 månader (dataskyddsbeskrivningen § 6).", "1 to 6 months (privacy notice § 6)."),
        ["Units.Create"] = new("Lisää toimipiste", "Lägg till verksamhetsställe", "Add production unit"),
        ["Units.Created"] = new("Toimipiste {0} lisätty.", "Verksamhetsstället {0} har lagts till.", "Production unit {0} added."),
        ["Units.Col.Name"] = new("Nimi", "Namn", "Name"),
        ["Units.Col.Address"] = new("Osoite", "Adress", "Address"),
        ["Units.Col.Cctv"] = new("Kameratallenteiden säilytysaika", "Kamerainspelningarnas lagringstid", "CCTV retention"),
        ["Units.Col.Actions"] = new("Toiminnot", "Åtgärder", "Actions"),
        ["Units.Months"] = new("{0} kuukautta", "{0} månader", "{0} months"),
        ["Units.Edit"] = new("Muuta", "Ändra", "Change"),
        ["Units.EditLabel"] = new("Muuta toimipistettä {0}", "Ändra verksamhetsstället {0}", "Change the production unit {0}"),
        ["Units.Edit.Title"] = new("Muuta toimipistettä", "Ändra verksamhetsställe", "Change production unit"),
        ["Units.Save"] = new("Tallenna", "Spara", "Save"),
        ["Units.Saved"] = new("Toimipiste {0} tallennettu.", "Verksamhetsstället {0} har sparats.", "Production unit {0} saved."),
        ["Units.Back"] = new("Kaikki toimipisteet", "Alla verksamhetsställen", "All production units"),
        ["Units.ConfigureNote"] = new(
            "Olemassa olevan toimipisteen säilytysajan muuttaa tietosuojavastaava.",
            "Lagringstiden för ett befintligt verksamhetsställe ändras av dataskyddsombudet.",
            "The data protection officer changes an existing unit's period."),
        ["Units.Current"] = new("Tallennetut tiedot nyt", "Sparade uppgifter nu", "Saved values now"),
    };
}
