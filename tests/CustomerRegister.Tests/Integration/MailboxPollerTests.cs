using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Identity;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register pointed at a fake IMAP server, with the background poller left at its default (off).</summary>
public class MailboxFactory : RequestsFactory
{
    public const string MailboxUser = "asiakaspalvelu";
    public const string MailboxPassword = "mailbox passphrase";

    public FakeImapServer Imap { get; } = new(MailboxUser, MailboxPassword);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Requests:Mailbox:Host", "127.0.0.1");
        builder.UseSetting("Requests:Mailbox:Port", Imap.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Requests:Mailbox:UseSsl", "None");
        builder.UseSetting("Requests:Mailbox:UserName", MailboxUser);
        builder.UseSetting("Requests:Mailbox:Password", MailboxPassword);
        builder.UseSetting("Requests:Mailbox:PollSeconds", "1");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Imap.Dispose();
        }
    }
}

/// <summary>The background poller switched on, moving handled mail to a folder of its own.</summary>
public sealed class EnabledMailboxFactory : MailboxFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Imap.AddFolder("Processed");
        base.ConfigureWebHost(builder);
        builder.UseSetting("Requests:Mailbox:Enabled", "true");
        builder.UseSetting("Requests:Mailbox:ProcessedFolder", "Processed");
    }
}

public static class Mails
{
    public static string FinnishErasure(string email, DateTimeOffset? date = null) => $"""
        From: Matti Meikäläinen <{email}>
        To: asiakaspalvelu@encorepalvelut.fi
        Subject: Tietojeni poistaminen
        Date: {(date ?? DateTimeOffset.UtcNow.AddHours(-3)).ToString("r", CultureInfo.InvariantCulture)}
        Message-ID: <{Guid.NewGuid():N}@mail.example.fi>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Hei,

        pyydän, että poistatte kaikki minua koskevat tiedot rekisteristänne.

        Ystävällisesti
        Matti
        """;

    public static string EnglishAccessInHtml(string email) => $"""
        From: "Jane Smith" <{email}>
        To: asiakaspalvelu@encorepalvelut.fi
        Subject: Copy of my personal data
        Date: {DateTimeOffset.UtcNow.AddDays(2).ToString("r", CultureInfo.InvariantCulture)}
        Message-ID: <{Guid.NewGuid():N}@mail.example.com>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><head><style>p {"{"} color: red; {"}"}</style></head><body><p>Hello,</p><p>please send me a copy of the
        personal data you hold about me &amp; tell me where it came from.</p></body></html>
        """;
}

[Trait(Category.Name, Category.Integration)]
public sealed class MailboxPollerTests(MailboxFactory app) : IClassFixture<MailboxFactory>
{
    private static string Address(string who) => $"{who}.{Guid.NewGuid():N}@example.fi";

    [Fact]
    public async Task OnePollTakesEachUnseenMailInAsAnUnmatchedRequestOfTheRightType()
    {
        var finn = Address("matti");
        var english = Address("jane");
        var erasureUid = app.Imap.Deliver(Mails.FinnishErasure(finn));
        var accessUid = app.Imap.Deliver(Mails.EnglishAccessInHtml(english));

        Assert.Equal(2, await PollAsync());

        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var erasure = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{await RequestIdAsync(finn)}");
        Assert.Equal("Erasure", erasure.GetProperty("type").GetString());
        Assert.Equal("CustomerServiceMailbox", erasure.GetProperty("channel").GetString());
        Assert.Equal("Consumer", erasure.GetProperty("source").GetString());
        Assert.Equal("Received", erasure.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, erasure.GetProperty("subjectId").ValueKind);
        Assert.Equal("fi", erasure.GetProperty("language").GetString());
        Assert.Equal("Matti Meikäläinen", erasure.GetProperty("requesterName").GetString());
        Assert.Equal(finn, erasure.GetProperty("requesterEmail").GetString());
        Assert.Contains("poistatte kaikki minua koskevat tiedot", erasure.GetProperty("text").GetString());
        Assert.True(erasure.GetProperty("receivedAt").GetDateTime() < DateTime.UtcNow.AddHours(-2));
        // Taken in, then acknowledged to the sender's address.
        var actions = erasure.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["received", "acknowledged"], actions.Select(a => a.GetProperty("action").GetString()));
        Assert.All(actions, a => Assert.Equal("system", a.GetProperty("actorKind").GetString()));

        var access = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{await RequestIdAsync(english)}");
        Assert.Equal("Access", access.GetProperty("type").GetString());
        Assert.Equal("en", access.GetProperty("language").GetString());
        Assert.Equal("Jane Smith", access.GetProperty("requesterName").GetString());
        Assert.Equal(JsonValueKind.Null, access.GetProperty("subjectId").ValueKind);
        var text = access.GetProperty("text").GetString()!;
        Assert.Contains("please send me a copy", text);
        Assert.Contains("& tell me", text);
        Assert.DoesNotContain("<p>", text);
        Assert.DoesNotContain("color", text);
        Assert.True(access.GetProperty("receivedAt").GetDateTime() <= DateTime.UtcNow.AddMinutes(1), "a Date in the future counts as now");

        Assert.True(app.Imap.IsSeen(erasureUid));
        Assert.True(app.Imap.IsSeen(accessUid));
        Assert.Equal(0, await PollAsync());
        Assert.Equal(1L, await CountAsync(finn));
        Assert.Empty(app.Imap.Unknown);
    }

    [Fact]
    public async Task TakingInIsAuditedAsTheSystemWithColumnNamesOnlyAndNothingPersonalIsLogged()
    {
        var email = Address("audit");
        app.Imap.Deliver(Mails.FinnishErasure(email));

        Assert.Equal(1, await PollAsync());

        var id = await RequestIdAsync(email);
        var kind = await app.Database.ScalarAsync(
            $"SELECT actor_kind FROM audit_events WHERE entity_id = '{id}' AND action = 'request.create'");
        Assert.Equal("system", kind);
        var fields = Convert.ToString(await app.Database.ScalarAsync(
            $"SELECT fields FROM audit_events WHERE entity_id = '{id}' AND action = 'request.create'"), CultureInfo.InvariantCulture)!;
        Assert.Contains("requester_email", fields);
        Assert.DoesNotContain("@", fields);
        Assert.DoesNotContain("Meikäläinen", fields);

        var logs = app.Logs.Lines.ToList();
        Assert.DoesNotContain(logs, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, l => l.Contains("example.fi", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, l => l.Contains("Meikäläinen", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("Tietojeni poistaminen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMailWhoseSeenFlagWasLostIsFlaggedAgainNotTakenInTwice()
    {
        var email = Address("crash");
        var uid = app.Imap.Deliver(Mails.FinnishErasure(email));
        Assert.Equal(1, await PollAsync());

        app.Imap.ForgetSeenFlags();
        Assert.False(app.Imap.IsSeen(uid));

        Assert.Equal(0, await PollAsync());
        Assert.Equal(1L, await CountAsync(email));
        Assert.True(app.Imap.IsSeen(uid));
    }

    [Fact]
    public async Task AnUnusableMailIsLeftForStaffWithoutStoppingTheOthers()
    {
        var garbage = app.Imap.Deliver([.. Enumerable.Range(0, 600).Select(i => (byte)((i * 37) % 256))]);
        var noSender = app.Imap.Deliver("Subject: Poistakaa tietoni\r\nMessage-ID: <x1@example.fi>\r\n\r\nKiitos\r\n");
        var email = Address("after-garbage");
        var good = app.Imap.Deliver(Mails.FinnishErasure(email));

        Assert.Equal(1, await PollAsync());

        Assert.Equal(1L, await CountAsync(email));
        Assert.True(app.Imap.IsSeen(good));
        Assert.False(app.Imap.IsSeen(garbage));
        Assert.False(app.Imap.IsSeen(noSender));
        var logs = app.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains($"Mail UID {garbage} ", StringComparison.Ordinal) && l.Contains("left unseen", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains($"Mail UID {noSender} ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("Poistakaa", StringComparison.Ordinal));

        // Still there for staff, and still not taken in on the next poll.
        Assert.Equal(0, await PollAsync());
        Assert.False(app.Imap.IsSeen(noSender));
    }

    [Fact(Timeout = 120_000)]
    public async Task AHostileMailDoesNotStallThePollAndTheNextMailIsTakenIn()
    {
        var hostileSender = Address("hostile");
        var angleBrackets = app.Imap.Deliver($"""
            From: <{hostileSender}>
            Subject: {new string('<', 100_000)}
            Message-ID: <{Guid.NewGuid():N}@example.fi>
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            {new string('<', 1 << 20)}
            """);
        var nested = app.Imap.Deliver($"""
            From: <{Address("nested")}>
            Subject: nested
            Message-ID: <{Guid.NewGuid():N}@example.fi>
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            {string.Concat(Enumerable.Repeat("<div><script x=", 100_000))}
            """);
        var email = Address("after-hostile");
        var good = app.Imap.Deliver(Mails.FinnishErasure(email));

        Assert.Equal(3, await PollAsync());

        Assert.True(app.Imap.IsSeen(angleBrackets));
        Assert.True(app.Imap.IsSeen(nested));
        Assert.True(app.Imap.IsSeen(good));
        Assert.Equal(1L, await CountAsync(email));
        var text = Convert.ToString(await app.Database.ScalarAsync(
            $"SELECT text FROM data_subject_requests WHERE requester_email = '{hostileSender}'"), CultureInfo.InvariantCulture)!;
        Assert.True(text.Length <= 4000);
    }

    [Fact]
    public async Task TheMailboxIsNotPolledInTheBackgroundUnlessEnabled()
    {
        var email = Address("disabled");
        var uid = app.Imap.Deliver(Mails.FinnishErasure(email));
        var connections = app.Imap.Connections;

        // The poller's loop has already ended (a signal, not a wait on the clock): nothing is left to poll, ever.
        var poller = app.Services.GetServices<IHostedService>().OfType<MailboxPoller>().Single();
        Assert.True(poller.ExecuteTask is { IsCompletedSuccessfully: true }, "the disabled poller is still running");

        Assert.Equal(connections, app.Imap.Connections);
        Assert.False(app.Imap.IsSeen(uid));
        Assert.Equal(0L, await CountAsync(email));
        app.Imap.Clear();
    }

    [Fact]
    public async Task WrongMailboxCredentialsFailThePollWithoutTakingAnythingIn()
    {
        var output = new StringWriter();
        await using var wrong = app.WithWebHostBuilder(b => b.UseSetting("Requests:Mailbox:Password", "wrong"));
        var email = Address("wrong-password");
        var uid = app.Imap.Deliver(Mails.FinnishErasure(email));

        Assert.Equal(1, await CommandLine.TryRunAsync(["requests", "poll-mailbox"], wrong.Services, output));

        Assert.Contains("AuthenticationException", output.ToString());
        Assert.False(app.Imap.IsSeen(uid));
        app.Imap.Clear();
    }

    [Fact]
    public async Task ThePollVerbRefusesWithoutAMailboxHost()
    {
        var output = new StringWriter();
        await using var unset = app.WithWebHostBuilder(b => b.UseSetting("Requests:Mailbox:Host", ""));

        Assert.Equal(1, await CommandLine.TryRunAsync(["requests", "poll-mailbox"], unset.Services, output));

        Assert.Contains("Requests:Mailbox:Host is not set", output.ToString());
    }

    private async Task<int> PollAsync()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["requests", "poll-mailbox"], app.Services, output));
        var match = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"^(\d+) request\(s\) taken in from the mailbox\.");
        Assert.True(match.Success, output.ToString());
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<Guid> RequestIdAsync(string email) =>
        Guid.Parse(Convert.ToString(await app.Database.ScalarAsync($"SELECT id FROM data_subject_requests WHERE requester_email = '{email}'"),
            CultureInfo.InvariantCulture)!);

    private async Task<long> CountAsync(string email) =>
        Convert.ToInt64(await app.Database.ScalarAsync($"SELECT COUNT(*) FROM data_subject_requests WHERE requester_email = '{email}'"),
            CultureInfo.InvariantCulture);
}

[Trait(Category.Name, Category.Integration)]
public sealed class EnabledMailboxPollerTests(EnabledMailboxFactory app) : IClassFixture<EnabledMailboxFactory>
{
    [Fact]
    public async Task WhenEnabledThePollerTakesMailInByItselfAndMovesItToTheProcessedFolder()
    {
        _ = app.Services;
        var email = $"moved.{Guid.NewGuid():N}@example.fi";
        var uid = app.Imap.Deliver(Mails.FinnishErasure(email));

        try
        {
            await app.Imap.InFolderAsync(uid, "Processed").WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail(string.Join("\n", app.Imap.Unknown.Concat(app.Logs.Lines.Where(l => l.Contains("Mailbox", StringComparison.Ordinal)))));
        }
        Assert.Equal(1L, Convert.ToInt64(await app.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM data_subject_requests WHERE requester_email = '{email}' AND channel = 'CustomerServiceMailbox'"),
            CultureInfo.InvariantCulture));
        Assert.Empty(app.Imap.Unknown);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
    }
}
