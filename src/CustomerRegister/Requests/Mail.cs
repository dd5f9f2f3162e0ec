using CustomerRegister.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerRegister.Requests;

/// <summary>
/// Outgoing mail. A message is written to the outbox (<see cref="OutgoingMail"/>) and delivered by <see cref="MailDelivery"/>,
/// with retries; <paramref name="requestId"/> names the request it belongs to (a letter that finally fails shows on it).
/// </summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, Guid? requestId, string kind, CancellationToken ct = default);

    /// <summary>
    /// Adds the message to the caller's unit of work (saved, and so sent, with the caller's changes or not at all);
    /// returns the outbox row's id, which an <see cref="IMailDelivered"/> of the kind is given when it is delivered.
    /// </summary>
    Guid Enqueue(MimeMessage message, Guid? requestId, string kind);
}

/// <summary>
/// A feature that keeps the delivery of its own kinds of mail (the outbox deletes a delivered message): called in the
/// delivering transaction, before the message's row goes.
/// </summary>
public interface IMailDelivered
{
    IReadOnlyCollection<string> Kinds { get; }

    Task DeliveredAsync(Data.RegisterDbContext db, Guid mailId, DateTime at, CancellationToken ct);
}

/// <summary>Hands a message to the mail server: SMTP when <c>Mail:Smtp:Host</c> is set, else the pickup folder.</summary>
public interface IMailTransport
{
    Task DeliverAsync(MimeMessage message, CancellationToken ct);
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server; when empty, mail goes to the pickup folder (the development default).</summary>
    public string? Host { get; set; }

    /// <summary>0 = the default of the chosen security: 587 for StartTls, 465 for SslOnConnect, 25 for None.</summary>
    public int Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int EffectivePort => Port != 0 ? Port : Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string PickupDirectory { get; set; } = "data/mail-outbox";

    public string From { get; set; } = "tietosuoja@customer-register.invalid";

    /// <summary>The public address of the register, for links in messages.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Delivery attempts before a letter counts as failed (shown to the DPO).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles after each further one (at most <see cref="MaxRetryMinutes"/>).</summary>
    public int RetrySeconds { get; set; } = 60;

    public int MaxRetryMinutes { get; set; } = 360;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>Why the settings are refused, or null.</summary>
    public string? Invalid() =>
        Settings.Allowed(Section, MailboxAddress.TryParse(From, out _), From, "an email address", nameof(From))
        ?? Settings.Allowed(Section, Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps),
            PublicBaseUrl, "an absolute http(s) address", nameof(PublicBaseUrl))
        ?? (UsesSmtp ? null : Settings.Required(Section, PickupDirectory))
        ?? Settings.Range(Section, Smtp.Port, 0, 65_535)
        ?? Settings.Allowed(Section, Enum.IsDefined(Smtp.Security), Smtp.Security, "None, StartTls or SslOnConnect", "Smtp.Security")
        ?? (string.IsNullOrWhiteSpace(Smtp.UserName) != string.IsNullOrEmpty(Smtp.Password)
            ? "Mail:Smtp:UserName and Mail:Smtp:Password go together; allowed both set or neither." : null)
        ?? Settings.Range(Section, MaxAttempts, 1, 30)
        ?? Settings.Range(Section, RetrySeconds, 1, 86_400)
        ?? Settings.AtLeast(Section, MaxRetryMinutes, Math.Max(1, (RetrySeconds + 59) / 60));

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: RetrySeconds × 2^(attempts-1), capped.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(RetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1)), MaxRetryMinutes * 60.0));
}

public static class MailMessages
{
    public static MimeMessage Text(string to, string subject, string body, string language)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse(to));
        var part = new TextPart("plain") { Text = body };
        part.Headers[HeaderId.ContentLanguage] = language;
        message.Body = part;
        return message;
    }
}

/// <summary>Writes each message as an .eml file into the pickup folder (Mail:PickupDirectory) for a mail server's pickup service.</summary>
public sealed class PickupDirectoryTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = options.Value.PickupDirectory;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.CreateVersion7():N}.eml");
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, ct);

        // The pickup service must never see a half-written file.
        File.Move(temp, path);
    }
}

/// <summary>Delivers through an SMTP server (MailKit), one connection per message.</summary>
public sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(smtp.Host!, smtp.EffectivePort, security, ct);
        if (!string.IsNullOrWhiteSpace(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
