using System.Globalization;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>
/// Texts sent to requesters, in Finnish, Swedish or English, all in one voice (Art 12(1), clear and plain language):
/// greeting, what we did, what we keep and why in words, dates in Finnish form, whom to contact, the right to complain to the
/// supervisory authority (Art 12(4), notice § 12) in full from <see cref="SupervisoryAuthority"/>, and a signature.
/// </summary>
public static class RequestLetters
{
    private static readonly Dictionary<RequestType, LocalText> TypeNames = new()
    {
        [RequestType.Access] = new("tietojen tarkastuspyyntö", "begäran om tillgång till uppgifter", "request for access to your data"),
        [RequestType.Rectification] = new("tietojen oikaisupyyntö", "begäran om rättelse", "request for rectification"),
        [RequestType.Erasure] = new("tietojen poistopyyntö", "begäran om radering", "request for erasure"),
        [RequestType.Restriction] = new("käsittelyn rajoittamispyyntö", "begäran om begränsning av behandling", "request for restriction of processing"),
        [RequestType.ObjectionToMarketing] = new(
            "suoramarkkinointia koskeva vastustus", "invändning mot direktmarknadsföring", "objection to direct marketing"),
        [RequestType.ObjectionToProfiling] = new("profilointia koskeva vastustus", "invändning mot profilering", "objection to profiling"),
        [RequestType.Portability] = new("tietojen siirtopyyntö", "begäran om dataportabilitet", "request for data portability"),
    };

    private static readonly LocalText ConfirmationSubject = new("Vahvista pyyntösi", "Bekräfta din begäran", "Please confirm your request");

    private static readonly LocalText ConfirmedText = new(
        "Kiitos! Sähköpostiosoitteesi on vahvistettu ja pyyntö käsitellään.",
        "Tack! Din e-postadress är bekräftad och begäran behandlas.",
        "Thank you. Your email address is confirmed and the request will be handled.");

    private static readonly LocalText RecipientsHeading = new(
        "Ilmoitamme oikaisusta myös niille, joille tietojasi on luovutettu:",
        "Vi underrättar också dem som har fått dina uppgifter om rättelsen:",
        "We are also telling those who received your data about the rectification:");

    public static string TypeName(RequestType type, string language) => TypeNames[type].In(language);

    private static readonly LocalText Hello = new("Hei {0},", "Hej {0},", "Dear {0},");

    private static readonly LocalText HelloNobody = new("Hei,", "Hej,", "Hello,");

    private static readonly LocalText Questions = new(
        "Jos sinulla on kysyttävää, ota yhteyttä tietosuojavastaavaamme: {0}.",
        "Om du har frågor, kontakta vårt dataskyddsombud: {0}.",
        "If you have any questions, please contact our data protection officer: {0}.");

    private static readonly LocalText Regards = new("Ystävällisin terveisin", "Med vänliga hälsningar", "Kind regards");

    private static readonly LocalText Officer = new("Tietosuojavastaava", "Dataskyddsombud", "Data protection officer");

    /// <summary>The sender when the caller does not name one: the controller's defaults (<see cref="ControllerOptions"/>).</summary>
    public static ReportController DefaultSender { get; } = From(new ControllerOptions());

    public static ReportController From(ControllerOptions o) => new(o.Name, o.Email, o.ProtectionOfficer, o.ProtectionOfficerEmail);

    /// <summary>"Hei Eero Mäkinen," or "Hei," when the name is unknown.</summary>
    public static string Greeting(string language, string? name) =>
        string.IsNullOrWhiteSpace(name) ? HelloNobody.In(language) : string.Format(CultureInfo.InvariantCulture, Hello.In(language), name.Trim());

    /// <summary>Whom to contact: the data protection officer with their address, else the controller's.</summary>
    public static string Contact(ReportController from)
    {
        var email = from.ProtectionOfficerEmail ?? from.Email;
        var who = from.ProtectionOfficer ?? from.Name;
        return email is null ? who : $"{who}, {email}";
    }

    /// <summary>
    /// The end of every letter to a person: whom to contact, the right to complain with the authority in full, and the
    /// signature — paragraphs separated by a blank line.
    /// </summary>
    public static string Closing(string language, ReportController? from = null)
    {
        var sender = from ?? DefaultSender;
        var signer = sender.ProtectionOfficer ?? Officer.In(language);
        return string.Format(CultureInfo.InvariantCulture, Questions.In(language), Contact(sender)) + "\n\n"
            + SupervisoryAuthority.ComplaintRight(language) + "\n\n"
            + $"{Regards.In(language)}\n{signer}\n{sender.Name}";
    }

    /// <summary>A letter to a person in the one voice: greeting, the body's paragraphs (what we did, what we keep and why), closing.</summary>
    public static string Compose(string language, string? name, ReportController? from, params IEnumerable<string?> paragraphs) =>
        string.Join("\n\n", new[] { Greeting(language, name) }.Concat(paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.TrimEnd()))
            .Append(Closing(language, from)));

    /// <summary>The acknowledgement of a request taken in: what we received, when we answer and what may happen before.</summary>
    public static string AcknowledgementLetter(string language, RequestType type, DateOnly received, DateOnly due, string? name = null,
        ReportController? from = null)
    {
        var t = TypeName(type, language);
        return Compose(language, name, from, new LocalText(
            $"Olemme vastaanottaneet {t}si {Display.Date(received)}. Vastaamme siihen viimeistään {Display.Date(due)}.",
            $"Vi har tagit emot din {t} den {Display.Date(received)}. Vi svarar senast den {Display.Date(due)}.",
            $"We received your {t} on {Display.Date(received)}. We will reply by {Display.Date(due)}.").In(language),
            new LocalText(
                "Ennen kuin käsittelemme pyynnön, varmistamme, että olet se henkilö, jota tiedot koskevat. Otamme sinuun tarvittaessa yhteyttä.",
                "Innan vi behandlar begäran kontrollerar vi att du är den person som uppgifterna gäller. Vi kontaktar dig vid behov.",
                "Before we handle the request we make sure that you are the person the data is about. We will contact you if we need to.").In(language));
    }

    /// <summary>The acknowledgement of a request as taken in: its type, day of receipt (Helsinki) and original due date.</summary>
    public static string Acknowledgement(DataSubjectRequest r, ReportController? from = null) =>
        AcknowledgementLetter(r.Language, r.Type, HelsinkiTime.DateOf(r.ReceivedAt), r.OriginalDueDate, r.RequesterName, from);

    /// <summary>The same for a request as the API answers it (the request page shows the letter).</summary>
    public static string Acknowledgement(RequestResponse r, ReportController? from = null) =>
        AcknowledgementLetter(r.Language, r.Type, HelsinkiTime.DateOf(r.ReceivedAt), r.OriginalDueDate, r.RequesterName, from);

    public static string ExtensionLetter(string language, RequestType type, DateOnly received, DateOnly newDue, string reason, string? name = null,
        ReportController? from = null)
    {
        var r = Display.Date(received);
        var d = Display.Date(newDue);
        var t = TypeName(type, language);
        return Compose(language, name, from, new LocalText(
            $"Olemme vastaanottaneet {t}si {r}. Tarvitsemme sen käsittelyyn tavallista enemmän aikaa, joten vastaamme viimeistään {d}. "
            + "Tietosuoja-asetus sallii vastausajan pidentämisen, kun pyyntö on monimutkainen tai pyyntöjä on paljon.",
            $"Vi har tagit emot din {t} den {r}. Vi behöver mer tid än vanligt för att behandla den, så vi svarar senast den {d}. "
            + "Dataskyddsförordningen tillåter en längre svarstid när en begäran är komplex eller begärandena är många.",
            $"We received your {t} on {r}. We need more time than usual to handle it, so we will reply by {d}. "
            + "The data protection rules allow a longer time to reply when a request is complex or there are many requests.").In(language),
            new LocalText($"Syy: {reason}", $"Skäl: {reason}", $"Reason: {reason}").In(language));
    }

    public static string RefusalLetter(string language, RequestType type, DateOnly received, string reason, string? name = null,
        ReportController? from = null)
    {
        var r = Display.Date(received);
        var t = TypeName(type, language);
        return Compose(language, name, from, new LocalText(
            $"Olemme käsitelleet {r} vastaanotetun {t}si. Emme valitettavasti voi toteuttaa pyyntöä.",
            $"Vi har behandlat din {t} som vi tog emot den {r}. Tyvärr kan vi inte tillmötesgå begäran.",
            $"We have considered your {t} received on {r}. Unfortunately we cannot do what you asked.").In(language),
            new LocalText($"Perustelu: {reason}", $"Skäl: {reason}", $"Reason: {reason}").In(language),
            new LocalText(
                "Tietosi säilyvät ennallaan. Voit tehdä uuden pyynnön milloin tahansa.",
                "Dina uppgifter finns kvar som förut. Du kan när som helst göra en ny begäran.",
                "Your data stays as it was. You can make a new request at any time.").In(language));
    }

    /// <summary>
    /// The notice of a rectification (Art 16, Art 19): which kinds of data were corrected (never the values) and the
    /// recipients who are told of it.
    /// </summary>
    public static string RectificationNotice(string language, DateOnly received, IEnumerable<string> categoryIds,
        IEnumerable<NotifyRecipient> recipients, string? name = null, ReportController? from = null)
    {
        var r = Display.Date(received);
        var text = new System.Text.StringBuilder();
        text.AppendLine(new LocalText(
            $"Olemme oikaisseet henkilötietosi {r} vastaanotetun pyyntösi mukaisesti. Oikaistu:",
            $"Vi har rättat dina personuppgifter enligt din begäran som vi tog emot den {r}. Rättat:",
            $"We have rectified your personal data as you asked in your request received on {r}. Rectified:").In(language));
        foreach (var category in categoryIds.Select(id => Catalog.Categories.All.FirstOrDefault(c => c.Id == id)?.Name(language) ?? id).Distinct())
        {
            text.AppendLine("- " + category);
        }

        var told = recipients.ToList();
        var notified = new System.Text.StringBuilder();
        if (told.Count > 0)
        {
            notified.AppendLine(RecipientsHeading.In(language));
            foreach (var recipient in told)
            {
                notified.AppendLine($"- {recipient.Recipient}: {recipient.Reason}");
            }
        }

        return Compose(language, name, from, text.ToString(), notified.ToString());
    }

    public static (string Subject, string Body) Confirmation(string language, RequestType type, string link)
    {
        var t = TypeName(type, language);
        return (ConfirmationSubject.In(language), new LocalText(
            $"Olemme vastaanottaneet {t}si verkkolomakkeella. Vahvista, että sähköpostiosoite on sinun, avaamalla linkki:\n\n{link}\n\n"
            + "Jos et lähettänyt pyyntöä, voit jättää tämän viestin huomiotta.",
            $"Vi har tagit emot din {t} via webbformuläret. Bekräfta att e-postadressen är din genom att öppna länken:\n\n{link}\n\n"
            + "Om du inte har skickat begäran kan du ignorera detta meddelande.",
            $"We received your {t} through our web form. Please confirm that this email address is yours by opening the link:\n\n{link}\n\n"
            + "If you did not send the request, you can ignore this message.").In(language));
    }

    public static string Confirmed(string language) => ConfirmedText.In(language);

}
