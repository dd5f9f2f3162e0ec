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
        ["Requests.Action.lift_announced"] = new("Rajoituksen päättymisestä kerrottu", "Meddelat att begränsningen upphör", "Told of the lift"),
        ["Requests.Lift.SavedLetter"] = new(
            "Rajoitus poistettu. Pyytäjälle kerrottiin siitä ensin kirjeellä; kirje on alla.",
            "Begränsningen hävd. Den som begärt underrättades först med ett brev; brevet finns nedan.",
            "Lifted. The requester was told first by a letter; the letter is below."),
        ["Requests.Lift.Letter"] = new("Kirje päättymisestä", "Brev om upphörandet", "Letter on the lift"),
        ["Dpo.Letter.lift_letter"] = new("Kirje rajoituksen päättymisestä", "Brev om att begränsningen upphör", "Letter on a lifted restriction"),
        ["Requests.Withdraw.Title"] = new("Pyytäjä perui pyynnön", "Den som begärt återkallade begäran", "The requester withdrew the request"),
        ["Requests.Withdraw.Intro"] = new(
            "Kirjaa, kun pyytäjä ilmoittaa, ettei pyyntöä tarvitse enää käsitellä. Pyyntö suljetaan eikä siihen tehdä enää mitään.",
            "Registrera när den som begärt meddelar att begäran inte längre behöver behandlas. Begäran stängs och inget mer görs.",
            "Record it when the requester says the request need not be handled any more. The request is closed and nothing more is done."),
        ["Requests.Withdraw.Note"] = new("Miten ja milloin pyytäjä perui", "Hur och när den som begärt återkallade", "How and when the requester withdrew"),
        ["Requests.Withdraw.Submit"] = new("Merkitse peruutetuksi", "Markera som återkallad", "Mark as withdrawn"),
        ["Requests.Withdraw.Saved"] = new("Pyyntö merkitty peruutetuksi.", "Begäran markerad som återkallad.", "The request is marked withdrawn."),
        ["Requests.Target.contact_persons"] = new("Yhteyshenkilö ({0}): {1}", "Kontaktperson ({0}): {1}", "Contact person ({0}): {1}"),
        ["Requests.Target.organisations"] = new("Toiminimi ({0}): {1}", "Enskild näringsidkare ({0}): {1}", "Sole trader ({0}): {1}"),
        ["Requests.Target.customer_relationships"] = new("Asiakkuus {0}: {1}", "Kundrelation {0}: {1}", "Customer relationship {0}: {1}"),
        ["Requests.Table.contact_persons"] = new("Yhteyshenkilö", "Kontaktperson", "Contact person"),
        ["Requests.Table.organisations"] = new("Toiminimi", "Enskild näringsidkare", "Sole trader"),
        ["Requests.Table.customer_relationships"] = new("Asiakkuus", "Kundrelation", "Customer relationship"),
        ["Requests.Column.bank_account"] = new("Tilinumero (IBAN)", "Kontonummer (IBAN)", "Bank account (IBAN)"),
        ["Requests.Column.title"] = new("Titteli", "Titel", "Title"),
        ["Requests.Column.position"] = new("Asema", "Befattning", "Position"),
        ["Requests.Column.name"] = new("Nimi", "Namn", "Name"),
        ["Requests.Column.business_id"] = new("Y-tunnus", "FO-nummer", "Business ID"),
        ["Requests.Column.start_date"] = new("Alkupäivä", "Startdatum", "Start date"),
        ["Requests.Column.end_date"] = new("Päättymispäivä", "Slutdatum", "End date"),
        ["Requests.Rectify.ValueHint"] = new(
            "Päivämäärä muodossa 4.12.2026, tilinumero IBAN-muodossa; tyhjä poistaa vapaaehtoisen tiedon.",
            "Datum i formen 4.12.2026, kontonummer i IBAN-form; tomt tar bort en frivillig uppgift.",
            "A date as 4.12.2026, a bank account as an IBAN; empty clears an optional value."),
        ["Requests.Job.Title"] = new("Taustatyö", "Bakgrundsarbete", "Work in the background"),
        ["Requests.Job.SafeToLeave"] = new(
            "Työ jatkuu, vaikka poistut sivulta.", "Arbetet fortsätter även om du lämnar sidan.", "The work goes on if you leave the page."),
        ["Requests.Job.Link"] = new("Työn tila ja eteneminen", "Arbetets status och förlopp", "The work's state and progress"),
        ["Dpo.Letter.acknowledgement"] = new("Vastaanottoilmoitus", "Mottagningsbekräftelse", "Acknowledgement"),
    };
}
