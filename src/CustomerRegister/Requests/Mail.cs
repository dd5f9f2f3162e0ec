using MimeKit;

namespace CustomerRegister.Requests;

/// <summary>Outgoing mail. Delivery is outside the product: a mail server picks the messages up.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string PickupDirectory { get; set; } = "data/mail-outbox";

    public string From { get; set; } = "tietosuoja@customer-register.invalid";

    /// <summary>The public address of the register, for links in messages.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Writes each message as an .eml file into the pickup folder (Mail:PickupDirectory).</summary>
public sealed class PickupDirectoryMailSender(Microsoft.Extensions.Options.IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var folder = options.Value.PickupDirectory;
        Directory.CreateDirectory(folder);
        if (message.From.Count == 0)
        {
            message.From.Add(MailboxAddress.Parse(options.Value.From));
        }

        var path = Path.Combine(folder, $"{Guid.CreateVersion7():N}.eml");
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, ct);

        // The pickup service must never see a half-written file.
        File.Move(temp, path);
    }

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
