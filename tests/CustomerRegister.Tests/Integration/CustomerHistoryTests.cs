using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class CustomerHistoryTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static async Task<Guid> SubjectAsync(HttpClient client) =>
        (await client.CreateConsumerAsync(new { firstName = "Leena", lastName = "Salo", source = "Consumer" })).GetProperty("subjectId").GetGuid();

    private static async Task<JsonElement> CreateAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ContactHistoryListsNewestFirstWithAKeysetAndRecordsTheStaffMember()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await SubjectAsync(service.Client);
        var times = new[] { "2025-01-05T10:00:00Z", "2025-03-01T09:30:00Z", "2025-02-10T12:00:00Z", "2025-03-01T09:30:00Z", "2024-12-24T08:00:00Z" };
        foreach (var (time, i) in times.Select((t, i) => (t, i)))
        {
            var created = await CreateAsync(service.Client, $"/api/subjects/{subjectId}/contact-history",
                new { channel = "Phone", direction = "Inbound", occurredAt = time, summary = $"Soitto {i}", source = "Consumer" });
            Assert.Equal(service.Id, created.GetProperty("staffUserId").GetGuid());
        }

        var seen = new List<DateTime>();
        var ids = new List<Guid>();
        string? after = null;
        do
        {
            var page = await service.Client.GetFromJsonAsync<JsonElement>(
                $"/api/subjects/{subjectId}/contact-history?limit=2{(after is null ? "" : "&after=" + after)}");
            foreach (var e in page.GetProperty("items").EnumerateArray())
            {
                seen.Add(e.GetProperty("occurredAt").GetDateTime());
                ids.Add(e.GetProperty("id").GetGuid());
            }

            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetGuid().ToString();
        }
        while (after is not null);

        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(seen.OrderDescending().ToList(), seen);
    }

    [Fact]
    public async Task InvalidContactHistoryIsRefusedNamingEachFieldAndUnknownSubjectsAnswer404()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await SubjectAsync(service.Client);

        var response = await service.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/contact-history",
            new { occurredAt = "2999-01-01T00:00:00Z", summary = new string('x', 2001), staffUserId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[] { "channel", "direction", "occurredAt", "summary", "staffUserId", "source" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named: {errors}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.PostAsJsonAsync($"/api/subjects/{Guid.NewGuid()}/contact-history",
            new { channel = "Email", direction = "Outbound", summary = "x", source = "OwnSystems" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/subjects/{Guid.NewGuid()}/contact-history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/contact-history/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task AStaleContactHistoryWriteAnswers409AndOverwritesNothing()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await SubjectAsync(service.Client);
        var id = (await CreateAsync(service.Client, $"/api/subjects/{subjectId}/contact-history",
            new { channel = "Visit", direction = "Inbound", summary = "Toi romua", source = "OwnSystems" })).GetProperty("id").GetGuid();
        var occurredAt = "2025-04-01T10:00:00Z";

        Assert.Equal(HttpStatusCode.OK, (await service.Client.PutAsJsonAsync($"/api/contact-history/{id}",
            new { channel = "Visit", direction = "Inbound", occurredAt, summary = "Toi kuparia", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.Client.PutAsJsonAsync($"/api/contact-history/{id}",
            new { channel = "Chat", direction = "Outbound", occurredAt, summary = "Ylikirjoitus", version = 1 })).StatusCode);

        var now = await service.Client.GetFromJsonAsync<JsonElement>($"/api/contact-history/{id}");
        Assert.Equal("Toi kuparia", now.GetProperty("summary").GetString());
        Assert.Equal("Visit", now.GetProperty("channel").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task FeedbackIsStoredRatedAndMarkedHandled()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await SubjectAsync(service.Client);

        var bad = await service.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/feedback", new { channel = "WebForm", text = "", rating = 6, source = "Consumer" });
        var errors = await RegisterData.ErrorsOf(bad);
        Assert.True(errors.TryGetProperty("rating", out _));
        Assert.True(errors.TryGetProperty("text", out _));

        var created = await CreateAsync(service.Client, $"/api/subjects/{subjectId}/feedback",
            new { channel = "WebForm", text = "Nopea nouto, kiitos!", rating = 5, source = "Consumer" });
        Assert.False(created.GetProperty("handled").GetBoolean());
        var id = created.GetProperty("id").GetGuid();

        var handled = await service.Client.PutAsJsonAsync($"/api/feedback/{id}", new
        {
            receivedAt = created.GetProperty("receivedAt").GetDateTime(),
            channel = "WebForm",
            text = "Nopea nouto, kiitos!",
            rating = 5,
            handled = true,
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, handled.StatusCode);
        Assert.True((await handled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handled").GetBoolean());
        var list = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/feedback");
        Assert.Equal(5, Assert.Single(list.EnumerateArray()).GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task WithdrawingConsentDeletesTheAdditionalInfoAndTheTrailKeepsOnlyTheFact()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = await SubjectAsync(service.Client);
        var missing = await service.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/additional-info", new { text = "x", source = "Consumer" });
        Assert.True((await RegisterData.ErrorsOf(missing)).TryGetProperty("consentText", out _));

        var info = await CreateAsync(service.Client, $"/api/subjects/{subjectId}/additional-info", new
        {
            text = "Toivoo noudot tiistaisin, koira pihalla",
            consentText = "Saat tallentaa antamani lisätiedot noutojen sujumiseksi.",
            consentVersion = "2025-1",
            source = "Consumer",
        });
        var id = info.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Conflict, (await service.Client.PostAsJsonAsync($"/api/additional-info/{id}/withdraw-consent", new { version = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync($"/api/additional-info/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await service.Client.PostAsJsonAsync($"/api/additional-info/{id}/withdraw-consent", new { version = 1 })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/additional-info/{id}")).StatusCode);
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync("SELECT COUNT(*) FROM additional_info WHERE text LIKE '%tiistaisin%'")));
        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={subjectId}&limit=500");
        var withdrawn = trail.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "additional_info.consent_withdrawn");
        Assert.Equal(["customer.additional_info"], withdrawn.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("tiistaisin", trail.GetRawText());
    }

    [Fact]
    public async Task MarketingMayNotWriteHistoryFeedbackOrAdditionalInfo()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var subjectId = await SubjectAsync(service.Client);

        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/contact-history",
            new { channel = "Phone", direction = "Outbound", summary = "Myyntipuhelu", source = "OwnSystems" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/feedback",
            new { channel = "Email", text = "x", source = "Consumer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/additional-info",
            new { text = "x", consentText = "y", source = "Consumer" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketing.Client.GetAsync($"/api/subjects/{subjectId}/contact-history")).StatusCode);
    }

    [Fact]
    public async Task ThePictureShowsHistoryFeedbackAndAdditionalInfoAndTheAuditNamesNoValues()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = await SubjectAsync(service.Client);
        var empty = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        Assert.False(empty.GetProperty("sections").TryGetProperty("contactHistory", out _));

        await CreateAsync(service.Client, $"/api/subjects/{subjectId}/contact-history",
            new { channel = "Email", direction = "Outbound", summary = "Muistutus noudosta", source = "OwnSystems" });
        await CreateAsync(service.Client, $"/api/subjects/{subjectId}/feedback", new { channel = "Phone", text = "Kuljettaja myöhässä", source = "Consumer" });
        await CreateAsync(service.Client, $"/api/subjects/{subjectId}/additional-info",
            new { text = "Portin koodi kysyttävä", consentText = "Suostun.", source = "Consumer" });

        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        var sections = picture.GetProperty("sections");
        Assert.Equal("Muistutus noudosta", Assert.Single(sections.GetProperty("contactHistory").EnumerateArray()).GetProperty("summary").GetString());
        Assert.Equal("Kuljettaja myöhässä", Assert.Single(sections.GetProperty("feedback").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("Portin koodi kysyttävä", Assert.Single(sections.GetProperty("additionalInfo").EnumerateArray()).GetProperty("text").GetString());

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={subjectId}&limit=500");
        var items = trail.GetProperty("items").EnumerateArray().ToList();
        var create = items.Single(e => e.GetProperty("action").GetString() == "contact_history.create");
        Assert.Contains("summary", create.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var read = items.Where(e => e.GetProperty("action").GetString() == "subject.read").Select(e => e.GetProperty("fields").EnumerateArray()
            .Select(f => f.GetString()).ToList()).Last(f => f.Contains("customer.feedback"));
        Assert.Contains("customer.contact_history", read);
        Assert.Contains("customer.additional_info", read);
        foreach (var value in new[] { "Muistutus", "myöhässä", "Portin" })
        {
            Assert.DoesNotContain(value, trail.GetRawText());
        }
    }
}
