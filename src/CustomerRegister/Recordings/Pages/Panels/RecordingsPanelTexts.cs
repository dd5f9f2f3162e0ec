using CustomerRegister.Localization;

namespace CustomerRegister.Recordings.Pages.Panels;

[TextTable]
public static class RecordingsPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.Recordings.Call"] = new("Puhelu {0}", "Samtal {0}", "Call {0}"),
        ["Panel.Recordings.From"] = new("numerosta {0}", "från nummer {0}", "from {0}"),
        ["Panel.Recordings.Withheld"] = new("salainen numero", "dolt nummer", "withheld number"),
        ["Panel.Recordings.Agent"] = new("vastaaja {0}", "besvarat av {0}", "answered by {0}"),
        ["Panel.Recordings.Duration"] = new("kesto {0} min {1} s", "längd {0} min {1} s", "length {0} min {1} s"),
        ["Panel.Recordings.Listen"] = new("Kuuntele puhelu {0}", "Lyssna på samtalet {0}", "Listen to the call of {0}"),
        ["Panel.Recordings.Audited"] = new(
            "Kuunteleminen kirjataan tapahtumalokiin.", "Lyssnandet loggas i händelseloggen.", "Listening is written to the audit log."),
        ["Panel.Recordings.NoAudio"] = new(
            "Selaimesi ei toista ääntä; lataa tallenne.", "Din webbläsare spelar inte upp ljud; ladda ned inspelningen.",
            "Your browser does not play audio; download the recording."),
    };
}
