using System.Globalization;

namespace CustomerRegister.Requests;

/// <summary>
/// Texts sent to requesters, in Finnish, Swedish or English. Every answer that refuses or delays states the right to
/// complain to the supervisory authority (Art 12(4), notice § 12), in full from <see cref="SupervisoryAuthority"/>.
/// </summary>
public static class RequestLetters
{
    public static string TypeName(RequestType type, string language) => (type, language) switch
    {
        (RequestType.Access, "sv") => "begäran om tillgång till uppgifter",
        (RequestType.Access, "en") => "request for access to your data",
        (RequestType.Access, _) => "tietojen tarkastuspyyntö",
        (RequestType.Rectification, "sv") => "begäran om rättelse",
        (RequestType.Rectification, "en") => "request for rectification",
        (RequestType.Rectification, _) => "tietojen oikaisupyyntö",
        (RequestType.Erasure, "sv") => "begäran om radering",
        (RequestType.Erasure, "en") => "request for erasure",
        (RequestType.Erasure, _) => "tietojen poistopyyntö",
        (RequestType.Restriction, "sv") => "begäran om begränsning av behandling",
        (RequestType.Restriction, "en") => "request for restriction of processing",
        (RequestType.Restriction, _) => "käsittelyn rajoittamispyyntö",
        (RequestType.ObjectionToMarketing, "sv") => "invändning mot direktmarknadsföring",
        (RequestType.ObjectionToMarketing, "en") => "objection to direct marketing",
        (RequestType.ObjectionToMarketing, _) => "suoramarkkinointia koskeva vastustus",
        (RequestType.ObjectionToProfiling, "sv") => "invändning mot profilering",
        (RequestType.ObjectionToProfiling, "en") => "objection to profiling",
        (RequestType.ObjectionToProfiling, _) => "profilointia koskeva vastustus",
        (RequestType.Portability, "sv") => "begäran om dataportabilitet",
        (RequestType.Portability, "en") => "request for data portability",
        (_, _) => "tietojen siirtopyyntö",
    };

    public static string ExtensionLetter(string language, RequestType type, DateOnly received, DateOnly newDue, string reason)
    {
        var r = Date(received);
        var d = Date(newDue);
        var t = TypeName(type, language);
        return language switch
        {
            "sv" => $"Vi har mottagit din {t} den {r}. På grund av att begäran är komplex eller att vi har fått många begäranden "
                    + $"förlänger vi svarstiden enligt artikel 12.3 i dataskyddsförordningen. Vi svarar senast den {d}.\n\n"
                    + $"Skäl: {reason}\n\n{SupervisoryAuthority.ComplaintRight(language)}",
            "en" => $"We received your {t} on {r}. Because the request is complex or we have received many requests, we are "
                    + $"extending the time to reply under Article 12(3) of the General Data Protection Regulation. We will reply by {d}.\n\n"
                    + $"Reason: {reason}\n\n{SupervisoryAuthority.ComplaintRight(language)}",
            _ => $"Olemme vastaanottaneet {t}si {r}. Pyynnön monimutkaisuuden tai pyyntöjen suuren määrän vuoksi pidennämme "
                 + $"vastausaikaa tietosuoja-asetuksen 12 artiklan 3 kohdan mukaisesti. Vastaamme viimeistään {d}.\n\n"
                 + $"Syy: {reason}\n\n{SupervisoryAuthority.ComplaintRight(language)}",
        };
    }

    public static string RefusalLetter(string language, RequestType type, DateOnly received, string reason)
    {
        var r = Date(received);
        var t = TypeName(type, language);
        return language switch
        {
            "sv" => $"Vi har behandlat din {t} som mottogs den {r}. Vi kan inte tillmötesgå begäran.\n\nSkäl: {reason}\n\n{SupervisoryAuthority.ComplaintRight(language)}",
            "en" => $"We have considered your {t} received on {r}. We cannot act on the request.\n\nReason: {reason}\n\n{SupervisoryAuthority.ComplaintRight(language)}",
            _ => $"Olemme käsitelleet {r} vastaanotetun {t}si. Emme voi toteuttaa pyyntöä.\n\nPerustelu: {reason}\n\n{SupervisoryAuthority.ComplaintRight(language)}",
        };
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
        text.AppendLine(language switch
        {
            "sv" => $"Vi har rättat dina personuppgifter enligt din begäran som mottogs den {r} (EU:s dataskyddsförordning artikel 16). Rättat:",
            "en" => $"We have rectified your personal data as you asked in your request received on {r} (GDPR Article 16). Rectified:",
            _ => $"Olemme oikaisseet henkilötietosi {r} vastaanotetun pyyntösi mukaisesti (EU:n tietosuoja-asetus 16 artikla). Oikaistu:",
        });
        foreach (var name in categoryIds.Select(id => Catalog.Categories.All.FirstOrDefault(c => c.Id == id)?.Name(language) ?? id).Distinct())
        {
            text.AppendLine("- " + name);
        }

        text.AppendLine();
        text.AppendLine(language switch
        {
            "sv" => "Vi underrättar följande mottagare om rättelsen (artikel 19):",
            "en" => "We are informing the following recipients of the rectification (Article 19):",
            _ => "Ilmoitamme oikaisusta seuraaville vastaanottajille (19 artikla):",
        });
        foreach (var recipient in recipients)
        {
            text.AppendLine($"- {recipient.Recipient}: {recipient.Reason}");
        }

        text.AppendLine();
        text.Append(SupervisoryAuthority.ComplaintRight(language));
        return text.ToString();
    }

    public static (string Subject, string Body) Confirmation(string language, RequestType type, string link) => language switch
    {
        "sv" => ("Bekräfta din begäran",
            $"Vi har tagit emot din {TypeName(type, language)} via webbformuläret. Bekräfta att e-postadressen är din genom att öppna länken:\n\n{link}\n\n"
            + "Om du inte har skickat begäran kan du ignorera detta meddelande."),
        "en" => ("Please confirm your request",
            $"We received your {TypeName(type, language)} through our web form. Please confirm that this email address is yours by opening the link:\n\n{link}\n\n"
            + "If you did not send the request, you can ignore this message."),
        _ => ("Vahvista pyyntösi",
            $"Olemme vastaanottaneet {TypeName(type, language)}si verkkolomakkeella. Vahvista, että sähköpostiosoite on sinun, avaamalla linkki:\n\n{link}\n\n"
            + "Jos et lähettänyt pyyntöä, voit jättää tämän viestin huomiotta."),
    };

    public static string Confirmed(string language) => language switch
    {
        "sv" => "Tack! Din e-postadress är bekräftad och begäran behandlas.",
        "en" => "Thank you. Your email address is confirmed and the request will be handled.",
        _ => "Kiitos! Sähköpostiosoitteesi on vahvistettu ja pyyntö käsitellään.",
    };

    private static string Date(DateOnly d) => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
}
