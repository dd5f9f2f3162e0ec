using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerRegister.Tests.Integration;

/// <summary>Soft opt-in (917/2014 § 200(2)): what it must rest on, what it covers, and when it lapses.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class SoftOptInTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    public static object Soft(Guid? relationshipId, bool? optOutOffered = true, string? serviceLine = "metal_buying",
        Guid? invoiceId = null, string channel = "Email", string purpose = "sales_and_marketing") => new
        {
            channel,
            purpose,
            kind = "SoftOptIn",
            source = "OwnSystems",
            wordingVersion = "sale-notice-2026-01",
            evidence = "order-1001",
            relationshipId,
            invoiceId,
            optOutOffered,
            serviceLine,
        };

    public static async Task<Guid> RelationshipAsync(HttpClient client, Guid subjectId)
    {
        var response = await client.PostAsJsonAsync("/api/relationships", new
        {
            subjectId,
            customerNumber = "AS-" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            startDate = "2020-03-01",
            source = "OwnSystems",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> ConsumerAsync(HttpClient client, string email) =>
        (await client.CreateConsumerAsync(new
        {
            firstName = "Aino",
            lastName = "Heikkinen",
            street = "Satamakatu 3",
            postalCode = "33200",
            city = "Tampere",
            email,
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();

    private static Task<HttpResponseMessage> AppendAsync(HttpClient client, Guid subjectId, object entry) =>
        client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents", entry);

    private static async Task<JsonElement> CanEmailAsync(HttpClient client, Guid subjectId, string? serviceLine = null) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/marketing/can-contact?subjectId={subjectId}&channel=Email&purpose=sales_and_marketing"
            + (serviceLine is null ? "" : $"&serviceLine={serviceLine}"));

    [Fact]
    public async Task ASoftOptInWithoutItsBasisOptOutOrServiceLineAnswers400NamingEachFieldAndStoresNothing()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerAsync(service.Client, "aino.heikkinen@example.fi");
        var someoneElse = await ConsumerAsync(service.Client, "toinen.asiakas@example.fi");
        var theirs = await RelationshipAsync(service.Client, someoneElse);

        var bare = await AppendAsync(service.Client, subjectId, Soft(null, optOutOffered: null, serviceLine: null));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var errors = await RegisterData.ErrorsOf(bare);
        foreach (var field in new[] { "relationshipId", "optOutOffered", "serviceLine" })
        {
            Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        }

        var notOffered = await RegisterData.ErrorsOf(await AppendAsync(service.Client, subjectId, Soft(theirs, optOutOffered: false)));
        Assert.True(notOffered.TryGetProperty("relationshipId", out _), notOffered.ToString());
        Assert.True(notOffered.TryGetProperty("optOutOffered", out _), notOffered.ToString());

        var unknownInvoice = await RegisterData.ErrorsOf(await AppendAsync(service.Client, subjectId, Soft(null, invoiceId: Guid.NewGuid())));
        Assert.True(unknownInvoice.TryGetProperty("invoiceId", out _), unknownInvoice.ToString());

        var unrelated = await RegisterData.ErrorsOf(
            await AppendAsync(service.Client, subjectId, Soft(await RelationshipAsync(service.Client, subjectId), serviceLine: "garden_furniture")));
        Assert.Equal(["serviceLine"], unrelated.EnumerateObject().Select(p => p.Name));

        var permissionWithBasis = await AppendAsync(service.Client, subjectId, new
        {
            channel = "Email",
            purpose = "sales_and_marketing",
            kind = "PermissionGranted",
            source = "Consumer",
            wordingVersion = "w1",
            evidence = "form-1",
            serviceLine = "metal_buying",
        });
        Assert.True((await RegisterData.ErrorsOf(permissionWithBasis)).TryGetProperty("serviceLine", out _));

        var ledger = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/marketing-consents");
        Assert.Equal(0, ledger.GetProperty("ledger").GetArrayLength());
    }

    [Fact]
    public async Task ASoftOptInCoversOnlyTheServiceLineItWasObtainedIn()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerAsync(service.Client, "linja.asiakas@example.fi");
        var created = await AppendAsync(service.Client, subjectId, Soft(await RelationshipAsync(service.Client, subjectId), serviceLine: "vehicle_scrapping"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("vehicle_scrapping", entry.GetProperty("serviceLine").GetString());
        Assert.True(entry.GetProperty("optOutOffered").GetBoolean());

        Assert.True((await CanEmailAsync(service.Client, subjectId, "vehicle_scrapping")).GetProperty("allowed").GetBoolean());
        var other = await CanEmailAsync(service.Client, subjectId, "waste_services");
        Assert.False(other.GetProperty("allowed").GetBoolean());
        Assert.Equal("soft_opt_in_other_service", other.GetProperty("reason").GetString());

        var unknown = await service.Client.GetAsync($"/api/marketing/can-contact?subjectId={subjectId}&channel=Email&purpose=sales_and_marketing&serviceLine=x");
        Assert.True((await RegisterData.ErrorsOf(unknown)).TryGetProperty("serviceLine", out _));
    }

    [Fact]
    public async Task ASoftOptInLapsesTheConfiguredMonthsAfterTheRelationshipEnds()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var subjectId = await ConsumerAsync(service.Client, "paattynyt.asiakas@example.fi");
        var relationshipId = await RelationshipAsync(service.Client, subjectId);
        Assert.Equal(HttpStatusCode.Created, (await AppendAsync(service.Client, subjectId, Soft(relationshipId))).StatusCode);

        var ended = app.Today;
        var end = await service.Client.PostAsJsonAsync($"/api/relationships/{relationshipId}/end",
            new { endDate = ended.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), version = 1 });
        Assert.True(end.IsSuccessStatusCode, await end.Content.ReadAsStringAsync());

        // Sign-ins expire with the clock: sign in again after each move.
        app.MoveTo(ended.AddMonths(12));
        var lastDay = await CanEmailAsync((await app.CreateUserAsync(Roles.Marketing)).Client, subjectId);
        Assert.True(lastDay.GetProperty("allowed").GetBoolean());
        Assert.Equal("soft_opt_in", lastDay.GetProperty("reason").GetString());

        app.MoveTo(ended.AddMonths(12).AddDays(1));
        marketing = await app.CreateUserAsync(Roles.Marketing);
        service = await app.CreateUserAsync(Roles.CustomerService);
        var lapsed = await CanEmailAsync(marketing.Client, subjectId);
        Assert.False(lapsed.GetProperty("allowed").GetBoolean());
        Assert.Equal("soft_opt_in_lapsed", lapsed.GetProperty("reason").GetString());

        var eventResponse = await marketing.Client.PostAsJsonAsync("/api/marketing-events", new { name = "Avoimet ovet", date = "2030-05-20" });
        var eventId = (await eventResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var invite = await marketing.Client.PostAsJsonAsync($"/api/marketing-events/{eventId}/invitations",
            new { subjectId, channel = "Email", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Conflict, invite.StatusCode);
        Assert.Equal("soft_opt_in_lapsed", (await invite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());

        // A new soft opt-in cannot rest on the lapsed relationship.
        var again = await AppendAsync(service.Client, subjectId, Soft(relationshipId));
        Assert.True((await RegisterData.ErrorsOf(again)).TryGetProperty("relationshipId", out _));
    }
}
