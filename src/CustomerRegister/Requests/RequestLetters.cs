using System.Globalization;
using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>
/// Texts sent to requesters, in Finnish, Swedish or English. Every answer that refuses or delays states the right to
/// complain to the supervisory authority (Art 12(4), notice § 12), in full from <see cref="SupervisoryAuthority"/>.
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
        "Ilmoitamme oikaisusta seuraaville vastaanottajille (19 artikla):",
        "Vi underrättar följande mottagare om rättelsen (artikel 19):",
        "We are informing the following recipients of the rectification (Article 19):");

    public static string TypeName(RequestType type, string language) => TypeNames[type].In(language);

    public static string ExtensionLetter(string language, RequestType type, DateOnly received, DateOnly newDue, string reason)
    {
        var r = Date(received);
        var d = Date(newDue);
        var t = TypeName(type, language);
        return new LocalText(
            $"Olemme vastaanottaneet {t}si {r}. Pyynnön monimutkaisuuden tai pyyntöjen suuren määrän vuoksi pidennämme "
            + $"vastausaikaa tietosuoja-asetuksen 12 artiklan 3 kohdan mukaisesti. Vastaamme viimeistään {d}.\n\n"
            + $"Syy: {reason}",
            $"Vi har mottagit din {t} den {r}. På grund av att begäran är komplex eller att vi har fått många begäranden "
            + $"förlänger vi svarstiden enligt artikel 12.3 i dataskyddsförordningen. Vi svarar senast den {d}.\n\n"
            + $"Skäl: {reason}",
            $"We received your {t} on {r}. Because the request is complex or we have received many requests, we are "
            + $"extending the time to reply under Article 12(3) of the General Data Protection Regulation. We will reply by {d}.\n\n"
            + $"Reason: {reason}").In(language) + $"\n\n{SupervisoryAuthority.ComplaintRight(language)}";
    }

    public static string RefusalLetter(string language, RequestType type, DateOnly received, string reason)
    {
        var r = Date(received);
        var t = TypeName(type, language);
        return new LocalText(
            $"Olemme käsitelleet {r} vastaanotetun {t}si. Emme voi toteuttaa pyyntöä.\n\nPerustelu: {reason}",
            $"Vi har behandlat din {t} som mottogs den {r}. Vi kan inte tillmötesgå begäran.\n\nSkäl: {reason}",
            $"We have considered your {t} received on {r}. We cannot act on the request.\n\nReason: {reason}").In(language)
            + $"\n\n{SupervisoryAuthority.ComplaintRight(language)}";
    }

    /// <summary>
    /// The notice of a rectification (Art 16, Art 19): which kinds of data were corrected (never the values) and the
    /// recipients who are told of it.
    /// </summary>
    public static string RectificationNotice(string language, DateOnly received, IEnumerable<string> categoryIds,
        IEnumerable<NotifyRecipient> recipients)
    {
        var r = Date(received);
        var text = new System.Text.StringBuilder();
        text.AppendLine(new LocalText(
            $"Olemme oikaisseet henkilötietosi {r} vastaanotetun pyyntösi mukaisesti (EU:n tietosuoja-asetus 16 artikla). Oikaistu:",
            $"Vi har rättat dina personuppgifter enligt din begäran som mottogs den {r} (EU:s dataskyddsförordning artikel 16). Rättat:",
            $"We have rectified your personal data as you asked in your request received on {r} (GDPR Article 16). Rectified:").In(language));
        foreach (var name in categoryIds.Select(id => Catalog.Categories.All.FirstOrDefault(c => c.Id == id)?.Name(language) ?? id).Distinct())
        {
            text.AppendLine("- " + name);
        }

        text.AppendLine();
        text.AppendLine(RecipientsHeading.In(language));
        foreach (var recipient in recipients)
        {
            text.AppendLine($"- {recipient.Recipient}: {recipient.Reason}");
        }

        text.AppendLine();
        text.Append(SupervisoryAuthority.ComplaintRight(language));
        return text.ToString();
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

    private static string Date(DateOnly d) => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
}
