using CustomerRegister.Localization;

namespace CustomerRegister.Requests.Pages;

/// <summary>
/// The request page's texts for the acknowledgement, the lifting letter, withdrawal, rectification of organisation and
/// bank fields, and long work in the background (issue 15's last part).
/// </summary>
[TextTable]
public static class RequestHandlingTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Requests.Action.acknowledged"] = new("Vastaanottoilmoitus", "Mottagningsbekräftelse", "Acknowledgement"),
        ["Requests.Via.email"] = new("lähetetty sähköpostilla", "skickad per e-post", "sent by email"),
        ["Requests.Via.post"] = new("postitetaan", "skickas per post", "to be posted"),
        ["Requests.Letter.Acknowledgement"] = new("Vastaanottoilmoitus", "Mottagningsbekräftelse", "Acknowledgement"),
        ["Requests.Letter.AckByEmail"] = new(
            "Vastaanottoilmoitus lähti pyytäjälle sähköpostilla.",
            "Mottagningsbekräftelsen skickades per e-post.",
            "The acknowledgement was emailed to the requester."),
        ["Requests.Letter.AckToPost"] = new(
            "Pyytäjän sähköpostiosoitetta ei ole: tulosta vastaanottoilmoitus ja postita se.",
            "Den som begärt har ingen e-postadress: skriv ut mottagningsbekräftelsen och skicka den per post.",
            "The requester gave no email address: print the acknowledgement and post it."),
        ["Dpo.Letter.acknowledgement"] = new("Vastaanottoilmoitus", "Mottagningsbekräftelse", "Acknowledgement"),
    };
}
