using System.Security.Cryptography;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Requests;

public sealed record IntakeInput(
    RequestType? Type, RequestChannel? Channel, DateTime? ReceivedAt, string? RequesterName, string? RequesterEmail,
    string? RequesterPhone, string? RequesterAddress, string? Text, string? Language, Guid? SubjectId, Guid? AssignedTo,
    DataSource? Source);

/// <summary>A mail from the customer-service mailbox, already read and classified by the poller.</summary>
public sealed record MailIntakeInput(
    byte[] MessageHash, RequestType Type, DateTime? ReceivedAt, string? RequesterName, string? RequesterEmail, string? Text,
    string Language);

public sealed record PublicRequestInput(
    RequestType? Type, string? Name, string? Email, string? Phone, string? Address, string? Text, string? Language);

/// <summary>What the public form's submission ended in: the request taken in, or busy (none taken in).</summary>
public sealed record PublicSubmission(DataSubjectRequest? Request)
{
    /// <summary>The public form's cap for all addresses together (Requests:PublicGlobalPerHour) is reached; answered as 429.</summary>
    public static readonly PublicSubmission Busy = new((DataSubjectRequest?)null);

    public bool IsBusy => Request is null;
}

/// <summary>Taking requests in: staff intake, the public web form with its email confirmation, the privacy mailbox.</summary>
public sealed class RequestIntake(
    RegisterDbContext db, AuditLog audit, RequestSteps steps, IMailSender mail, IOptions<RequestOptions> options,
    IOptions<MailOptions> mailOptions, IOptions<ControllerOptions> controller)
{
    private static readonly LocalText OverAYear = new(
        "Yli vuoden takaa: kirjaa päivä, jona pyyntö todella saapui.",
        "För över ett år sedan: registrera det verkliga datumet då begäran kom in.",
        "More than a year ago: record the actual date the request arrived.");

    private static readonly LocalText ErasureNotMatchedAtIntake = new(
        "Poistopyyntöä ei koskaan yhdistetä henkilöön vastaanotettaessa: yhdistä se erillisenä, varmistettuna vaiheena.",
        "En begäran om radering kopplas aldrig till en person vid mottagandet: koppla den som ett separat, bekräftat steg.",
        "An erasure request is never matched at intake: match it as a separate, confirmed step.");

    private static readonly LocalText AlreadyTakenIn = new(
        "Tämä viesti on jo otettu vastaan.",
        "Det här meddelandet har redan tagits emot.",
        "This message was already taken in.");

    public const int MaxTextLength = 4000;

    private DateTime Now => steps.Now;

    public async Task<Outcome<DataSubjectRequest>> IntakeAsync(IntakeInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.Type is null)
        {
            errors.Add("type", FieldMessages.RequiredOneOf<RequestType>());
        }

        if (input.Channel is null)
        {
            errors.Add("channel", FieldMessages.RequiredOneOf<RequestChannel>());
        }

        var name = errors.Text("requesterName", input.RequesterName, 200, required: true);
        var email = errors.Optional<EmailAddress>("requesterEmail", input.RequesterEmail, EmailAddress.TryParse);
        var phone = errors.Optional<PhoneNumber>("requesterPhone", input.RequesterPhone, PhoneNumber.TryParse);
        var address = errors.Text("requesterAddress", input.RequesterAddress, 300);
        var text = errors.Text("text", input.Text, MaxTextLength);
        var language = Language(errors, input.Language);
        var receivedAt = input.ReceivedAt?.ToUniversalTime() ?? Now;
        if (receivedAt > Now.AddMinutes(5))
        {
            errors.Add("receivedAt", FieldMessages.NotInFuture);
        }
        else if (receivedAt < Now.AddYears(-1))
        {
            errors.Add("receivedAt", OverAYear);
        }

        if (input.SubjectId is not null && input.Type == RequestType.Erasure)
        {
            errors.Add("subjectId", ErasureNotMatchedAtIntake);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (input.SubjectId is { } sid && !await db.Set<Subject>().AnyAsync(s => s.Id == sid, ct))
        {
            return Outcome.Invalid(errors.Add("subjectId", FieldMessages.NoSuchSubject));
        }

        if (input.AssignedTo is { } uid && !await db.Users.AnyAsync(u => u.Id == uid, ct))
        {
            return Outcome.Invalid(errors.Add("assignedTo", FieldMessages.NoSuchUser));
        }

        var request = New(input.Type!.Value, input.Channel!.Value, input.Source ?? DataSource.Consumer, receivedAt, language, name!,
            email?.Value, phone?.Value, address, text);
        request.AssignedTo = input.AssignedTo;
        steps.Record(request, "received", null);
        if (input.SubjectId is { } subjectId)
        {
            // A handler who names the person at intake has confirmed the match.
            await steps.MatchAsync(request, subjectId, ct);
        }

        audit.Add(RequestSteps.Entry("request.create", request, Access.SetFields(db.Entry(request))));
        await AcknowledgeAsync(request, ct);
        return request;
    }

    /// <summary>The public web form: stored as Received, confirmed by a one-time link sent to the given address.</summary>
    public async Task<Outcome<PublicSubmission>> SubmitPublicAsync(PublicRequestInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.Type is null)
        {
            errors.Add("type", FieldMessages.RequiredOneOf<RequestType>());
        }

        var name = errors.Text("name", input.Name, 200, required: true);
        EmailAddress? email = null;
        if (string.IsNullOrWhiteSpace(input.Email))
        {
            errors.Add("email", FieldMessages.Required);
        }
        else
        {
            email = errors.Optional<EmailAddress>("email", input.Email, EmailAddress.TryParse);
        }

        var phone = errors.Optional<PhoneNumber>("phone", input.Phone, PhoneNumber.TryParse);
        var address = errors.Text("address", input.Address, 300);
        var text = errors.Text("text", input.Text, MaxTextLength);
        var language = Language(errors, input.Language);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        // Besides the limit per client address: a cap for all addresses together, so that a botnet cannot fill the register.
        var hourAgo = Now.AddHours(-1);
        if (await db.Set<DataSubjectRequest>().CountAsync(r => r.Channel == RequestChannel.WebForm && r.ReceivedAt >= hourAgo, ct)
            >= options.Value.PublicGlobalPerHour)
        {
            return PublicSubmission.Busy;
        }

        var request = New(input.Type!.Value, RequestChannel.WebForm, DataSource.Consumer, Now, language, name!, email!.Value,
            phone?.Value, address, text);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        request.EmailTokenHash = RequestSteps.TokenHash(token);
        steps.Record(request, "received", null);
        audit.Add(RequestSteps.Entry("request.create", request, Access.SetFields(db.Entry(request))));
        await db.SaveChangesAsync(ct);

        // The link opens a page whose button confirms: mail scanners that follow links confirm nothing.
        var link = $"{mailOptions.Value.PublicBaseUrl.TrimEnd('/')}/rights/confirm?token={token}&culture={language}";
        var (subject, body) = RequestLetters.Confirmation(language, request.Type, link);
        await mail.SendAsync(MailMessages.Text(request.RequesterEmail!, subject, body, language), request.Id, "confirmation", ct);
        return new PublicSubmission(request);
    }

    /// <summary>
    /// A mail in the customer-service mailbox, taken in by <see cref="MailboxPoller"/> as Received and never matched. A
    /// message already taken in (same Message-ID hash) answers a conflict on <c>messageId</c>, so a retry is harmless.
    /// </summary>
    public async Task<Outcome<DataSubjectRequest>> IntakeFromMailAsync(MailIntakeInput input, CancellationToken ct)
    {
        if (await db.Set<DataSubjectRequest>().AnyAsync(r => r.MailMessageHash == input.MessageHash, ct))
        {
            return Outcome.Conflict("messageId", AlreadyTakenIn);
        }

        var errors = new FieldErrors();
        var email = errors.Optional<EmailAddress>("requesterEmail", input.RequesterEmail, EmailAddress.TryParse);
        var nameText = string.IsNullOrWhiteSpace(input.RequesterName) ? email?.Value : input.RequesterName.Trim();
        var name = errors.Text("requesterName", nameText is { Length: > 200 } ? nameText[..200] : nameText, 200, required: true);
        var text = errors.Text("text", input.Text is { Length: > MaxTextLength } ? input.Text[..MaxTextLength] : input.Text, MaxTextLength);
        var language = Language(errors, input.Language);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        // The Date header is the sender's word: one in the future, missing or implausibly old counts as now.
        var receivedAt = input.ReceivedAt?.ToUniversalTime() ?? Now;
        if (receivedAt > Now || receivedAt < Now.AddYears(-1))
        {
            receivedAt = Now;
        }

        var request = New(input.Type, RequestChannel.CustomerServiceMailbox, DataSource.Consumer, receivedAt, language, name!,
            email?.Value, null, null, text);
        request.MailMessageHash = input.MessageHash;
        steps.Record(request, "received", null);
        audit.Add(RequestSteps.Entry("request.create", request, Access.SetFields(db.Entry(request))));
        await AcknowledgeAsync(request, ct);
        return request;
    }

    /// <summary>Confirms a web-form request's email; the link works once and only within the confirmation period.</summary>
    public async Task<DataSubjectRequest?> ConfirmEmailAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = RequestSteps.TokenHash(token);
        var oldest = Now.AddDays(-options.Value.UnconfirmedDays);
        var request = await db.Set<DataSubjectRequest>()
            .FirstOrDefaultAsync(r => r.EmailTokenHash == hash && r.State == RequestState.Received && r.ReceivedAt >= oldest, ct);
        if (request is null)
        {
            return null;
        }

        request.EmailTokenHash = null;
        request.EmailConfirmedAt = Now;
        request.State = RequestState.EmailConfirmed;
        steps.Record(request, "email_confirmed", null);
        audit.Add(RequestSteps.Entry("request.confirm_email", request, ["email_confirmed_at"]));

        // A web-form request is acknowledged once its email is proved: before that anyone could have typed the address.
        await AcknowledgeAsync(request, ct);
        return request;
    }

    /// <summary>
    /// The acknowledgement of a request taken in (what we received, when we answer at the latest): mailed through the
    /// outbox when an email is known — saved with the request in one transaction — else recorded as to be posted, the
    /// letter shown on the request page (<see cref="RequestLetters.Acknowledgement"/>). The action log says which.
    /// </summary>
    private async Task AcknowledgeAsync(DataSubjectRequest request, CancellationToken ct)
    {
        if (request.RequesterEmail is not { } to)
        {
            steps.Record(request, Acknowledged, ToPost);
            await db.SaveChangesAsync(ct);
            return;
        }

        steps.Record(request, Acknowledged, "email");
        var letter = RequestLetters.Acknowledgement(request, RequestLetters.From(controller.Value));
        await mail.SendAsync(MailMessages.Text(to, RequestSteps.MailSubject(request), letter, request.Language), request.Id,
            Acknowledgement, ct);
    }

    /// <summary>The action logged when the acknowledgement went (note <c>email</c>) or is to be posted (note <c>post</c>).</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>The outbox kind of the acknowledgement.</summary>
    public const string Acknowledgement = "acknowledgement";

    private const string ToPost = "post";

    private DataSubjectRequest New(RequestType type, RequestChannel channel, DataSource source, DateTime receivedAt, string language,
        string name, string? email, string? phone, string? address, string? text)
    {
        var due = options.Value.Deadlines().DueDate(HelsinkiTime.DateOf(receivedAt));
        var request = new DataSubjectRequest
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            Channel = channel,
            Source = source,
            State = RequestState.Received,
            ReceivedAt = receivedAt,
            Language = language,
            RequesterName = name,
            RequesterEmail = email,
            RequesterPhone = phone,
            RequesterAddress = address,
            Text = text,
            OriginalDueDate = due,
            DueDate = due,
        };
        db.Add(request);
        return request;
    }

    private static string Language(FieldErrors errors, string? language)
    {
        if (language is not null && !Languages.All.Contains(language.Trim().ToLowerInvariant()))
        {
            errors.Add("language", FieldMessages.OneOfLanguages);
        }

        return Languages.Normalize(language);
    }
}
