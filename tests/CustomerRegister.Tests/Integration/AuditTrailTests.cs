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

    /// <summary>What someone with direct database access would do: switch the guard off, change, switch it on.</summary>
    private Task TamperAsync(string sql) => _app.Database.Provider == Data.DatabaseProvider.Postgres
        ? _app.Database.ExecuteAsync($"""
            ALTER TABLE audit_events DISABLE TRIGGER USER;
            {sql};
            ALTER TABLE audit_events ENABLE TRIGGER USER;
            """)
        : _app.Database.ExecuteAsync($"""
            DROP TRIGGER audit_events_no_update;
            DROP TRIGGER audit_events_no_delete;
            {sql};
            """);
}
