using System.Net;
using System.Text.RegularExpressions;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>The verbs of the real binary, run as a separate process the way an operator would.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class CommandLineTests
{
    [Fact]
    public async Task MigrateCreatesTheSchemaOnAFreshDatabase()
    {
        using var db = new TestDatabase();

        var (code, output) = await RunAsync(db, "migrate");

        Assert.Equal(0, code);
        Assert.Contains("Migrations applied.", output);
        Assert.Equal(0L, Convert.ToInt64(await db.ScalarAsync("SELECT COUNT(*) FROM users")));
        Assert.True(Convert.ToInt64(await db.ScalarAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\"")) > 0);
    }

    [Fact]
    public async Task CreateAdminMakesAnAdministratorWhoSignsIn()
    {
        var db = new TestDatabase();
        var (code, output) = await RunAsync(db, "create-admin", "--email", "operator@register.test", "--password", "operator passphrase 2026");
        Assert.Equal(0, code);
        Assert.Contains("Administrator", output);
        Assert.DoesNotContain("One-time password", output);

        var (oneTimeCode, oneTimeOutput) = await RunAsync(db, "create-admin", "--email", "second@register.test");
        Assert.Equal(0, oneTimeCode);
        var oneTime = Regex.Match(oneTimeOutput, @"One-time password.*: (\S+)").Groups[1].Value;
        Assert.NotEmpty(oneTime);

        using var app = RegisterFactory.On(db);
        Assert.Equal(HttpStatusCode.OK, (await app.LoginAsync("operator@register.test", "operator passphrase 2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync("operator@register.test", "operator passphrase 2026")).GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.LoginAsync("second@register.test", oneTime)).StatusCode);

        var (duplicate, duplicateOutput) = await RunAsync(db, "create-admin", "--email", "operator@register.test");
        Assert.Equal(1, duplicate);
        Assert.Contains("Not created", duplicateOutput);
    }

    [Fact]
    public async Task AuditVerifyReportsAValidTrailAndABrokenOne()
    {
        using var app = new RegisterFactory();
        await (await app.AdminAsync()).GetAsync("/api/users");

        var (valid, validOutput) = await RunAsync(app.Database, "audit", "verify");
        Assert.Equal(0, valid);
        Assert.Contains("VALID", validOutput);
        Assert.Matches("head hash [0-9a-f]{64}", validOutput);

        await app.Database.ExecuteAsync(app.Database.Provider == Data.DatabaseProvider.Postgres
            ? "ALTER TABLE audit_events DISABLE TRIGGER USER; UPDATE audit_events SET purpose = 'marketing' WHERE id = (SELECT MIN(id) FROM audit_events);"
            : "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET purpose = 'marketing' WHERE id = (SELECT MIN(id) FROM audit_events);");

        var (broken, brokenOutput) = await RunAsync(app.Database, "audit", "verify");
        Assert.Equal(1, broken);
        Assert.Contains("BROKEN", brokenOutput);
    }

    [Fact]
    public async Task TheCatalogVerbPrintsEveryCategoryWithItsFields()
    {
        using var db = new TestDatabase();

        var (code, text) = await RunAsync(db, "catalog");
        Assert.Equal(0, code);
        Assert.Contains("financial.bank_account", text);
        Assert.Contains("consumers.bank_account_cipher", text);

        var (jsonCode, json) = await RunAsync(db, "catalog", "--json");
        Assert.Equal(0, jsonCode);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var categories = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(Catalog.Categories.All.Count, categories.Count);
        var email = categories.Single(c => c.GetProperty("id").GetString() == "contact.email");
        Assert.Contains(email.GetProperty("fields").EnumerateArray(), f => f.GetProperty("table").GetString() == "consumers");
        Assert.Equal("Sähköpostiosoite", email.GetProperty("names").GetProperty("fi").GetString());
    }

    [Fact]
    public async Task AnUnknownVerbPrintsTheUsage()
    {
        using var db = new TestDatabase();

        var (code, output) = await RunAsync(db, "frobnicate");

        Assert.Equal(2, code);
        Assert.Contains("audit verify", output);
    }

    [Fact]
    public async Task AWrongOptionAnswersWithTheVerbsUsageOnStandardErrorAndExitCodeTwo()
    {
        using var db = new TestDatabase();

        var (code, output, error) = await RegisterProcess.RunAsync(db, null, "retention", "preview", "--as-at", "2026-12-31");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("'--as-at'", error);
        Assert.Contains("retention preview [options]", error);
        Assert.Contains("--as-of", error);
    }

    private static async Task<(int Code, string Output)> RunAsync(TestDatabase db, params string[] args)
    {
        var (code, output, error) = await RegisterProcess.RunAsync(db, null, args);
        return (code, output + error);
    }
}
