using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>The erasure tests' seeding, snapshots and the failing trigger.</summary>
public sealed partial class ErasureTests
{
    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (!_done || await app.Database.ScalarAsync("SELECT COUNT(*) FROM subjects") is 0L or 0)
            {
                Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "300", "--seed", "11"], app.Services, new StringWriter()));
                _done = true;
            }
        }
        finally
        {
            Seeded.Release();
        }
    }

    /// <summary>
    /// A demo person (with certificates and payouts when <paramref name="withVouchers"/>) given, through the API, a unique
    /// email and phone, contact history, feedback, additional information, web events and an email prohibition.
    /// </summary>
    private async Task<Person> PersonAsync(HttpClient client, bool withVouchers)
    {
        await SeedAsync();
        var filter = withVouchers
            ? "AND EXISTS (SELECT 1 FROM scrapping_certificates s WHERE s.subject_id = c.subject_id) "
              + "AND EXISTS (SELECT 1 FROM metal_credit_payouts p WHERE p.subject_id = c.subject_id) "
            : "AND NOT EXISTS (SELECT 1 FROM collection_cases k WHERE k.subject_id = c.subject_id AND k.closed_at IS NULL) ";
        var taken = string.Join(", ", Taken.Select(t => $"'{Literal(t)}'").DefaultIfEmpty($"'{Literal(Guid.Empty)}'"));
        var row = await app.Database.ScalarAsync(
            $"SELECT c.id FROM consumers c WHERE c.bank_account_masked IS NOT NULL {filter}AND c.id NOT IN ({taken}) ORDER BY c.id LIMIT 1");
        Assert.NotNull(row);
        var consumerId = Guid.Parse(row.ToString()!);
        lock (Taken)
        {
            Taken.Add(consumerId);
        }

        var consumer = await client.GetFromJsonAsync<JsonElement>($"/api/consumers/{consumerId}");
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var email = $"poisto.{tag}@example.fi";
        var phone = "+35840" + string.Concat(tag.Where(char.IsAsciiDigit).Concat("1234567")).Substring(0, 7);
        var update = await client.PutAsJsonAsync($"/api/consumers/{consumerId}", new
        {
            firstName = consumer.GetProperty("firstName").GetString(),
            lastName = consumer.GetProperty("lastName").GetString(),
            street = consumer.GetProperty("street").GetString(),
            postalCode = consumer.GetProperty("postalCode").GetString(),
            city = consumer.GetProperty("city").GetString(),
            email,
            phone,
            version = consumer.GetProperty("version").GetInt64(),
        });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        var stored = (await update.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString()!;

        var markers = new[] { $"Yhteydenotto-{tag}", $"Palaute-{tag}", $"Lisätieto-{tag}", $"/sivu-{tag}" };
        await PostAsync(client, $"/api/subjects/{subjectId}/contact-history",
            new { channel = "Phone", direction = "Inbound", occurredAt = "2026-01-05T10:00:00Z", summary = markers[0], source = "Consumer" });
        await PostAsync(client, $"/api/subjects/{subjectId}/feedback",
            new { channel = "WebForm", text = markers[1], rating = 4, source = "Consumer" });
        await PostAsync(client, $"/api/subjects/{subjectId}/additional-info",
            new { text = markers[2], consentText = "Saa tallentaa", consentVersion = "info-2026-01", source = "Consumer" });
        await client.GiveWebConsentAsync(subjectId);
        await PostAsync(client, "/api/web-events", new { subjectId, kind = "PageView", path = markers[3], source = "OwnSystems" });
        await PostAsync(client, $"/api/subjects/{subjectId}/marketing-consents",
            new { channel = "Email", purpose = "sales_and_marketing", kind = "Prohibition", source = "Consumer" });
        Assert.NotEmpty(await WhereIsAsync(markers[0]));
        return new Person(subjectId, consumerId, email, stored, markers);
    }

    private static readonly HashSet<Guid> Taken = [];

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Every text column of every table (audit trail and staff tables included) that contains the value.</summary>
    private async Task<List<string>> WhereIsAsync(string value)
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<RegisterDbContext>().GetService<IDesignTimeModel>().Model;
        var found = new List<string>();
        var needle = value.ToLowerInvariant().Replace("'", "''", StringComparison.Ordinal);
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                var column = property.GetColumnName();
                var n = await app.Database.ScalarAsync(
                    $"SELECT COUNT(*) FROM \"{entity.GetTableName()}\" WHERE LOWER(\"{column}\") LIKE '%{needle}%'");
                if (Convert.ToInt64(n, CultureInfo.InvariantCulture) > 0)
                {
                    found.Add($"{entity.GetTableName()}.{column}");
                }
            }
        }

        return found;
    }

    private async Task<string> SnapshotAsync(string s)
    {
        var parts = new List<string>();
        foreach (var table in new[] { "consumers", "contact_history", "feedback", "additional_info", "web_events", "marketing_consents",
                     "search_entries", "scrapping_certificates", "metal_credit_payouts" })
        {
            parts.Add($"{table}={await CountAsync($"SELECT COUNT(*) FROM {table} WHERE subject_id = '{s}'")}");
        }

        parts.Add($"bans={await CountAsync("SELECT COUNT(*) FROM marketing_bans")}");
        parts.Add($"limits={await CountAsync($"SELECT COUNT(*) FROM processing_limits WHERE subject_id = '{s}'")}");
        parts.Add($"email={await app.Database.ScalarAsync($"SELECT email FROM consumers WHERE subject_id = '{s}'")}");
        return string.Join(", ", parts);
    }

    private async Task<string> CountsAsync(Guid subjectId, params string[] tables)
    {
        var parts = new List<string>();
        foreach (var table in tables)
        {
            parts.Add($"{table}={await CountAsync($"SELECT COUNT(*) FROM {table} WHERE subject_id = '{Literal(subjectId)}'")}");
        }

        return string.Join(", ", parts);
    }

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql), CultureInfo.InvariantCulture);

    private async Task InstallFailingTriggerAsync()
    {
        if (app.Database.Provider == DatabaseProvider.Sqlite)
        {
            await app.Database.ExecuteAsync(
                "CREATE TRIGGER crash_during_erasure BEFORE DELETE ON web_events BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;");
        }
        else
        {
            await app.Database.ExecuteAsync(
                "CREATE FUNCTION crash_during_erasure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ LANGUAGE plpgsql; "
                + "CREATE TRIGGER crash_during_erasure BEFORE DELETE ON web_events FOR EACH ROW EXECUTE FUNCTION crash_during_erasure();");
        }
    }

    private async Task DropFailingTriggerAsync()
    {
        await app.Database.ExecuteAsync(app.Database.Provider == DatabaseProvider.Sqlite
            ? "DROP TRIGGER crash_during_erasure"
            : "DROP TRIGGER crash_during_erasure ON web_events; DROP FUNCTION crash_during_erasure();");
    }

    private string Literal(Guid id) => app.Database.Provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle.ToLowerInvariant())) >= 0;
}
