using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using MimeKit;

namespace CustomerRegister.Requests;

/// <summary>How the access report reached the requester.</summary>
public enum ReportDelivery
{
    /// <summary>Mailed as a PDF to the requester's email address (through the outbox).</summary>
    Email = 1,

    /// <summary>Printed and posted by the handler; the register records that it was.</summary>
    Post = 2,

    /// <summary>Handed over at the office.</summary>
    InPerson = 3,
}

public sealed record SendReportRequest(ReportDelivery? Via, string? Language);

/// <summary>
/// Sends the Art 15 report of a matched, identity-verified access or portability request to the requester: by email as a
/// PDF in the request's language (the outbox retries and reports a failure), or records that it was posted or handed
/// over. The report is made by <see cref="AccessReports"/> (logged and audited there); the sending is a step on the request.
/// </summary>
public sealed class SendAccessReport(AccessReports reports, RequestSteps steps, IMailSender mail)
{
    private static readonly LocalText NoEmail = new(
        "Pyytäjän sähköpostiosoitetta ei ole: tulosta raportti ja lähetä se postitse tai anna se käynnillä.",
        "Den som begärt har ingen e-postadress: skriv ut rapporten och skicka den per post eller lämna den vid ett besök.",
        "The requester gave no email address: print the report and post it or hand it over.");

    private static readonly LocalText Cover = new(
        "Hei,\n\nliitteenä on raportti tiedoista, joita meillä on sinusta, kuten pyysit.\n\nJos sinulla on kysyttävää, vastaa tähän viestiin.\n\nYstävällisin terveisin\nTietosuojavastaava",
        "Hej,\n\nbifogat finns en rapport över de uppgifter vi har om dig, som du begärde.\n\nOm du har frågor kan du svara på det här meddelandet.\n\nMed vänliga hälsningar\nDataskyddsombudet",
        "Hello,\n\nattached is a report of the data we hold about you, as you asked.\n\nIf you have questions, reply to this message.\n\nKind regards\nData protection officer");

    public async Task<Outcome<DataSubjectRequest>> SendAsync(Guid id, SendReportRequest input, CancellationToken ct)
    {
        if (input.Via is not { } via)
        {
            return Outcome.Invalid("via", FieldMessages.RequiredOneOf<ReportDelivery>());
        }

        var request = await steps.LoadAsync(id, null, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        if (RequestRules.CanClose(request.State) is { } closed)
        {
            return Outcome.Conflict("state", closed);
        }

        if (via == ReportDelivery.Email && request.RequesterEmail is null)
        {
            return Outcome.Conflict("via", NoEmail);
        }

        var language = Languages.Normalize(input.Language ?? request.Language);
        if (via == ReportDelivery.Email)
        {
            var made = await reports.ForRequestAsync(id, "pdf", language, ct);
            if (!made.IsOk)
            {
                return made.NotFound ? Outcome.Missing : new Failure(made.Errors, made.Conflict, false);
            }

            using var document = made.Value!;
            using var pdf = new MemoryStream();
            await document.WriteAsync(pdf, ct);
            var message = MailMessages.Text(request.RequesterEmail!, RequestSteps.MailSubject(request), Cover.In(language), language);
            var body = new Multipart("mixed") { message.Body! };
            body.Add(new MimePart("application", "pdf")
            {
                Content = new MimeContent(new MemoryStream(pdf.ToArray())),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = document.FileName,
            });
            message.Body = body;
            await mail.SendAsync(message, request.Id, "access_report", ct);
        }
        else if (AccessReports.Refusal(request) is { } why)
        {
            return Outcome.Conflict("state", why);
        }

        // The report's own step reloaded nothing: the request is still the one loaded above.
        steps.Record(request, "access_report_sent", via.ToString().ToLowerInvariant());
        await steps.SaveAsync("request.send_access_report", request, ct);
        return request;
    }
}
