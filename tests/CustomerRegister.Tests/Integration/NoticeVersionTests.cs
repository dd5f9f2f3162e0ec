using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The published notice is written from the settings in force: a changed retention setting changes its § 11 sentence
/// and makes a new, dated version at the next start, while the earlier version stays readable as it was published;
/// a consent records the version in force when it was given.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class NoticeVersionTests
{
    [Fact]
    public async Task ARetentionSettingChangeMakesANewVersionWithTheNewPeriodAndTheOldVersionStaysReadable()
    {
        var database = new TestDatabase();
        string first;
        using (var app = new SettingsFactory(database, []))
        {
            first = await NoticeTextAsync(app.Anonymous(), "/api/notice?lang=fi");
            Assert.Contains("24 kuukautta, ei koskaan lakisääteisiä aikoja pidempään", first);
            var versions = (await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/notice")).GetProperty("versions");
            Assert.Equal(1, Assert.Single(versions.EnumerateArray()).GetProperty("number").GetInt32());
            Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().GetAsync("/api/notice?lang=de")).StatusCode);

            // The same inputs again: no new version.
            var page = await app.Anonymous().GetAsync("/tietosuoja");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Versio 1, voimassa", await page.Content.ReadAsStringAsync());
        }

        using (var app = new SettingsFactory(database, [("Retention:CustomerProfileMonths", "36")], keepDatabase: false))
        {
            var client = app.Anonymous();
            var current = await client.GetFromJsonAsync<JsonElement>("/api/notice?lang=fi");
            Assert.Equal(2, current.GetProperty("number").GetInt32());
            var text = Text(current);
            Assert.Contains("36 kuukautta, ei koskaan lakisääteisiä aikoja pidempään", text);
            Assert.DoesNotContain("24 kuukautta, ei koskaan", text);

            var versions = current.GetProperty("versions").EnumerateArray().ToList();
            Assert.Equal([2, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
            Assert.Equal(JsonValueKind.Null, versions[0].GetProperty("until").ValueKind);
            Assert.Equal(versions[0].GetProperty("publishedAt").GetDateTime(), versions[1].GetProperty("until").GetDateTime());

            // Version 1 as it was published, in every language.
            Assert.Equal(first, await NoticeTextAsync(client, "/api/notice/versions/1?lang=fi"));
            Assert.Contains("24 months", await NoticeTextAsync(client, "/api/notice/versions/1?lang=en"));
            Assert.Contains("36 månader", await NoticeTextAsync(client, "/api/notice?lang=sv"));
            var old = await (await client.GetAsync("/tietosuoja/versiot/1")).Content.ReadAsStringAsync();
            Assert.Contains("Tämä on aiempi versio", old);
            Assert.Contains("24 kuukautta, ei koskaan", old);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tietosuoja/versiot/3")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/notice/versions/3")).StatusCode);

            // A consent given now records version 2, the notice the person could read.
            var service = await app.CreateUserAsync(Roles.CustomerService);
            var subjectId = (await service.Client.CreateConsumerAsync(new { firstName = "Selja", lastName = "Versio", source = "Consumer" }))
                .GetProperty("subjectId").GetGuid();
            var info = await service.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/additional-info", new
            {
                text = "Noudot aamupäivisin",
                consentText = "Saat tallentaa antamani lisätiedot.",
                consentVersion = "lisatiedot-2026",
                source = "Consumer",
            });
            Assert.Equal(HttpStatusCode.Created, info.StatusCode);
            Assert.Equal(2, (await info.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("noticeVersion").GetInt32());
            var marketing = await app.CreateUserAsync(Roles.DataProtectionOfficer);
            await marketing.Client.GiveWebConsentAsync(subjectId);
            var ledger = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/marketing-consents");
            Assert.Equal(2, Assert.Single(ledger.GetProperty("ledger").EnumerateArray()).GetProperty("noticeVersion").GetInt32());
        }
    }

    private static async Task<string> NoticeTextAsync(HttpClient client, string path) => Text(await client.GetFromJsonAsync<JsonElement>(path));

    /// <summary>Every sentence and list item of the notice, one a line.</summary>
    private static string Text(JsonElement notice) => string.Join('\n',
        from s in notice.GetProperty("document").GetProperty("sections").EnumerateArray()
        from b in s.GetProperty("blocks").EnumerateArray()
        from line in (b.GetProperty("text").ValueKind == JsonValueKind.String ? [b.GetProperty("text").GetString()!] : Array.Empty<string>())
            .Concat(b.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray().Select(i => i.GetString()!) : [])
        select line);

    /// <summary>The app on a given database with extra settings; the first keeps the database for the next.</summary>
    private sealed class SettingsFactory(TestDatabase database, (string Key, string Value)[] settings, bool keepDatabase = true)
        : RegisterFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (keepDatabase)
            {
                DisposeHostOnly(disposing);
            }
            else
            {
                base.Dispose(disposing);
            }
        }
    }
}
