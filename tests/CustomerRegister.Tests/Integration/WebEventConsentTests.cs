using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Retention;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>Web events of a known person are stored only while a web-behaviour consent is in force; the rest are counted.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class WebEventConsentTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static object Event(Guid subjectId, string path) => new { subjectId, kind = "PageView", path, source = "OwnSystems" };

    private async Task<(HttpClient Client, Guid SubjectId)> PersonAsync(string email)
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = (await service.Client.CreateConsumerAsync(new
        {
            firstName = "Eero",
            lastName = "Virtanen",
            email,
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();
        return (service.Client, subjectId);
    }

    /// <summary>Dropped events over the default window (the last 30 days).</summary>
    private static async Task<int> UnlinkedTodayAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/web-events/unlinked")).EnumerateArray().Sum(d => d.GetProperty("events").GetInt32());

    private static async Task<int> StoredAsync(HttpClient client, Guid subjectId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/web-events")).GetProperty("items").GetArrayLength();

    [Fact]
    public async Task AnEventOfAPersonWithAWebBehaviourConsentIsLinked()
    {
        var (client, subjectId) = await PersonAsync("eero.suostunut@example.fi");
        await client.GiveWebConsentAsync(subjectId);

        var sent = await client.PostAsJsonAsync("/api/web-events", Event(subjectId, "/romuauto"));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(1, await StoredAsync(client, subjectId));
    }

    [Fact]
    public async Task AnEventOfAPersonWhoNeverConsentedIsNotStoredButCountedWithoutPersonalData()
    {
        var (client, subjectId) = await PersonAsync("eero.ei.kysytty@example.fi");
        var dpo = (await app.CreateUserAsync(Roles.DataProtectionOfficer)).Client;
        var before = await UnlinkedTodayAsync(dpo);
        // Another purpose's permission is not a web-behaviour consent.
        var email = await client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents", new
        {
            channel = "Email",
            purpose = "sales_and_marketing",
            kind = "PermissionGranted",
            source = "Consumer",
            wordingVersion = "w",
            evidence = "e",
        });
        Assert.Equal(HttpStatusCode.Created, email.StatusCode);

        var sent = await client.PostAsJsonAsync("/api/web-events", Event(subjectId, "/salainen-polku"));

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("linked").GetBoolean());
        Assert.Equal("prior_consent_required", body.GetProperty("reason").GetString());
        Assert.Equal(0, await StoredAsync(client, subjectId));
        Assert.Equal(before + 1, await UnlinkedTodayAsync(dpo));

        var counts = await dpo.GetStringAsync("/api/web-events/unlinked");
        Assert.DoesNotContain(subjectId.ToString(), counts);
        Assert.DoesNotContain("salainen", counts);
    }

    [Fact]
    public async Task AfterTheConsentIsWithdrawnEventsAreNoLongerLinked()
    {
        var (client, subjectId) = await PersonAsync("eero.peruttu@example.fi");
        var dpo = (await app.CreateUserAsync(Roles.DataProtectionOfficer)).Client;
        await client.GiveWebConsentAsync(subjectId);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/web-events", Event(subjectId, "/ennen"))).StatusCode);
        var withdrawn = await client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents",
            new { channel = "Web", purpose = "web_behaviour_analysis", kind = "PermissionWithdrawn", source = "Consumer" });
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);
        var before = await UnlinkedTodayAsync(dpo);

        var sent = await client.PostAsJsonAsync("/api/web-events", Event(subjectId, "/jalkeen"));

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal("withdrawn", (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(1, await StoredAsync(client, subjectId));
        Assert.Equal(before + 1, await UnlinkedTodayAsync(dpo));
    }

    [Fact]
    public async Task TheWebChannelGoesOnlyWithWebBehaviourAnalysis()
    {
        var (client, subjectId) = await PersonAsync("eero.kanava@example.fi");

        var webForSales = await client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents",
            new { channel = "Web", purpose = "sales_and_marketing", kind = "PermissionGranted", source = "Consumer", wordingVersion = "w", evidence = "e" });
        var emailForWeb = await client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents",
            new { channel = "Email", purpose = "web_behaviour_analysis", kind = "PermissionGranted", source = "Consumer", wordingVersion = "w", evidence = "e" });

        Assert.True((await RegisterData.ErrorsOf(webForSales)).TryGetProperty("purpose", out _));
        Assert.True((await RegisterData.ErrorsOf(emailForWeb)).TryGetProperty("purpose", out _));
    }
}

/// <summary>Settings below what the law or guidance asks are refused at start.</summary>
public sealed class MarketingSettingsTests
{
    [Theory]
    [InlineData("Retention:ConsentEvidenceMonths", "11", "Retention")]
    [InlineData("Marketing:SoftOptInMonthsAfterEnd", "25", "Marketing")]
    [InlineData("Marketing:SoftOptInMonthsAfterEnd", "-1", "Marketing")]
    public void AnOutOfRangeSettingStopsTheApplicationFromStarting(string setting, string value, string section)
    {
        using var app = new SettingFactory(setting, value);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(section, error.ToString());
    }

    [Fact]
    public void ConsentEvidenceIsKeptAtLeastTwelveMonths()
    {
        Assert.NotNull(new RetentionOptions { ConsentEvidenceMonths = 11 }.Invalid());
        Assert.Null(new RetentionOptions { ConsentEvidenceMonths = 12 }.Invalid());
        Assert.Null(new RetentionOptions().Invalid());
    }

    private sealed class SettingFactory(string setting, string value) : RegisterFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(setting, value);
        }
    }
}
