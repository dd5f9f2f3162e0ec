using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Identity;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register with its mail pickup folder in the test's own folder and a generous public rate limit.</summary>
public class RequestsFactory : RegisterFactory
{
    public string MailFolder => Path.Combine(Database.Folder, "mail-outbox");

    protected virtual int PublicPermitLimit => 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("Requests:PublicPermitLimit", PublicPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Requests:NotifyAddress", "dpo@register.test");
        builder.UseSetting("Requests:WarningIntervalMinutes", "0");
    }

    /// <summary>The messages in the pickup folder addressed to <paramref name="to"/>.</summary>
    public List<MimeKit.MimeMessage> MailTo(string to) =>
        !Directory.Exists(MailFolder)
            ? []
            : [.. Directory.GetFiles(MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))];
}

public static class RequestData
{
    public static object Intake(string type = "Access", string? email = null, Guid? subjectId = null, string name = "Maija Mehiläinen",
        string channel = "CustomerServiceMailbox") => new
        {
            type,
            channel,
            requesterName = name,
            requesterEmail = email ?? $"maija.{Guid.NewGuid():N}@example.fi",
            text = "Haluan nähdä tietoni.",
            subjectId,
        };

    public static async Task<JsonElement> CreateRequestAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/requests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> StepAsync(this HttpClient client, Guid id, string step, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/requests/{id}/{step}", body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement e) => e.GetProperty("id").GetGuid();

    public static string State(this JsonElement e) => e.GetProperty("state").GetString()!;
}

[Trait(Category.Name, Category.Integration)]
public sealed class RequestsTests(RequestsFactory app) : IClassFixture<RequestsFactory>
{
    private static object Consumer(string email) => new
    {
        firstName = "Maija",
        lastName = "Mehiläinen",
        email,
        source = "Consumer",
    };

    [Fact]
    public async Task StaffIntakeMatchVerifyAndCompleteAreAuditedWithoutValues()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"maija.{Guid.NewGuid():N}@example.fi";
        var consumer = await dpo.Client.CreateConsumerAsync(Consumer(email));
        var subjectId = consumer.GetProperty("subjectId").GetGuid();

        var created = await dpo.Client.CreateRequestAsync(RequestData.Intake(email: email));
        Assert.Equal("Received", created.State());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("subjectId").ValueKind);
        var id = created.Id();
        var read = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");
        Assert.Contains(subjectId, read.GetProperty("candidates").EnumerateArray().Select(c => c.GetGuid()));

        var matched = await dpo.Client.StepAsync(id, "match", new { subjectId });
        Assert.Equal("Matched", matched.State());
        var early = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/complete", new { });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(early)).TryGetProperty("state", out _));
        var verified = await dpo.Client.StepAsync(id, "verify-identity", new { method = "StrongElectronicIdentification" });
        Assert.Equal("IdentityVerified", verified.State());
        Assert.Equal("StrongElectronicIdentification", verified.GetProperty("identity").GetProperty("method").GetString());
        Assert.Equal("InProgress", (await dpo.Client.StepAsync(id, "start")).State());
        var completed = await dpo.Client.StepAsync(id, "complete", new { note = "Report sent by registered post." });
        Assert.Equal("Completed", completed.State());

        var again = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/withdraw", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var log = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["received", "matched", "identity_verified", "started", "completed"], log);

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={subjectId}&limit=500");
        var events = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("entityId").GetString() == id.ToString()).ToList();
        var actions = events.Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("request.match", actions);
        Assert.Contains("request.verify_identity", actions);
        Assert.Contains("request.complete", actions);
        Assert.All(events, e => Assert.Equal("data_subject_rights", e.GetProperty("purpose").GetString()));
        var raw = string.Join("\n", events.Select(e => e.GetRawText()));
        Assert.DoesNotContain("Mehiläinen", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(email, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("registered post", raw, StringComparison.Ordinal);
        Assert.Contains(events, e => e.GetProperty("fields").EnumerateArray().Any(f => f.GetString() == "identity_method"));

        var picture = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        var mine = Assert.Single(picture.GetProperty("sections").GetProperty("requests").EnumerateArray());
        Assert.Equal("Completed", mine.State());
    }

    [Fact]
    public async Task AnErasureRequestIsNeverMatchedAutomatically()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"erase.{Guid.NewGuid():N}@example.fi";
        var consumer = await dpo.Client.CreateConsumerAsync(Consumer(email));
        var subjectId = consumer.GetProperty("subjectId").GetGuid();

        var named = await dpo.Client.PostAsJsonAsync("/api/requests", RequestData.Intake("Erasure", email, subjectId));
        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(named)).TryGetProperty("subjectId", out _));

        var created = await dpo.Client.CreateRequestAsync(RequestData.Intake("Erasure", email));
        Assert.Equal("Received", created.State());
        var read = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{created.Id()}");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("subjectId").ValueKind);
        Assert.Contains(subjectId, read.GetProperty("candidates").EnumerateArray().Select(c => c.GetGuid()));

        await dpo.Client.StepAsync(created.Id(), "match", new { subjectId });
        var unverified = await dpo.Client.PostAsJsonAsync($"/api/requests/{created.Id()}/start", new { });
        Assert.Equal(HttpStatusCode.Conflict, unverified.StatusCode);
        var complete = await dpo.Client.PostAsJsonAsync($"/api/requests/{created.Id()}/complete", new { });
        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(complete)).TryGetProperty("state", out _));
    }

    [Fact]
    public async Task ARequestForAnUnknownPersonStaysInIntake()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);

        var created = await dpo.Client.CreateRequestAsync(RequestData.Intake(channel: "Letter"));

        var read = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{created.Id()}");
        Assert.Equal("Received", read.State());
        Assert.Empty(read.GetProperty("candidates").EnumerateArray());
        var open = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/requests");
        var listed = Assert.Single(open.EnumerateArray(), r => r.Id() == created.Id());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("subjectId").ValueKind);
        Assert.False(listed.TryGetProperty("requesterName", out _));

        var unknown = await dpo.Client.PostAsJsonAsync($"/api/requests/{created.Id()}/match", new { subjectId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var missing = await dpo.Client.GetAsync($"/api/requests/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ADuplicateIsLinkedToTheOpenRequestNotDoubled()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"dup.{Guid.NewGuid():N}@example.fi";
        var subjectId = (await dpo.Client.CreateConsumerAsync(Consumer(email))).GetProperty("subjectId").GetGuid();

        var first = await dpo.Client.CreateRequestAsync(RequestData.Intake(email: email, subjectId: subjectId));
        var second = await dpo.Client.CreateRequestAsync(RequestData.Intake(email: email, subjectId: subjectId, channel: "Phone"));
        var other = await dpo.Client.CreateRequestAsync(RequestData.Intake("Rectification", email, subjectId));

        Assert.Equal("Matched", first.State());
        Assert.Equal("Duplicate", second.State());
        Assert.Equal(first.Id(), second.GetProperty("duplicateOf").GetGuid());
        Assert.Equal("Matched", other.State());
        var open = (await dpo.Client.GetFromJsonAsync<JsonElement>("/api/requests")).EnumerateArray().Select(r => r.Id()).ToList();
        Assert.Contains(first.Id(), open);
        Assert.DoesNotContain(second.Id(), open);
        var firstLog = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{first.Id()}")).GetProperty("actions");
        Assert.Contains(firstLog.EnumerateArray(), a => a.GetProperty("action").GetString() == "duplicate_received");
    }

    [Fact]
    public async Task AnExtensionWithAReasonWritesTheLetterAndMovesTheDueDateOnce()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"ext.{Guid.NewGuid():N}@example.fi";
        var created = await dpo.Client.CreateRequestAsync(new
        {
            type = "Access",
            channel = "CustomerServiceMailbox",
            requesterName = "Sven Svensson",
            requesterEmail = email,
            language = "sv",
        });
        var id = created.Id();

        var noReason = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/extend", new { months = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(noReason)).TryGetProperty("reason", out _));
        var tooLong = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/extend", new { months = 3, reason = "Many systems." });
        Assert.True((await RegisterData.ErrorsOf(tooLong)).TryGetProperty("months", out _));

        var extended = await dpo.Client.StepAsync(id, "extend", new { months = 2, reason = "Data in many archived systems." });

        var received = HelsinkiTime.DateOf(created.GetProperty("receivedAt").GetDateTimeOffset().UtcDateTime);
        var expected = new RequestDeadlines().ExtendedDueDate(received, 2);
        Assert.Equal(expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), extended.GetProperty("dueDate").GetString());
        Assert.Equal(created.GetProperty("dueDate").GetString(), extended.GetProperty("originalDueDate").GetString());
        var letter = extended.GetProperty("extension").GetProperty("letter").GetString()!;
        Assert.Contains("Data in many archived systems.", letter);
        Assert.Contains("Dataombudsmannens byrå", letter);
        Assert.Contains(expected.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture), letter);
        Assert.Equal("email", extended.GetProperty("extension").GetProperty("toldVia").GetString());
        var sent = Assert.Single(app.MailTo(email));
        Assert.Contains("Dataombudsmannens byrå", sent.TextBody);

        var second = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/extend", new { months = 1, reason = "Still more." });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(second)).TryGetProperty("dueDate", out _));
    }

    [Fact]
    public async Task ARefusalNeedsAReasonAndStatesTheRightToComplain()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake())).Id();

        var bare = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/refuse", new { });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(bare)).TryGetProperty("reason", out _));

        var refused = await dpo.Client.StepAsync(id, "refuse", new { reason = "The requester could not be identified." });

        Assert.Equal("Refused", refused.State());
        var letter = refused.GetProperty("responseLetter").GetString()!;
        Assert.Contains("Tietosuojavaltuutetun toimisto", letter);
        Assert.Contains("could not be identified", letter);
    }

    [Fact]
    public async Task StaffIntakeValidationNamesTheFields()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);

        var response = await dpo.Client.PostAsJsonAsync("/api/requests", new
        {
            requesterEmail = "not-an-email",
            text = new string('x', 4001),
            language = "de",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[] { "type", "channel", "requesterName", "requesterEmail", "text", "language" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task CustomerServiceMayReadRequestsButNotHandleThem()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake())).Id();

        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/api/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync($"/api/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync("/api/requests", RequestData.Intake())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync($"/api/requests/{id}/withdraw", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync($"/api/requests/{id}/extend", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.GetAsync("/api/requests")).StatusCode);
    }

    [Fact]
    public async Task TheCommandLineListsOpenRequestsWithoutPersonalValues()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake(name: "Ukko Unique"))).Id();
        using var output = new StringWriter();

        var code = await CommandLine.TryRunAsync(["requests", "list"], app.Services, output);

        Assert.Equal(0, code);
        Assert.Contains(id.ToString(), output.ToString());
        Assert.DoesNotContain("Ukko", output.ToString());
    }
}
