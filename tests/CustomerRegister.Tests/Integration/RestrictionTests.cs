using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class RestrictionTests(RequestsFactory app) : IClassFixture<RequestsFactory>
{
    private const string Sales = "sales_and_marketing";

    private static async Task<(Guid SubjectId, string LastName)> ConsumerAsync(HttpClient client)
    {
        var lastName = "Rajoitettu" + Guid.NewGuid().ToString("N")[..6];
        var created = await client.CreateConsumerAsync(new
        {
            firstName = "Raili",
            lastName,
            email = $"raili.{Guid.NewGuid():N}@example.fi",
            street = "Kiistakuja 3",
            postalCode = "00100",
            city = "Helsinki",
            source = "Consumer",
        });
        return (created.GetProperty("subjectId").GetGuid(), lastName);
    }

    private static async Task<Guid> StartedAsync(HttpClient client, string type, Guid subjectId)
    {
        var id = (await client.CreateRequestAsync(RequestData.Intake(type: type, subjectId: subjectId))).Id();
        await client.StepAsync(id, "start", new { });
        return id;
    }

    private static async Task<int> FoundAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/search?q={q}")).GetArrayLength();

    private static async Task<JsonElement> CanContactAsync(HttpClient client, Guid subjectId, string channel) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/marketing/can-contact?subjectId={subjectId}&channel={channel}&purpose={Sales}");

    [Fact]
    public async Task ARestrictedPersonIsStoredButOutOfSearchListsAndMarketingForAllButTheDpoUntilLifted()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var (subjectId, lastName) = await ConsumerAsync(service.Client);
        Assert.Equal(1, await FoundAsync(service.Client, lastName));
        Assert.True((await CanContactAsync(service.Client, subjectId, "Post")).GetProperty("allowed").GetBoolean());

        var id = await StartedAsync(dpo.Client, "Restriction", subjectId);
        var done = await dpo.Client.StepAsync(id, "restrict", new { ground = "AccuracyContested" });
        Assert.Equal("Completed", done.State());

        Assert.Equal(0, await FoundAsync(service.Client, lastName));
        Assert.Equal(1, await FoundAsync(dpo.Client, lastName));
        var contact = await CanContactAsync(service.Client, subjectId, "Post");
        Assert.False(contact.GetProperty("allowed").GetBoolean());
        Assert.Equal("restricted", contact.GetProperty("reason").GetString());
        Assert.DoesNotContain(await AllConsumerSubjectsAsync(service.Client), s => s == subjectId);
        Assert.Contains(await AllConsumerSubjectsAsync(dpo.Client), s => s == subjectId);

        // Stored, not hidden from those who open the person: the picture says what they may not do.
        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        Assert.Equal("Restriction", picture.GetProperty("sections").GetProperty("processingLimits")[0].GetProperty("kind").GetString());

        // Lifting is recorded with the reason and who lifted it; the person is found again.
        var forbidden = await service.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/processing-limits/lift",
            new { kind = "Restriction", reason = "Tarkistettu" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var lifted = await dpo.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/processing-limits/lift",
            new { kind = "Restriction", reason = "Osoite tarkistettu oikeaksi; rekisteröidylle ilmoitettu 25.11." });
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        Assert.Equal(1, await FoundAsync(service.Client, lastName));
        var limits = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/processing-limits");
        var limit = Assert.Single(limits.EnumerateArray());
        Assert.Equal(dpo.Id, limit.GetProperty("liftedBy").GetGuid());
        Assert.StartsWith("Osoite tarkistettu", limit.GetProperty("liftReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/processing-limits/lift",
            new { kind = "Restriction", reason = "again" })).StatusCode);

        var audit = await dpo.Client.GetStringAsync($"/api/audit?subjectId={subjectId}");
        Assert.Contains("processing_limit.set", audit, StringComparison.Ordinal);
        Assert.Contains("processing_limit.lift", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Osoite tarkistettu", audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fi", "Olemme rajoittaneet", "Tietosuojavaltuutetun toimisto", "PL 800, 00531 Helsinki")]
    [InlineData("sv", "Vi har begränsat", "Dataombudsmannens byrå", "PB 800, 00531 Helsingfors")]
    [InlineData("en", "We have restricted", "Office of the Data Protection Ombudsman", "PO Box 800, 00531 Helsinki")]
    public async Task ARestrictionIsAnsweredInTheRequestersLanguageNamingTheAuthorityInFull(
        string language, string opening, string authority, string postalAddress)
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var (subjectId, _) = await ConsumerAsync(dpo.Client);
        var requesterEmail = $"raili.{Guid.NewGuid():N}@example.fi";
        var id = (await dpo.Client.CreateRequestAsync(new
        {
            type = "Restriction",
            channel = "Letter",
            requesterName = "Raili Rajoitettu",
            requesterEmail,
            language,
            subjectId,
        })).Id();
        await dpo.Client.StepAsync(id, "start", new { });

        var done = await dpo.Client.StepAsync(id, "restrict", new { ground = "AccuracyContested" });

        var letter = done.GetProperty("responseLetter").GetString()!;
        // The acknowledgement at intake, then the answer.
        var mails = app.MailTo(requesterEmail);
        Assert.Equal(2, mails.Count);
        var sent = Assert.Single(mails, m => (m.TextBody ?? "").Contains(opening, StringComparison.Ordinal)).TextBody;
        foreach (var text in new[] { letter, sent })
        {
            Assert.Matches("^(Hei|Hej|Dear|Hello)\\b", text); // every letter opens with a greeting
            Assert.Contains(opening, text, StringComparison.Ordinal);
            Assert.Contains(authority, text, StringComparison.Ordinal);
            Assert.Contains("Lintulahdenkuja 4", text, StringComparison.Ordinal);
            Assert.Contains(postalAddress, text, StringComparison.Ordinal);
            Assert.Contains("https://tietosuoja.fi", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARestrictionNeedsItsGroundAndAStartedRestrictionRequest()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var (subjectId, _) = await ConsumerAsync(dpo.Client);
        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: subjectId))).Id();

        var early = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/restrict", new { ground = "AccuracyContested" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await dpo.Client.StepAsync(id, "start", new { });
        var noGround = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/restrict", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noGround.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(noGround)).TryGetProperty("ground", out _));
        var erasureGround = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/restrict", new { ground = "KeptByLawAfterErasure" });
        Assert.Equal(HttpStatusCode.BadRequest, erasureGround.StatusCode);

        var access = await StartedAsync(dpo.Client, "ObjectionToProfiling", subjectId);
        Assert.Equal(HttpStatusCode.Conflict, (await dpo.Client.PostAsJsonAsync($"/api/requests/{access}/restrict",
            new { ground = "AccuracyContested" })).StatusCode);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync($"/api/requests/{id}/restrict",
            new { ground = "AccuracyContested" })).StatusCode);
    }

    [Fact]
    public async Task AnObjectionToDirectMarketingProhibitsEveryChannelAndPurpose()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var (subjectId, _) = await ConsumerAsync(dpo.Client);
        Assert.True((await CanContactAsync(dpo.Client, subjectId, "Phone")).GetProperty("allowed").GetBoolean());

        var id = await StartedAsync(dpo.Client, "ObjectionToMarketing", subjectId);
        Assert.Equal("Completed", (await dpo.Client.StepAsync(id, "object", new { })).State());

        var ledger = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/marketing-consents");
        var entries = ledger.GetProperty("ledger").EnumerateArray().ToList();
        Assert.Equal(13, entries.Count); // 4 channels × 3 marketing purposes, and web-behaviour analysis (profiling, Art 21(2))
        Assert.All(entries, e => Assert.Equal("Prohibition", e.GetProperty("kind").GetString()));
        Assert.All(entries, e => Assert.Equal($"request:{id}", e.GetProperty("evidence").GetString()));
        Assert.All(ledger.GetProperty("state").EnumerateArray(), s => Assert.False(s.GetProperty("allowed").GetBoolean()));
        foreach (var channel in new[] { "Email", "Sms", "Phone", "Post" })
        {
            Assert.Equal("prohibited", (await CanContactAsync(dpo.Client, subjectId, channel)).GetProperty("reason").GetString());
        }

        // The profiling done for marketing stops with it.
        var limits = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/processing-limits");
        var limit = Assert.Single(limits.EnumerateArray());
        Assert.Equal("ProfilingObjection", limit.GetProperty("kind").GetString());
        Assert.Equal(id, limit.GetProperty("requestId").GetGuid());
    }

    [Fact]
    public async Task AnObjectionToProfilingIsRecordedAsALimitInForce()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var (subjectId, lastName) = await ConsumerAsync(dpo.Client);
        var id = await StartedAsync(dpo.Client, "ObjectionToProfiling", subjectId);
        Assert.Equal("Completed", (await dpo.Client.StepAsync(id, "object", new { })).State());

        var limits = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/processing-limits");
        var limit = Assert.Single(limits.EnumerateArray());
        Assert.Equal("ProfilingObjection", limit.GetProperty("kind").GetString());
        Assert.Equal(id, limit.GetProperty("requestId").GetGuid());

        // Profiling stops; the person is still found and may still be served.
        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(1, await FoundAsync(service.Client, lastName));
    }

    private static async Task<List<Guid>> AllConsumerSubjectsAsync(HttpClient client)
    {
        var subjects = new List<Guid>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/consumers?limit=200{(after is null ? "" : "&after=" + after)}");
            subjects.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("subjectId").GetGuid()));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetGuid().ToString();
        }
        while (after is not null);
        return subjects;
    }
}
