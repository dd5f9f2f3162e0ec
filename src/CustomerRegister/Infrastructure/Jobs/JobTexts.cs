using CustomerRegister.Localization;

namespace CustomerRegister.Infrastructure.Jobs;

/// <summary>The words of a long job's status, Finnish first; also <see cref="JobState"/>'s words.</summary>
[TextTable]
public static class JobTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Jobs.Progress"] = new("Edistyminen", "Framsteg", "Progress"),
        ["Jobs.Steps"] = new("{0} / {1} vaihetta", "{0} / {1} steg", "{0} of {1} steps"),
        ["Jobs.Step"] = new("Nyt", "Nu", "Now"),
        ["Jobs.StartedAt"] = new("Aloitettu", "Startad", "Started"),
        ["Jobs.FinishedAt"] = new("Päättyi", "Avslutad", "Finished"),
        ["Jobs.State"] = new("Tila", "Status", "State"),
        ["Jobs.Refresh"] = new("Päivitä tilanne", "Uppdatera läget", "Refresh the status"),
        ["Jobs.SafeToLeave"] = new(
            "Työ jatkuu palvelimella, vaikka poistuisit sivulta. Voit palata tähän osoitteeseen myöhemmin.",
            "Arbetet fortsätter på servern även om du lämnar sidan. Du kan återvända till den här adressen senare.",
            "The work goes on on the server even if you leave the page. You can come back to this address later."),
        ["Jobs.Result"] = new("Näytä tulos", "Visa resultatet", "Show the result"),
        ["Jobs.Back"] = new("Takaisin", "Tillbaka", "Back"),
        ["Jobs.Failed"] = new("Työ epäonnistui", "Arbetet misslyckades", "The work failed"),
        ["Jobs.Done"] = new("Työ on valmis", "Arbetet är klart", "The work is done"),
        ["JobState.Started"] = new("Aloitettu", "Startad", "Started"),
        ["JobState.Running"] = new("Käynnissä", "Pågår", "Running"),
        ["JobState.Done"] = new("Valmis", "Klar", "Done"),
        ["JobState.Failed"] = new("Epäonnistui", "Misslyckades", "Failed"),
    };
}
