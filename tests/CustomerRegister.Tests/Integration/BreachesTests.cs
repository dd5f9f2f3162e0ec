using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Retention;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register on a clock that starts at 09:00 on Monday 7.12.2026 in Helsinki.</summary>
public sealed class BreachClockFactory() : ClockFactory(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero));

/// <summary>The breach register through its API: fields named, the 72-hour clock, the authority, the people, five years.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class BreachesTests(BreachClockFactory app) : IClassFixture<BreachClockFactory>
{
    public static object Breach(DateTimeOffset discovered) => new
    {
        discoveredAt = discovered,
        description = "Asiakaspalvelun tunnus käytössä ulkopuolisella.",
        categories = new[] { "contact.name", "contact.phone" },
        approxPeople = 40,
        approxRecords = 120,
        consequences = "Huijauspuhelut asiakkaille.",
        measures = "Tunnus suljettu, salasanat vaihdettu.",
    };

    [Fact]
    public async Task ABreachRecordedAt0900IsWarnedAboutAt57HoursThenNotifiedDecidedAndSweptAfterFiveYears()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);

        // Nothing: every field the record needs is named.
        var empty = await dpo.Client.PostAsJsonAsync("/api/breaches", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = await RegisterData.ErrorsOf(empty);
        foreach (var field in new[] { "discoveredAt", "description", "categories", "approxPeople", "approxRecords", "consequences", "measures" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " not named");
        }

        // The DPO only.
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync("/api/breaches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync("/api/breaches", Breach(app.Clock.GetUtcNow()))).StatusCode);

        // A person whose data the stolen account reads.
        var consumer = await service.Client.CreateConsumerAsync(new
        {
            firstName = "Eero",
            lastName = "Mäkinen",
            phone = "044 397 8225",
            source = "Consumer",
        });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync($"/api/subjects/{subjectId}")).StatusCode);

        var created = await dpo.Client.PostAsJsonAsync("/api/breaches", Breach(app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var breach = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = breach.Id();
        Assert.Equal("Running", breach.GetProperty("clockState").GetString());
        Assert.Equal(72, breach.GetProperty("hoursLeft").GetInt32());

        // 57 hours later: warned, 15 hours left.
        app.Clock.Advance(TimeSpan.FromHours(57));
        var dpo2 = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var warned = await dpo2.Client.GetFromJsonAsync<JsonElement>($"/api/breaches/{id}");
        Assert.Equal("Warning", warned.GetProperty("clockState").GetString());
        Assert.Equal(15, warned.GetProperty("hoursLeft").GetInt32());
        var listed = Assert.Single((await dpo2.Client.GetFromJsonAsync<JsonElement>("/api/breaches")).EnumerateArray(), b => b.Id() == id);
        Assert.Equal("Warning", listed.GetProperty("clockState").GetString());
        var desk = (await dpo2.Client.GetFromJsonAsync<JsonElement>("/api/dpo/desk")).GetProperty("breaches");
        Assert.Equal(1, desk.GetProperty("open").GetInt32());
        Assert.Equal(1, desk.GetProperty("needAttention").GetInt32());
        Assert.Equal(0, desk.GetProperty("overdue").GetInt32());

        // The people: from the audit trail, everyone the account read in the period.
        var badSearch = await dpo2.Client.PostAsJsonAsync($"/api/breaches/{id}/affected/from-audit", new { from = app.Clock.GetUtcNow() });
        Assert.Equal(HttpStatusCode.BadRequest, badSearch.StatusCode);
        var searchErrors = await RegisterData.ErrorsOf(badSearch);
        Assert.True(searchErrors.TryGetProperty("actorId", out _));
        Assert.True(searchErrors.TryGetProperty("to", out _));
        var found = await dpo2.Client.PostAsJsonAsync($"/api/breaches/{id}/affected/from-audit",
            new { actorId = service.Id, from = app.Clock.GetUtcNow().AddDays(-3), to = app.Clock.GetUtcNow() });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var result = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("found").GetInt32());
        var affected = (await dpo2.Client.GetFromJsonAsync<JsonElement>($"/api/breaches/{id}")).GetProperty("affectedSubjects");
        Assert.Equal(subjectId, Assert.Single(affected.EnumerateArray()).GetGuid());

        // The authority notified in time; a second notification is refused.
        var version = warned.GetProperty("version").GetInt64();
        var noReference = await dpo2.Client.PostAsJsonAsync($"/api/breaches/{id}/authority-notification",
            new { decision = "Notified", notifiedAt = app.Clock.GetUtcNow(), version });
        Assert.True((await RegisterData.ErrorsOf(noReference)).TryGetProperty("reference", out _));
        var notified = await dpo2.Client.PostAsJsonAsync($"/api/breaches/{id}/authority-notification",
            new { decision = "Notified", notifiedAt = app.Clock.GetUtcNow(), reference = "TSV/2026/1234", version });
        Assert.Equal(HttpStatusCode.OK, notified.StatusCode);
        var after = await notified.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NotifiedInTime", after.GetProperty("clockState").GetString());
        var again = await dpo2.Client.PostAsJsonAsync($"/api/breaches/{id}/authority-notification",
            new { decision = "Notified", notifiedAt = app.Clock.GetUtcNow(), reference = "TSV/2026/1234", version = after.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The people are told: the letter in Swedish; a language that is not offered is named.
        var decided = await dpo2.Client.PostAsJsonAsync($"/api/breaches/{id}/people-decision",
            new { decision = "Notify", version = after.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var letter = await dpo2.Client.GetFromJsonAsync<JsonElement>($"/api/breaches/{id}/letter?language=sv");
        Assert.Contains("Vad hände: Asiakaspalvelun tunnus", letter.GetProperty("body").GetString(), StringComparison.Ordinal);
        var german = await dpo2.Client.GetAsync($"/api/breaches/{id}/letter?language=de");
        Assert.True((await RegisterData.ErrorsOf(german)).TryGetProperty("language", out _));

        // Kept five years from recording, then swept with the people it named.
        app.Clock.Advance(TimeSpan.FromDays((5 * 365) + 3));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sweep = scope.ServiceProvider.GetRequiredService<RetentionSweep>();
            var preview = await sweep.PreviewAsync(app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            Assert.Equal(1, Assert.Single(preview, l => l.Rule == "breach-record").Due);
            await sweep.RunAsync("test", CancellationToken.None);
        }

        var dpo3 = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo3.Client.GetAsync($"/api/breaches/{id}")).StatusCode);
    }
    [Fact]
    public async Task TheFactsAreCorrectedAtTheVersionReadAndTheChangeIsAudited()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var created = await (await dpo.Client.PostAsJsonAsync("/api/breaches", Breach(app.Clock.GetUtcNow())))
            .Content.ReadFromJsonAsync<JsonElement>();
        var (id, version) = (created.Id(), created.GetProperty("version").GetInt64());

        var empty = await dpo.Client.PutAsJsonAsync($"/api/breaches/{id}", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = await RegisterData.ErrorsOf(empty);
        foreach (var field in new[] { "description", "categories", "approxPeople", "version" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " not named");
        }

        var more = new
        {
            discoveredAt = created.GetProperty("discoveredAt").GetDateTime(),
            description = "Asiakaspalvelun tunnus käytössä ulkopuolisella; myös laskutiedot luettu.",
            categories = new[] { "contact.name", "contact.phone", "billing.invoice" },
            approxPeople = 55,
            approxRecords = 300,
            consequences = "Huijauspuhelut ja -laskut asiakkaille.",
            measures = "Tunnus suljettu, salasanat vaihdettu, asiakkaita varoitettu.",
            version,
        };
        var updated = await dpo.Client.PutAsJsonAsync($"/api/breaches/{id}", more);
        Assert.True(updated.StatusCode == HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        var after = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(55, after.GetProperty("approxPeople").GetInt32());
        Assert.Contains("billing.invoice", after.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Pending", after.GetProperty("authority").GetString());

        // The same version again: someone changed it meanwhile.
        Assert.Equal(HttpStatusCode.Conflict, (await dpo.Client.PutAsJsonAsync($"/api/breaches/{id}", more)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.PutAsJsonAsync($"/api/breaches/{Guid.NewGuid()}", more)).StatusCode);
        Assert.Equal(1L, await app.Database.ScalarAsync($"SELECT COUNT(*) FROM audit_events WHERE action = 'breach.update' AND entity_id = '{id}'"));
    }
}
