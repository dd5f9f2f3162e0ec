using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class MarketingTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private const string Sales = "sales_and_marketing";

    private static object Consumer(string email = "liisa.laine@example.fi") => new
    {
        firstName = "Liisa",
        lastName = "Laine",
        street = "Kauppakatu 1",
        postalCode = "70100",
        city = "Kuopio",
        email,
        source = "Consumer",
    };

    private static object Entry(string channel, string kind, string purpose = Sales, string? wording = "email-2026-01",
        string? evidence = "webform-4711") => new
        {
            channel,
            purpose,
            kind,
            source = "Consumer",
            wordingVersion = wording,
            evidence,
        };

    private async Task<Guid> ConsumerSubjectAsync(HttpClient client) =>
        (await client.CreateConsumerAsync(Consumer())).GetProperty("subjectId").GetGuid();

    private static async Task<HttpResponseMessage> AppendAsync(HttpClient client, Guid subjectId, object entry) =>
        await client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents", entry);

    private static async Task AppendOkAsync(HttpClient client, Guid subjectId, object entry)
    {
        var response = await AppendAsync(client, subjectId, entry);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"Appending answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> CanContactAsync(HttpClient client, Guid subjectId, string channel, string purpose = Sales) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/marketing/can-contact?subjectId={subjectId}&channel={channel}&purpose={purpose}");

    private static JsonElement StateOf(JsonElement ledger, string channel, string purpose = Sales) =>
        ledger.GetProperty("state").EnumerateArray()
            .Single(s => s.GetProperty("channel").GetString() == channel && s.GetProperty("purpose").GetString() == purpose);

    [Fact]
    public async Task ALedgerEntryIsAppendedAndTheDerivedStateFollowsIt()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerSubjectAsync(service.Client);

        await AppendOkAsync(service.Client, subjectId, Entry("Email", "PermissionGranted"));

        var ledger = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/marketing-consents");
        var entry = Assert.Single(ledger.GetProperty("ledger").EnumerateArray());
        Assert.Equal("PermissionGranted", entry.GetProperty("kind").GetString());
        Assert.Equal("email-2026-01", entry.GetProperty("wordingVersion").GetString());
        Assert.Equal("webform-4711", entry.GetProperty("evidence").GetString());
        Assert.Equal(service.Id, entry.GetProperty("recordedById").GetGuid());
        Assert.Equal("user", entry.GetProperty("recordedByKind").GetString());
        Assert.Equal("Consumer", ledger.GetProperty("subjectKind").GetString());
        Assert.Equal("Allowed", StateOf(ledger, "Email").GetProperty("state").GetString());
        Assert.Equal("NotAsked", StateOf(ledger, "Sms").GetProperty("state").GetString());
        Assert.False(StateOf(ledger, "Sms").GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task ABanAfterAPermissionDenies()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerSubjectAsync(service.Client);

        await AppendOkAsync(service.Client, subjectId, Entry("Email", "PermissionGranted"));
        Assert.True((await CanContactAsync(service.Client, subjectId, "Email")).GetProperty("allowed").GetBoolean());
        await AppendOkAsync(service.Client, subjectId, Entry("Email", "Prohibition", wording: null, evidence: "call-2026-0042"));

        var answer = await CanContactAsync(service.Client, subjectId, "Email");
        Assert.False(answer.GetProperty("allowed").GetBoolean());
        Assert.Equal("prohibited", answer.GetProperty("reason").GetString());

        // A new permission cannot slip past the ban; it must be lifted first.
        var regrant = await AppendAsync(service.Client, subjectId, Entry("Email", "PermissionGranted"));
        Assert.Equal(HttpStatusCode.Conflict, regrant.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(regrant)).TryGetProperty("kind", out _));

        await AppendOkAsync(service.Client, subjectId, Entry("Email", "ProhibitionLifted", wording: null, evidence: "letter-77"));
        Assert.True((await CanContactAsync(service.Client, subjectId, "Email")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task EmailToAConsumerWithoutConsentIsDeniedWhileALetterIsAllowed()
    {
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var subjectId = await ConsumerSubjectAsync((await app.CreateUserAsync(Roles.CustomerService)).Client);

        var email = await CanContactAsync(marketing.Client, subjectId, "Email");
        var post = await CanContactAsync(marketing.Client, subjectId, "Post");

        Assert.False(email.GetProperty("allowed").GetBoolean());
        Assert.Equal("NotAsked", email.GetProperty("state").GetString());
        Assert.Equal("prior_consent_required", email.GetProperty("reason").GetString());
        Assert.True(post.GetProperty("allowed").GetBoolean());
        Assert.Equal("allowed_unless_refused", post.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AContactPersonsEmailIsAllowedUnlessRefused()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var orgId = (await service.Client.CreateOrganisationAsync(new { name = "Romuliike Oy", source = "CustomerOrganisation" }))
            .GetProperty("id").GetGuid();
        var created = await service.Client.PostAsJsonAsync($"/api/organisations/{orgId}/contacts", new
        {
            firstName = "Pekka",
            lastName = "Järvinen",
            email = "pekka@romuliike.fi",
            source = "CustomerOrganisation",
        });
        var subjectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subjectId").GetGuid();

        Assert.True((await CanContactAsync(service.Client, subjectId, "Email")).GetProperty("allowed").GetBoolean());
        await AppendOkAsync(service.Client, subjectId, Entry("Email", "PermissionWithdrawn", wording: null, evidence: "reply-to-newsletter"));

        var after = await CanContactAsync(service.Client, subjectId, "Email");
        Assert.False(after.GetProperty("allowed").GetBoolean());
        Assert.Equal("withdrawn", after.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ASoftOptInAtASaleAllowsEmailUntilWithdrawn()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerSubjectAsync(service.Client);

        var relationshipId = await SoftOptInTests.RelationshipAsync(service.Client, subjectId);
        await AppendOkAsync(service.Client, subjectId, SoftOptInTests.Soft(relationshipId));
        var soft = await CanContactAsync(service.Client, subjectId, "Email");
        Assert.True(soft.GetProperty("allowed").GetBoolean());
        Assert.Equal("soft_opt_in", soft.GetProperty("reason").GetString());

        // Soft opt-in covers only the company's own products by email or SMS.
        var forAcquisition = await AppendAsync(service.Client, subjectId,
            SoftOptInTests.Soft(relationshipId, purpose: "customer_acquisition"));
        Assert.Equal(HttpStatusCode.Conflict, forAcquisition.StatusCode);

        await AppendOkAsync(service.Client, subjectId, Entry("Email", "PermissionWithdrawn", wording: null, evidence: "unsubscribe-link"));
        Assert.False((await CanContactAsync(service.Client, subjectId, "Email")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task UnknownChannelPurposeKindOrSourceAnswer400NamingEachField()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerSubjectAsync(service.Client);

        var response = await AppendAsync(service.Client, subjectId, new { channel = "Fax", purpose = "world_domination", kind = "7", source = "Gossip" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[] { "channel", "purpose", "kind", "source" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named: {errors}");
        }

        var missingEvidence = await AppendAsync(service.Client, subjectId, Entry("Sms", "PermissionGranted", wording: null, evidence: null));
        var missing = await RegisterData.ErrorsOf(missingEvidence);
        Assert.True(missing.TryGetProperty("wordingVersion", out _) && missing.TryGetProperty("evidence", out _), missing.ToString());

        var check = await service.Client.GetAsync($"/api/marketing/can-contact?subjectId={subjectId}&channel=Pigeon&purpose={Sales}");
        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(check)).TryGetProperty("channel", out _));
    }

    [Fact]
    public async Task AnUnknownSubjectAnswers404()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var unknown = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await AppendAsync(service.Client, unknown, Entry("Post", "Prohibition"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/subjects/{unknown}/marketing-consents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await service.Client.GetAsync($"/api/marketing/can-contact?subjectId={unknown}&channel=Post&purpose={Sales}")).StatusCode);
    }

    [Fact]
    public async Task NoEndpointChangesOrDeletesALedgerRow()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerSubjectAsync(service.Client);
        var created = await AppendAsync(service.Client, subjectId, Entry("Email", "PermissionGranted"));
        var entryId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ledgerUrl = $"/api/subjects/{subjectId}/marketing-consents";

        foreach (var url in new[] { ledgerUrl, $"{ledgerUrl}/{entryId}" })
        {
            var put = await service.Client.PutAsJsonAsync(url, Entry("Email", "PermissionWithdrawn"));
            var delete = await service.Client.DeleteAsync(url);
            Assert.Contains(put.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
            Assert.Contains(delete.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        }

        var ledger = await service.Client.GetFromJsonAsync<JsonElement>(ledgerUrl);
        Assert.Equal("PermissionGranted", Assert.Single(ledger.GetProperty("ledger").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task BillingMayNotReadOrRecordMarketingPermissions()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var billing = await app.CreateUserAsync(Roles.Billing);
        var subjectId = await ConsumerSubjectAsync(service.Client);

        Assert.Equal(HttpStatusCode.Forbidden, (await AppendAsync(billing.Client, subjectId, Entry("Post", "Prohibition"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await billing.Client.GetAsync($"/api/subjects/{subjectId}/marketing-consents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await billing.Client.PostAsJsonAsync("/api/web-events", new { subjectId, kind = "PageView", path = "/", source = "OwnSystems" })).StatusCode);

        await AppendOkAsync(service.Client, subjectId, Entry("Post", "Prohibition"));
    }

    [Fact]
    public async Task InvitingABannedPersonIsRefusedWithTheReason()
    {
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerSubjectAsync(service.Client);
        var eventId = await CreateEventAsync(marketing.Client);
        await AppendOkAsync(service.Client, subjectId, Entry("Post", "Prohibition", wording: null, evidence: "letter-scan-9"));

        var byPost = await marketing.Client.PostAsJsonAsync($"/api/marketing-events/{eventId}/invitations",
            new { subjectId, channel = "Post", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Conflict, byPost.StatusCode);
        var problem = await byPost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("prohibited", problem.GetProperty("reason").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("channel", out _));

        // Email without consent is refused too; phone, not refused, is allowed.
        var byEmail = await marketing.Client.PostAsJsonAsync($"/api/marketing-events/{eventId}/invitations",
            new { subjectId, channel = "Email", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Conflict, byEmail.StatusCode);
        var byPhone = await marketing.Client.PostAsJsonAsync($"/api/marketing-events/{eventId}/invitations",
            new { subjectId, channel = "Phone", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Created, byPhone.StatusCode);

        var again = await marketing.Client.PostAsJsonAsync($"/api/marketing-events/{eventId}/invitations",
            new { subjectId, channel = "Phone", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(again)).TryGetProperty("subjectId", out _));
    }

    [Fact]
    public async Task ParticipationIsRecordedAndAStaleVersionAnswers409()
    {
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var subjectId = await ConsumerSubjectAsync((await app.CreateUserAsync(Roles.CustomerService)).Client);
        var eventId = await CreateEventAsync(marketing.Client);
        var invited = await (await marketing.Client.PostAsJsonAsync($"/api/marketing-events/{eventId}/invitations",
            new { subjectId, channel = "Post", source = "OwnSystems" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = invited.GetProperty("id").GetGuid();
        Assert.Equal("Invited", invited.GetProperty("status").GetString());

        var registered = await marketing.Client.PutAsJsonAsync($"/api/event-invitations/{id}/participation", new { status = "Registered", version = 1 });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(2, (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());

        var stale = await marketing.Client.PutAsJsonAsync($"/api/event-invitations/{id}/participation", new { status = "Attended", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var bad = await marketing.Client.PutAsJsonAsync($"/api/event-invitations/{id}/participation", new { status = "Danced", version = 2 });
        Assert.True((await RegisterData.ErrorsOf(bad)).TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.NotFound,
            (await marketing.Client.PutAsJsonAsync($"/api/event-invitations/{Guid.NewGuid()}/participation", new { status = "Attended", version = 1 })).StatusCode);

        var list = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/event-invitations");
        Assert.Equal("Registered", Assert.Single(list.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SurveyResponsesAreRecordedAndRead()
    {
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var subjectId = await ConsumerSubjectAsync((await app.CreateUserAsync(Roles.CustomerService)).Client);
        var survey = await marketing.Client.PostAsJsonAsync("/api/surveys", new { name = "Asiakastyytyväisyys 2026", date = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Created, survey.StatusCode);
        var surveyId = (await survey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var answer = await marketing.Client.PostAsJsonAsync($"/api/surveys/{surveyId}/responses",
            new { subjectId, answers = "{\"q1\":\"hyvä\"}", score = 9, source = "Consumer" });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);

        var tooLong = await marketing.Client.PostAsJsonAsync($"/api/surveys/{surveyId}/responses",
            new { subjectId, answers = new string('x', 4001), score = 101, source = "Consumer" });
        var errors = await RegisterData.ErrorsOf(tooLong);
        Assert.True(errors.TryGetProperty("answers", out _) && errors.TryGetProperty("score", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await marketing.Client.PostAsJsonAsync($"/api/surveys/{Guid.NewGuid()}/responses",
            new { subjectId, answers = "x", source = "Consumer" })).StatusCode);

        var read = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/survey-responses");
        Assert.Equal(9, Assert.Single(read.EnumerateArray()).GetProperty("score").GetInt32());
        var bySurvey = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/surveys/{surveyId}/responses");
        Assert.Single(bySurvey.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnApiClientSendsWebEventsThatAreReadPerSubjectInPages()
    {
        var admin = await app.AdminAsync();
        var subjectId = await ConsumerSubjectAsync((await app.CreateUserAsync(Roles.CustomerService)).Client);
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Website", permissions = new[] { Permissions.WebEventWrite } });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        var website = app.Anonymous();
        website.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key);
        await (await app.CreateUserAsync(Roles.CustomerService)).Client.GiveWebConsentAsync(subjectId);

        foreach (var (kind, path) in new[] { ("PageView", "/romutus"), ("Download", "/hinnasto.pdf"), ("FormSubmit", "/yhteydenotto") })
        {
            var sent = await website.PostAsJsonAsync("/api/web-events",
                new { subjectId, kind, path, sessionId = "s-8f2a", referrer = "https://www.example.fi/", source = "OwnSystems" });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var bad = await website.PostAsJsonAsync("/api/web-events", new { subjectId, kind = "Click", path = new string('p', 501), source = "OwnSystems" });
        var errors = await RegisterData.ErrorsOf(bad);
        Assert.True(errors.TryGetProperty("kind", out _) && errors.TryGetProperty("path", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await website.GetAsync($"/api/subjects/{subjectId}/web-events")).StatusCode);

        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var first = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/web-events?limit=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var next = first.GetProperty("nextAfter").GetGuid();
        var second = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/web-events?limit=2&after={next}");
        Assert.Equal("/yhteydenotto", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextAfter").ValueKind);
    }

    [Fact]
    public async Task AuditEventsNameFieldsButNoValues()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = await ConsumerSubjectAsync(service.Client);
        await AppendOkAsync(service.Client, subjectId, Entry("Sms", "PermissionGranted", wording: "sms-2026-07", evidence: "callrec-5550123"));
        await CanContactAsync(service.Client, subjectId, "Sms");

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={subjectId}&limit=500");
        var items = trail.GetProperty("items").EnumerateArray().ToList();
        var append = items.Single(e => e.GetProperty("action").GetString() == "marketing.consent.append");
        var fields = append.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("wording_version", fields);
        Assert.Contains("evidence", fields);
        Assert.Contains(items, e => e.GetProperty("action").GetString() == "marketing.consent.check");
        Assert.DoesNotContain("sms-2026-07", trail.GetRawText());
        Assert.DoesNotContain("callrec-5550123", trail.GetRawText());
    }

    [Fact]
    public async Task TheSubjectPictureShowsTheMarketingSectionToThoseWhoMayReadIt()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var billing = await app.CreateUserAsync(Roles.Billing);
        var subjectId = await ConsumerSubjectAsync(service.Client);
        await AppendOkAsync(service.Client, subjectId, Entry("Email", "PermissionGranted"));

        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        var section = picture.GetProperty("sections").GetProperty("marketing");
        Assert.Single(section.GetProperty("consents").GetProperty("ledger").EnumerateArray());
        Assert.Equal("Allowed", StateOf(section.GetProperty("consents"), "Email").GetProperty("state").GetString());

        var seenByBilling = await billing.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        Assert.False(seenByBilling.GetProperty("sections").TryGetProperty("marketing", out _));
    }

    private static async Task<Guid> CreateEventAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/marketing-events", new { name = "Avoimet ovet", date = "2026-05-20", place = "Kuopio" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
