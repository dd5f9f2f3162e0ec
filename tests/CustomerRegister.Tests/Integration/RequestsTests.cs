using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The messages in the pickup folder addressed to <paramref name="to"/>, once the outbox has delivered what is due.</summary>
    public List<MimeKit.MimeMessage> MailTo(string to)
    {
        Task.Run(() => DeliverMailAsync()).GetAwaiter().GetResult();
        return Delivered(to);
    }

    /// <summary>One step of the outbox worker: delivers what is due now.</summary>
    public Task<DateTime?> DeliverMailAsync() => Services.GetRequiredService<MailDelivery>().RunOnceAsync();

    private List<MimeKit.MimeMessage> Delivered(string to) =>
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
        Assert.Equal(["received", "acknowledged", "matched", "identity_verified", "started", "completed"], log);

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
        var listed = Assert.Single(open.GetProperty("items").EnumerateArray(), r => r.Id() == created.Id());
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
        var open = (await dpo.Client.GetFromJsonAsync<JsonElement>("/api/requests")).GetProperty("items").EnumerateArray().Select(r => r.Id()).ToList();
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
        // Two letters: the acknowledgement at intake, then the extension naming the new date.
        var mails = app.MailTo(email);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => (m.TextBody ?? "").Contains("Vi svarar senast", StringComparison.Ordinal));
        var sent = Assert.Single(mails, m => (m.TextBody ?? "").Contains(expected.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
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

    [Fact]
    public async Task TheStaffListPagesPastAnyCountByDueDate()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var mine = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            mine.Add((await dpo.Client.CreateRequestAsync(RequestData.Intake(channel: "Letter"))).Id());
        }

        var seen = new List<JsonElement>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/requests?limit=2" + (after is null ? "" : $"&after={after}"));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 2);
            seen.AddRange(items);
            pages++;
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetString();
        }
        while (after is not null);

        Assert.True(pages >= 3, $"{pages} pages");
        var ids = seen.Select(r => r.Id()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(mine, id => Assert.Contains(id, ids));
        var dues = seen.Select(r => r.GetProperty("dueDate").GetString()).ToList();
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);

        var bad = await dpo.Client.GetAsync($"/api/requests?limit=0&after={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await RegisterData.ErrorsOf(bad);
        Assert.True(errors.TryGetProperty("limit", out _));
        Assert.True(errors.TryGetProperty("after", out _));
    }

    [Fact]
    public async Task TheCommandLineListsAndReportsThroughTheApisUseCasesAuditedTheSameWay()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"cli.{Guid.NewGuid():N}@example.fi";
        var subjectId = (await dpo.Client.CreateConsumerAsync(Consumer(email))).GetProperty("subjectId").GetGuid();
        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake(email: email, subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(id, "verify-identity", new { method = "StrongElectronicIdentification" });

        // The list: the same requests as the API's pages, and the same audit event, by the system.
        var api = new List<Guid>();
        string? after = null;
        do
        {
            var page = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/requests?limit=200" + (after is null ? "" : $"&after={after}"));
            api.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.Id()));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetString();
        }
        while (after is not null);
        var before = await LastAuditIdAsync();
        using var listed = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["requests", "list"], app.Services, listed));
        var cli = listed.ToString().Split('\n').Skip(1).Where(l => l.Length > 36).Select(l => Guid.Parse(l[..36])).ToList();
        Assert.Equal(api, cli);
        Assert.Equal((1L, $"request.list|system|{Catalog.Purposes.DataSubjectRights}|{RequestSteps.EntityType}||received_at"),
            await AuditSinceAsync(before, "request.list"));

        // The report: the same content as the API's, the same audit event and the same step on the request.
        var fromApi = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}/access-report");
        var (_, apiEvent) = await AuditSinceAsync(before, "access_report.generate");
        Assert.StartsWith("access_report.generate|user|", apiEvent);
        before = await LastAuditIdAsync();
        using var reported = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["requests", "report", id.ToString()], app.Services, reported));
        var fromCli = JsonDocument.Parse(reported.ToString()).RootElement;
        Assert.Equal(Categories(fromApi), Categories(fromCli));
        Assert.Equal((1L, apiEvent!.Replace("|user|", "|system|", StringComparison.Ordinal)), await AuditSinceAsync(before, "access_report.generate"));
        var actions = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("actions").EnumerateArray()
            .Where(a => a.GetProperty("action").GetString() == "access_report_generated").Select(a => a.GetProperty("actorKind").GetString()).ToList();
        Assert.Equal(["user", "system"], actions);
    }

    /// <summary>The report's categories and items, less the request's own (its action log grows with each report).</summary>
    private static string Categories(JsonElement report) => string.Join("\n", report.GetProperty("categories").EnumerateArray()
        .Where(c => c.GetProperty("id").GetString() != Catalog.Categories.RightsRequest.Id).Select(c => JsonSerializer.Serialize(c)));

    private async Task<long> LastAuditIdAsync() => Convert.ToInt64(await app.Database.ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM audit_events"));

    /// <summary>How many events of <paramref name="action"/> came after event <paramref name="id"/>, and the last as "action|actor|purpose|entity|id|fields".</summary>
    private async Task<(long Count, string? Last)> AuditSinceAsync(long id, string action)
    {
        var where = $"FROM audit_events WHERE id > {id} AND action = '{action}'";
        var count = Convert.ToInt64(await app.Database.ScalarAsync($"SELECT COUNT(*) {where}"));
        var last = await app.Database.ScalarAsync("SELECT action || '|' || actor_kind || '|' || purpose || '|' || COALESCE(entity_type, '') || '|' "
            + $"|| COALESCE(entity_id, '') || '|' || COALESCE(fields, '') {where} ORDER BY id DESC LIMIT 1");
        return (count, last as string);
    }
}
