using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The lists the staff start pages and desks show, read through the API on both databases: the latest contacts and
/// the open feedback across customers, the upcoming events and the consent figures, the scrap-yard desk's day.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class StaffDesksTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static string Today => HelsinkiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Consumer(string lastName) => new
    {
        firstName = "Aino",
        lastName,
        street = "Rautatienkatu 5 B 12",
        postalCode = "33100",
        city = "Tampere",
        email = $"aino.{Guid.NewGuid():N}@example.fi",
        source = "Consumer",
    };

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task TheLatestContactsAcrossCustomersComeNewestFirstAPageAtATime()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var first = (await service.Client.CreateConsumerAsync(Consumer("Ensimmäinen"))).GetProperty("subjectId").GetGuid();
        var second = (await service.Client.CreateConsumerAsync(Consumer("Toinen"))).GetProperty("subjectId").GetGuid();
        var older = "Kysyi kuparin hintaa " + Guid.NewGuid().ToString("N")[..6];
        var newer = "Kysyi noudosta " + Guid.NewGuid().ToString("N")[..6];
        await PostOkAsync(service.Client, $"/api/subjects/{first}/contact-history",
            new { channel = "Phone", direction = "Inbound", occurredAt = DateTime.UtcNow.AddSeconds(-20), summary = older, source = "Consumer" });
        await PostOkAsync(service.Client, $"/api/subjects/{second}/contact-history",
            new { channel = "Email", direction = "Outbound", occurredAt = DateTime.UtcNow.AddSeconds(-10), summary = newer, source = "Consumer" });

        var page = await service.Client.GetFromJsonAsync<JsonElement>("/api/contact-history?limit=200");
        var summaries = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("summary").GetString()).ToList();
        Assert.True(summaries.IndexOf(newer) >= 0 && summaries.IndexOf(newer) < summaries.IndexOf(older), string.Join(" | ", summaries));
        var newest = page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("summary").GetString() == newer);
        Assert.Equal(second, newest.GetProperty("subjectId").GetGuid());
        Assert.Equal("Toinen Aino", newest.GetProperty("name").GetString());

        // One row a page reaches the older one by the cursor; a cursor that is no contact is refused naming it.
        var seen = new List<string?>();
        Guid? after = null;
        do
        {
            var one = await service.Client.GetFromJsonAsync<JsonElement>("/api/contact-history?limit=1" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(one.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("summary").GetString()));
            after = one.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : one.GetProperty("nextAfter").GetGuid();
        }
        while (after is not null && !seen.Contains(older));
        Assert.Contains(older, seen);

        var bad = await service.Client.GetAsync($"/api/contact-history?after={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(bad)).TryGetProperty("after", out _));
    }

    [Fact]
    public async Task OnlyUnhandledFeedbackIsOpen()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = (await service.Client.CreateConsumerAsync(Consumer("Palautteinen"))).GetProperty("subjectId").GetGuid();
        var open = "Nouto myöhästyi " + Guid.NewGuid().ToString("N")[..6];
        var handled = "Kiitos nopeasta noudosta " + Guid.NewGuid().ToString("N")[..6];
        await PostOkAsync(service.Client, $"/api/subjects/{subjectId}/feedback",
            new { receivedAt = DateTime.UtcNow.AddSeconds(-5), channel = "Email", text = open, rating = 2, source = "Consumer" });
        await PostOkAsync(service.Client, $"/api/subjects/{subjectId}/feedback",
            new { receivedAt = DateTime.UtcNow.AddSeconds(-5), channel = "Phone", text = handled, rating = 5, handled = true, source = "Consumer" });

        var texts = (await service.Client.GetFromJsonAsync<JsonElement>("/api/feedback?limit=200"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()).ToList();

        Assert.Contains(open, texts);
        Assert.DoesNotContain(handled, texts);

        // Marking it handled takes the version read: without one 400, a stale one 409, the right one closes it.
        var item = (await service.Client.GetFromJsonAsync<JsonElement>("/api/feedback?limit=200"))
            .GetProperty("items").EnumerateArray().First(i => i.GetProperty("text").GetString() == open);
        var id = item.GetProperty("id").GetGuid();
        var version = (await service.Client.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}")).GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Client.PostAsJsonAsync($"/api/feedback/{id}/handled", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await service.Client.PostAsJsonAsync($"/api/feedback/{id}/handled", new { version = version + 1 })).StatusCode);
        var closed = await service.Client.PostAsJsonAsync($"/api/feedback/{id}/handled", new { version });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.True((await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handled").GetBoolean());
        Assert.DoesNotContain(open, (await service.Client.GetFromJsonAsync<JsonElement>("/api/feedback?limit=200"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        var auditor = await app.CreateUserAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Client.GetAsync("/api/feedback")).StatusCode);
    }

    [Fact]
    public async Task UpcomingEventsCountTheirInvitationsAndThePastOnesAreNotUpcoming()
    {
        var marketing = await app.CreateUserAsync(Roles.Marketing, Roles.CustomerService);
        var subjectId = (await marketing.Client.CreateConsumerAsync(Consumer("Kutsuttu"))).GetProperty("subjectId").GetGuid();
        var name = "Avoimet ovet " + Guid.NewGuid().ToString("N")[..6];
        var soon = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await marketing.Client.PostAsJsonAsync("/api/marketing-events", new { name, date = soon, place = "Kuopio" });
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await PostOkAsync(marketing.Client, $"/api/marketing-events/{eventId}/invitations", new { subjectId, channel = "Phone", source = "OwnSystems" });
        var past = "Kevätpäivä " + Guid.NewGuid().ToString("N")[..6];
        await PostOkAsync(marketing.Client, "/api/marketing-events", new { name = past, date = "2020-05-20", place = "Kuopio" });

        var upcoming = (await marketing.Client.GetFromJsonAsync<JsonElement>("/api/marketing-events/upcoming?limit=200"))
            .GetProperty("items").EnumerateArray().ToList();

        var ours = Assert.Single(upcoming, e => e.GetProperty("name").GetString() == name);
        Assert.Equal(1, ours.GetProperty("invited").GetInt32());
        Assert.DoesNotContain(upcoming, e => e.GetProperty("name").GetString() == past);
        var dates = upcoming.Select(e => e.GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task TheConsentFiguresCountAProhibitionInForceOncePerPerson()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService, Roles.Marketing);
        var subjectId = (await service.Client.CreateConsumerAsync(Consumer("Kieltäjä"))).GetProperty("subjectId").GetGuid();
        static int Prohibitions(JsonElement figures, string channel) =>
            figures.EnumerateArray().Single(f => f.GetProperty("channel").GetString() == channel).GetProperty("prohibitions").GetInt32();
        var before = await service.Client.GetFromJsonAsync<JsonElement>("/api/marketing-figures");

        await PostOkAsync(service.Client, $"/api/subjects/{subjectId}/marketing-consents",
            new { channel = "Post", purpose = "sales_and_marketing", kind = "Prohibition", source = "Consumer", evidence = "letter-1" });

        var after = await service.Client.GetFromJsonAsync<JsonElement>("/api/marketing-figures");
        Assert.Equal(Prohibitions(before, "Post") + 1, Prohibitions(after, "Post"));
        Assert.Equal(Prohibitions(before, "Email"), Prohibitions(after, "Email"));
    }

    [Fact]
    public async Task TheDesksDayShowsTodaysCertificateAndThePayoutTotalWithTheRowsOnlyForBillingReaders()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var owner = await reception.Client.CreateConsumerAsync(Consumer("Romuttaja"));
        var consumerId = owner.GetProperty("id").GetGuid();
        var certificate = await VehicleCertificatesTests.IssueAsync(reception.Client,
            VehicleCertificatesTests.Certificate(consumerId, VehicleCertificatesTests.NewIdentityCode(), issueDate: Today));
        await PostOkAsync(reception.Client, "/api/metal-credits", new
        {
            consumerId,
            paidOn = Today,
            amount = 12.5m,
            weightKg = 50m,
            material = "kupari",
            bankAccount = "FI2112345600000785",
            source = "Consumer",
        });

        var day = await reception.Client.GetFromJsonAsync<JsonElement>("/api/vehicles/desk/today");

        Assert.Equal(Today, day.GetProperty("date").GetString());
        Assert.Contains(day.GetProperty("certificates").EnumerateArray(), c => c.GetProperty("id").GetGuid() == certificate.GetProperty("id").GetGuid());
        Assert.True(day.GetProperty("payoutCount").GetInt32() >= 1);
        Assert.True(day.GetProperty("payoutTotal").GetDecimal() >= 12.5m);
        Assert.Equal(JsonValueKind.Null, day.GetProperty("payouts").ValueKind);
        Assert.DoesNotContain("FI21", day.GetRawText());

        var clerk = await app.CreateUserAsync(Roles.VehicleReception, Roles.Billing);
        var withRows = await clerk.Client.GetFromJsonAsync<JsonElement>("/api/vehicles/desk/today");
        Assert.Contains(withRows.GetProperty("payouts").EnumerateArray(), p => p.GetProperty("subjectId").GetGuid() == owner.GetProperty("subjectId").GetGuid());
        Assert.DoesNotContain("1234", withRows.GetRawText());

        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync("/api/vehicles/desk/today")).StatusCode);
    }
}
