using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register sending through a real SMTP server in the test process, on a clock the tests move.</summary>
public sealed class SmtpFactory : ClockFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("Mail:MaxAttempts", "3");
        builder.UseSetting("Mail:RetrySeconds", "60");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

[Trait(Category.Name, Category.Integration)]
public sealed class MailDeliveryTests(SmtpFactory app) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task AConfirmationLeavesThroughSmtpAndNothingIsKept()
    {
        var email = $"smtp.{Guid.NewGuid():N}@example.fi";

        var sent = await app.Anonymous().PostAsJsonAsync("/api/public/requests", new { type = "Access", name = "Aino", email, language = "en" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        await app.DeliverMailAsync();

        var mail = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal("Please confirm your request", mail.Subject);
        Assert.Contains("/rights/confirm?token=", mail.TextBody);
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM outgoing_mail m JOIN data_subject_requests r ON r.id = m.request_id WHERE r.requester_email = '{email}'"));
        Assert.False(Directory.Exists(app.MailFolder) && Directory.EnumerateFileSystemEntries(app.MailFolder).Any());
    }

    [Fact]
    public async Task ARefusedLetterIsRetriedWithBackOffThenFailedVisibleToTheDpoAndGoesWithItsRequest()
    {
        var email = $"refused.{Guid.NewGuid():N}@example.fi";
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        app.Smtp.Refuse = true;
        try
        {
            await app.Anonymous().PostAsJsonAsync("/api/public/requests", new { type = "Erasure", name = "Aino", email });
            var id = Guid.Parse((string)(await app.Database.ScalarAsync($"SELECT CAST(id AS TEXT) FROM data_subject_requests WHERE requester_email = '{email}'"))!);
            await app.DeliverMailAsync();
            Assert.Equal(1L, await AttemptsAsync(email));

            // Not before the back-off: 60 s after the first failure, then 120 s.
            await app.DeliverMailAsync();
            app.Clock.Advance(TimeSpan.FromSeconds(59));
            await app.DeliverMailAsync();
            Assert.Equal(1L, await AttemptsAsync(email));
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await app.DeliverMailAsync();
            Assert.Equal(2L, await AttemptsAsync(email));
            app.Clock.Advance(TimeSpan.FromSeconds(119));
            await app.DeliverMailAsync();
            Assert.Equal(2L, await AttemptsAsync(email));
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await app.DeliverMailAsync();
            Assert.Equal(3L, await AttemptsAsync(email));
            app.Clock.Advance(TimeSpan.FromHours(2));
            await app.DeliverMailAsync();
            Assert.Equal(3L, await AttemptsAsync(email));
            Assert.DoesNotContain(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));

            // The DPO sees it: the request, the kind, the attempts and the error's type; no address, no text.
            dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
            var failedJson = await dpo.Client.GetStringAsync("/api/mail/failed");
            var failed = Assert.Single(JsonDocument.Parse(failedJson).RootElement.GetProperty("items").EnumerateArray(),
                m => m.GetProperty("requestId").GetGuid() == id);
            Assert.Equal("confirmation", failed.GetProperty("kind").GetString());
            Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
            Assert.Equal("SmtpCommandException", failed.GetProperty("lastError").GetString());
            Assert.DoesNotContain(email, failedJson, StringComparison.OrdinalIgnoreCase);
            var request = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");
            Assert.Contains(request.GetProperty("actions").EnumerateArray(), a => a.GetProperty("action").GetString() == "mail_failed");
            var service = await app.CreateUserAsync(Roles.CustomerService);
            Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync("/api/mail/failed")).StatusCode);

            // The request was never confirmed: once expired the sweep deletes it, and its letter with it.
            app.Clock.Advance(TimeSpan.FromDays(8));
            dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
            Assert.Equal(HttpStatusCode.OK, (await dpo.Client.PostAsJsonAsync("/api/retention/run", new { })).StatusCode);
            Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM data_subject_requests WHERE requester_email = '{email}'"));
            Assert.DoesNotContain(id.ToString(), await dpo.Client.GetStringAsync("/api/mail/failed"), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            app.Smtp.Refuse = false;
        }
    }

    [Fact]
    public async Task AFailedLetterCanBeSentAgainOnceTheServerTakesIt()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"again.{Guid.NewGuid():N}@example.fi";
        app.Smtp.Refuse = true;
        try
        {
            var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake(email: email, type: "Rectification"))).Id();
            await dpo.Client.StepAsync(id, "refuse", new { reason = "Ei tunnistettavissa." });
            for (var i = 0; i < 3; i++)
            {
                await app.DeliverMailAsync();
                app.Clock.Advance(TimeSpan.FromMinutes(5));
            }
        }
        finally
        {
            app.Smtp.Refuse = false;
        }

        var failed = (await dpo.Client.GetFromJsonAsync<JsonElement>("/api/mail/failed")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("requestId").ValueKind != JsonValueKind.Null && m.GetProperty("kind").GetString() == "response_letter");
        Assert.Equal(HttpStatusCode.NoContent, (await dpo.Client.PostAsync($"/api/mail/{failed.Id()}/retry", null)).StatusCode);
        await app.DeliverMailAsync();
        var letter = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Contains("Ei tunnistettavissa.", letter.TextBody);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.PostAsync($"/api/mail/{failed.Id()}/retry", null)).StatusCode);
    }

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql));

    private Task<long> AttemptsAsync(string email) => CountAsync(
        $"SELECT m.attempts FROM outgoing_mail m JOIN data_subject_requests r ON r.id = m.request_id WHERE r.requester_email = '{email}'");
}

/// <summary>Mail and form settings that cannot work are refused at start.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class MailSettingsTests
{
    [Theory]
    [InlineData("Mail:Smtp:Port", "70000", "Mail")]
    [InlineData("Mail:MaxAttempts", "0", "Mail")]
    [InlineData("Mail:Smtp:UserName", "mailer", "Mail")]
    [InlineData("Mail:PublicBaseUrl", "register.example.fi", "Mail")]
    [InlineData("Requests:PublicGlobalPerHour", "0", "Requests")]
    public void AnUnworkableSettingStopsTheApplicationFromStarting(string setting, string value, string section)
    {
        using var app = new SettingFactory(setting, value);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(section, error.ToString());
    }

    private sealed class SettingFactory(string setting, string value) : RegisterFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting(setting, value);
        }
    }
}
