using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>Each test gets its own database: tampering in one must not leak into another.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class AuditTrailTests : IDisposable
{
    private readonly RegisterFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ChangesAreAuditedWithFieldNamesButNeverValues()
    {
        var auditor = await _app.CreateUserAsync(Roles.Auditor);
        var admin = await _app.AdminAsync();
        var email = $"secret-person-{Guid.NewGuid():N}@register.test";
        var created = await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Salainen Henkilö", roles = new[] { Roles.Billing }, password = RegisterFactory.UserPassword });
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetGuid();

        var page = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit?limit=500");
        var raw = page.GetRawText();
        var create = page.GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == "user.create" && e.GetProperty("entityId").GetString() == userId.ToString());
        Assert.Equal("administration", create.GetProperty("purpose").GetString());
        Assert.Equal("user", create.GetProperty("actorKind").GetString());
        Assert.Contains("email", create.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain(email, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Salainen", raw);
        Assert.DoesNotContain(RegisterFactory.UserPassword, raw);
    }

    [Fact]
    public async Task TheTrailFiltersByActorAndTimeAndPagesBackwards()
    {
        var auditor = await _app.CreateUserAsync(Roles.Auditor);
        var admin = await _app.AdminAsync();
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetGuid();
        for (var i = 0; i < 3; i++)
        {
            await admin.GetAsync("/api/users");
        }

        var mine = await auditor.Client.GetFromJsonAsync<JsonElement>($"/api/audit?actorId={adminId}&limit=2");
        var items = mine.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, e => Assert.Equal(adminId, e.GetProperty("actorId").GetGuid()));
        var next = mine.GetProperty("nextAfter").GetInt64();
        var older = await auditor.Client.GetFromJsonAsync<JsonElement>($"/api/audit?actorId={adminId}&before={next}&limit=500");
        Assert.All(older.GetProperty("items").EnumerateArray(), e => Assert.True(e.GetProperty("id").GetInt64() < next));

        var future = DateTime.UtcNow.AddDays(1).ToString("O");
        var none = await auditor.Client.GetFromJsonAsync<JsonElement>($"/api/audit?from={Uri.EscapeDataString(future)}");
        Assert.Empty(none.GetProperty("items").EnumerateArray());

        var badLimit = await auditor.Client.GetAsync("/api/audit?limit=100000");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task TheTrailFiltersByActionAndPurposeAndRefusesAnUnknownPurpose()
    {
        var auditor = await _app.CreateUserAsync(Roles.Auditor);
        var admin = await _app.AdminAsync();
        await admin.GetAsync("/api/users");

        var lists = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit?action=user.list&purpose=administration");
        var items = lists.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e => Assert.Equal("user.list", e.GetProperty("action").GetString()));
        Assert.Empty((await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit?action=user.list&purpose=security"))
            .GetProperty("items").EnumerateArray());

        var unknown = await auditor.Client.GetAsync("/api/audit?purpose=curiosity");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("purpose", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.Client.GetAsync("/api/audit?action=DROP%20TABLE")).StatusCode);
    }

    [Fact]
    public async Task WhoHasSeenAPersonListsTheReadsByWhoAndNotTheChanges()
    {
        var service = await _app.CreateUserAsync(Roles.CustomerService);
        var dpo = await _app.CreateUserAsync(Roles.DataProtectionOfficer);
        var created = await service.Client.CreateConsumerAsync(new
        {
            firstName = "Ville",
            lastName = "Virtanen",
            phone = "040 765 4321",
            source = "Consumer",
        });
        var subjectId = created.GetProperty("subjectId").GetGuid();
        (await service.Client.GetAsync($"/api/subjects/{subjectId}")).EnsureSuccessStatusCode();
        (await service.Client.GetAsync($"/api/subjects/{subjectId}")).EnsureSuccessStatusCode();

        var seen = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit/subjects/{subjectId}/viewers");
        var viewer = Assert.Single(seen.GetProperty("viewers").EnumerateArray());
        Assert.Equal(service.Id, viewer.GetProperty("actorId").GetGuid());
        Assert.Equal(2, viewer.GetProperty("times").GetInt32());
        Assert.Equal(["subject.read"], viewer.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // The DPO's picture of the person carries the same section; customer service's does not.
        var picture = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        Assert.True(picture.GetProperty("sections").TryGetProperty("viewers", out _));
        var theirs = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        Assert.False(theirs.GetProperty("sections").TryGetProperty("viewers", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync($"/api/audit/subjects/{subjectId}/viewers")).StatusCode);
    }

    [Fact]
    public async Task TheChainStateNamesTheHeadAndTheLastVerification()
    {
        var auditor = await _app.CreateUserAsync(Roles.Auditor);
        var before = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/state");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("lastVerification").ValueKind);

        var verified = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        var state = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/state");
        Assert.Equal(verified.GetProperty("headHash").GetString(), state.GetProperty("headHash").GetString());
        Assert.True(state.GetProperty("lastVerification").GetProperty("result").GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task TheCatalogueApiStatesEveryCategoryWithItsRolesAndConfiguredPeriod()
    {
        var auditor = await _app.CreateUserAsync(Roles.Auditor);
        var catalog = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/catalog");
        var categories = catalog.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(CustomerRegister.Catalog.Categories.All.Count, categories.Count);
        var email = categories.Single(c => c.GetProperty("id").GetString() == "contact.email");
        Assert.Contains(Roles.CustomerService, email.GetProperty("readRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(Roles.Auditor, email.GetProperty("readRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("24 kuukautta, ei koskaan lakisääteisiä aikoja pidempään",
            email.GetProperty("retention").GetProperty("period").GetProperty("fi").GetString());
        Assert.Contains(catalog.GetProperty("purposes").EnumerateArray(), p => p.GetProperty("id").GetString() == "security");

        var service = await _app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync("/api/catalog")).StatusCode);
    }

    [Fact]
    public async Task VerificationPassesThenFailsAfterOneRowIsEditedInTheDatabase()
    {
        var auditor = await _app.CreateUserAsync(Roles.Auditor);
        await (await _app.AdminAsync()).GetAsync("/api/users");

        var ok = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(ok.GetProperty("valid").GetBoolean(), ok.GetRawText());
        Assert.True(ok.GetProperty("eventsChecked").GetInt64() >= 3);
        Assert.Equal(0, await VerifyVerbAsync());

        await TamperAsync("UPDATE audit_events SET action = 'user.read' WHERE action = 'user.list'");

        var broken = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.Contains("changed", broken.GetProperty("problems")[0].GetProperty("problem").GetString());
        Assert.Equal(1, await VerifyVerbAsync());
    }

    [Fact]
    public async Task VerificationDetectsARemovedRow()
    {
        var auditor = await _app.CreateUserAsync(Roles.Auditor);
        await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/verify");

        await TamperAsync("DELETE FROM audit_events WHERE action = 'user.create'");

        var broken = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.False(broken.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task VerificationDetectsAnInsertedRow()
    {
        var auditor = await _app.CreateUserAsync(Roles.Auditor);
        await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/verify");

        // An insert is not refused by the database; it must be caught by the seals.
        await _app.Database.ExecuteAsync("""
            INSERT INTO audit_events (id, occurred_at, actor_kind, action, purpose, fields, outcome)
            VALUES (-1, '2026-01-01 00:00:00', 'system', 'forged', 'security', '', 'ok')
            """);

        var broken = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.False(broken.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task TheDatabaseRefusesUpdatesAndDeletesOfAuditRows()
    {
        _ = await _app.AdminAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => _app.Database.ExecuteAsync("UPDATE audit_events SET action = 'x'"));
        await Assert.ThrowsAnyAsync<Exception>(() => _app.Database.ExecuteAsync("DELETE FROM audit_events"));
        await (await _app.CreateUserAsync(Roles.Auditor)).Client.GetAsync("/api/audit/verify");
        await Assert.ThrowsAnyAsync<Exception>(() => _app.Database.ExecuteAsync("DELETE FROM audit_seals"));
        Assert.True(Convert.ToInt64(await _app.Database.ScalarAsync("SELECT COUNT(*) FROM audit_events")) > 0);
    }

    [Fact]
    public async Task SignInsAreAuditedWithoutTheEmail()
    {
        await _app.LoginAsync("intruder-" + Guid.NewGuid().ToString("N") + "@register.test", "guess guess guess");
        var auditor = await _app.CreateUserAsync(Roles.Auditor);

        var page = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/audit?limit=500");

        Assert.Contains(page.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "auth.login" && e.GetProperty("outcome").GetString() == "failed");
        Assert.DoesNotContain("intruder", page.GetRawText());
    }

    private async Task<int> VerifyVerbAsync()
    {
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["audit", "verify"], _app.Services, output);
        Assert.Contains(code == 0 ? "VALID" : "BROKEN", output.ToString());
        return code!.Value;
    }

    private Task TamperAsync(string sql) => AuditTamper.RunAsync(_app, sql);
}
