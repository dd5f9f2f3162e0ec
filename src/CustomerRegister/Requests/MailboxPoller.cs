using System.Security.Cryptography;
using System.Text;
using CustomerRegister.Infrastructure;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerRegister.Requests;

/// <summary>The customer-service mailbox the requests are taken in from (Requests:Mailbox:*); off unless Enabled.</summary>
public sealed class MailboxOptions
{
    public const string Section = "Requests:Mailbox";

    /// <summary>Runs the background poller. The <c>requests poll-mailbox</c> verb polls once whenever Host is set.</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }

    /// <summary>0 picks the protocol's default port for <see cref="UseSsl"/>.</summary>
    public int Port { get; set; }

    public SecureSocketOptions UseSsl { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>When set, handled messages are moved here; otherwise they are flagged \Seen where they are.</summary>
    public string? ProcessedFolder { get; set; }

    public int PollSeconds { get; set; } = 60;

    public string? Invalid() =>
        Settings.Range(Section, Port, 0, 65_535)
        ?? Settings.AtLeast(Section, PollSeconds, 1)
        ?? Settings.Required(Section, Folder)
        ?? (Enabled ? Settings.Required(Section, Host) : null);
}

/// <summary>
/// Takes every unseen mail of the customer-service mailbox in as a data-subject request (Received, never matched),
/// then flags it \Seen or moves it to Requests:Mailbox:ProcessedFolder. The SHA-256 of the Message-ID is stored with
/// the request, so a message whose flag was lost (a crash after saving) is flagged again, not taken in twice. A
/// message that cannot be taken in stays unseen for staff; the log names its UID only, never an address or subject.
/// </summary>
public sealed class MailboxPoller(
    IServiceScopeFactory scopes, IOptions<MailboxOptions> options, ILogger<MailboxPoller> logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    private MailboxOptions Options => options.Value;

    /// <summary>One poll: returns how many requests were taken in.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(Options.Host))
        {
            throw new InvalidOperationException("Requests:Mailbox:Host is not set.");
        }

        await _oneAtATime.WaitAsync(ct);
        try
        {
            using var client = new ImapClient();
            await client.ConnectAsync(Options.Host, Options.Port, Options.UseSsl, ct);
            if (!string.IsNullOrEmpty(Options.UserName))
            {
                await client.AuthenticateAsync(Options.UserName, Options.Password ?? "", ct);
            }

            var folder = string.Equals(Options.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
                ? client.Inbox
                : await client.GetFolderAsync(Options.Folder, ct);
            var processed = string.IsNullOrWhiteSpace(Options.ProcessedFolder) ? null : await client.GetFolderAsync(Options.ProcessedFolder, ct);
            await folder.OpenAsync(FolderAccess.ReadWrite, ct);
            var taken = 0;
            foreach (var uid in await folder.SearchAsync(SearchQuery.NotSeen, ct))
            {
                taken += await HandleAsync(folder, processed, uid, ct) ? 1 : 0;
            }

            await client.DisconnectAsync(true, ct);
            return taken;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Options.PollSeconds));
        do
        {
            try
            {
                var taken = await PollOnceAsync(stoppingToken);
                if (taken > 0)
                {
                    logger.LogInformation("Took {Count} data-subject request(s) in from the mailbox", taken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The exception's message may quote the server, which may quote a mail: its type is enough to start with.
                logger.LogError("Polling the request mailbox failed ({Error}); retrying on the next tick", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The request a mail makes, or null when it has no usable sender.</summary>
    public static MailIntakeInput? Read(MimeMessage message, byte[] raw)
    {
        if (message.From.Mailboxes.FirstOrDefault() is not { Address.Length: > 0 } from)
        {
            return null;
        }

        // A mail is hostile input: only the first MaxBodyChars of subject and body are looked at.
        var subject = MailRequestClassifier.Cap(message.Subject)?.Trim();
        var body = MailRequestClassifier.Cap(message.TextBody)
            ?? (message.HtmlBody is { } html ? MailRequestClassifier.HtmlToText(html) : null);
        var text = string.IsNullOrWhiteSpace(subject) ? body?.Trim() : $"{subject}\n\n{body?.Trim()}".Trim();
        DateTime? receivedAt = message.Date == DateTimeOffset.MinValue ? null : message.Date.UtcDateTime;
        return new MailIntakeInput(MessageHash(message, raw), MailRequestClassifier.Classify(subject, body), receivedAt,
            string.IsNullOrWhiteSpace(from.Name) ? null : from.Name, from.Address, text, MailRequestClassifier.GuessLanguage(subject, body));
    }

    /// <summary>SHA-256 of the Message-ID (which may name the sender's domain), or of the whole message when it has none.</summary>
    public static byte[] MessageHash(MimeMessage message, byte[] raw) =>
        string.IsNullOrWhiteSpace(message.MessageId)
            ? SHA256.HashData([.. "raw:"u8, .. SHA256.HashData(raw)])
            : SHA256.HashData(Encoding.UTF8.GetBytes("message-id:" + message.MessageId.Trim()));

    private async Task<bool> HandleAsync(IMailFolder folder, IMailFolder? processed, UniqueId uid, CancellationToken ct)
    {
        Outcome<DataSubjectRequest> outcome;
        try
        {
            using var stream = new MemoryStream();
            using (var message = await folder.GetStreamAsync(uid, ct))
            {
                await message.CopyToAsync(stream, ct);
            }

            var raw = stream.ToArray();
            stream.Position = 0;
            var input = Read(await MimeMessage.LoadAsync(stream, ct), raw);
            if (input is null)
            {
                logger.LogWarning("Mail UID {Uid} has no sender address: left unseen for staff", uid.Id);
                return false;
            }

            await using var scope = scopes.CreateAsyncScope();
            outcome = await scope.ServiceProvider.GetRequiredService<RequestIntake>().IntakeFromMailAsync(input, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not (ImapProtocolException or IOException))
        {
            logger.LogWarning("Mail UID {Uid} could not be taken in ({Error}): left unseen for staff", uid.Id, ex.GetType().Name);
            return false;
        }

        if (outcome.Errors is { } errors)
        {
            logger.LogWarning("Mail UID {Uid} could not be taken in (invalid {Fields}): left unseen for staff", uid.Id,
                string.Join(", ", errors.ToDictionary().Keys));
            return false;
        }

        // Taken in now, or earlier when the flag was lost: either way the message is done.
        if (processed is null)
        {
            await folder.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, ct);
        }
        else
        {
            await folder.MoveToAsync(uid, processed, ct);
        }

        return outcome.IsOk;
    }
}
