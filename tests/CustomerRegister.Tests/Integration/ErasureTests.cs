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

[Trait(Category.Name, Category.Integration)]
public sealed class ErasureTests(RequestsFactory app) : IClassFixture<RequestsFactory>
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _done;

    /// <summary>A person with data in many categories: demo data plus items with unique markers made through the API.</summary>
    private sealed record Person(Guid SubjectId, Guid ConsumerId, string Email, string Phone, IReadOnlyList<string> Markers);

    [Fact]
    public async Task ErasureLeavesNoErasedValueAnywhereAndKeepsWhatLawRequiresRestrictedUntilItsDueDate()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await PersonAsync(dpo.Client, withVouchers: true);
        var kept = await CountsAsync(person.SubjectId, "scrapping_certificates", "metal_credit_payouts", "invoices");
        var requestId = await StartedErasureAsync(dpo.Client, person.SubjectId);

        var erased = await EraseAsync(dpo.Client, requestId);

        Assert.Equal("Completed", erased.State());
        foreach (var value in person.Markers.Append(person.Email).Append(person.Phone))
        {
            Assert.Empty(await WhereIsAsync(value));
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(value, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(kept, await CountsAsync(person.SubjectId, "scrapping_certificates", "metal_credit_payouts", "invoices"));
        var s = Literal(person.SubjectId);
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM contact_history WHERE subject_id = '{s}'"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM search_entries WHERE subject_id = '{s}'"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE subject_id = '{s}'"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM feedback WHERE subject_id = '{s}'"));

        // The consumer row stays only as an empty shell, because kept certificates and payouts point at it.
        Assert.Equal("", await app.Database.ScalarAsync($"SELECT first_name FROM consumers WHERE id = '{Literal(person.ConsumerId)}'"));
        Assert.True(await app.Database.ScalarAsync($"SELECT bank_account_cipher FROM consumers WHERE id = '{Literal(person.ConsumerId)}'") is null or DBNull);

        // The certificate: what went, what stays until when and why — and no value.
        var response = await dpo.Client.GetAsync($"/api/requests/{requestId}/erasure-certificate");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        var certificate = JsonDocument.Parse(json).RootElement;
        var keptTables = certificate.GetProperty("kept").EnumerateArray().ToDictionary(k => k.GetProperty("table").GetString()!);
        var certificateDue = keptTables["scrapping_certificates"].GetProperty("dueDate").GetString();
        var latestIssue = await app.Database.ScalarAsync($"SELECT MAX(issue_date) FROM scrapping_certificates WHERE subject_id = '{s}'");
        var issued = latestIssue is DateOnly d ? d : DateOnly.FromDateTime(Convert.ToDateTime(latestIssue, CultureInfo.InvariantCulture));
        Assert.Equal(issued.AddYears(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), certificateDue);
        Assert.Contains(certificate.GetProperty("notify").EnumerateArray(), n => n.GetProperty("recipient").GetString()!.Length > 0);
        Assert.Contains("Jätelaki", keptTables["scrapping_certificates"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("-12-31", keptTables["metal_credit_payouts"].GetProperty("dueDate").GetString(), StringComparison.Ordinal);
        var erasedTables = certificate.GetProperty("erased").EnumerateArray().Select(e => e.GetProperty("table").GetString()).ToList();
        Assert.Contains("contact_history", erasedTables);
        Assert.Contains("search_entries", erasedTables);
        Assert.Contains("Email", certificate.GetProperty("marketingBansKept").EnumerateArray().Select(c => c.GetString()));
        foreach (var value in person.Markers.Append(person.Email).Append(person.Phone))
        {
            Assert.DoesNotContain(value, json, StringComparison.OrdinalIgnoreCase);
        }

        // What remains is restricted: only the DPO finds the person, nobody may market to them.
        var restricted = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{person.SubjectId}/processing-limits");
        Assert.Contains(restricted.EnumerateArray(), l => l.GetProperty("ground").GetString() == "KeptByLawAfterErasure");

        // The answer to the requester names categories and dates, never values, and states the right to complain.
        var request = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}");
        var letter = request.GetProperty("responseLetter").GetString()!;
        Assert.Contains("Tietosuojavaltuutetun toimisto, Lintulahdenkuja 4, 00530 Helsinki; PL 800, 00531 Helsinki", letter, StringComparison.Ordinal);
        Assert.Contains("https://tietosuoja.fi", letter, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, letter, StringComparison.OrdinalIgnoreCase);

        // Nothing of the erased values is readable in the SQLite file, free pages and write-ahead log included.
        if (app.Database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = await File.ReadAllBytesAsync(app.Database.SqliteFile!);
            var wal = app.Database.SqliteFile + "-wal";
            var walBytes = File.Exists(wal) ? await File.ReadAllBytesAsync(wal) : [];
            foreach (var value in person.Markers.Append(person.Email))
            {
                Assert.False(Contains(file, value), $"{value} is still readable in the database file");
                Assert.False(Contains(walBytes, value), $"{value} is still readable in the write-ahead log");
            }
        }
    }

    [Fact]
    public async Task TheDryRunForetellsTheCertificateTableByTableAndWritesNothing()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await PersonAsync(dpo.Client, withVouchers: true);
        var requestId = await StartedErasureAsync(dpo.Client, person.SubjectId);
        var s = Literal(person.SubjectId);
        async Task<string> StateAsync() => $"{await SnapshotAsync(s)}, audit={await CountAsync("SELECT COUNT(*) FROM audit_events")}, "
                                            + $"actions={await CountAsync("SELECT COUNT(*) FROM request_actions")}";
        var before = await StateAsync();

        var response = await dpo.Client.GetAsync($"/api/requests/{requestId}/erasure-preview");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var preview = JsonDocument.Parse(body).RootElement;

        Assert.Equal(before, await StateAsync());
        Assert.Null(preview.GetProperty("refusal").GetString());
        foreach (var value in person.Markers.Append(person.Email).Append(person.Phone))
        {
            Assert.DoesNotContain(value, body, StringComparison.OrdinalIgnoreCase);
        }

        await EraseAsync(dpo.Client, requestId);
        var certificate = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}/erasure-certificate");
        static string Lines(JsonElement e, string list, params string[] fields) => string.Join("\n", e.GetProperty(list).EnumerateArray()
            .Select(i => string.Join(" | ", fields.Select(f => i.GetProperty(f).ToString()))).Order(StringComparer.Ordinal));
        Assert.Equal(Lines(certificate, "erased", "table", "action", "count", "categories"), Lines(preview, "erased", "table", "action", "count", "categories"));
        Assert.Equal(Lines(certificate, "kept", "table", "count", "reason", "dueDate", "dueNote", "emptiedCategories"),
            Lines(preview, "kept", "table", "count", "reason", "dueDate", "dueNote", "emptiedCategories"));
        Assert.Equal(certificate.GetProperty("marketingBansKept").ToString(), preview.GetProperty("marketingBansKept").ToString());
        Assert.Contains(preview.GetProperty("erased").EnumerateArray(), e => e.GetProperty("action").GetString() == "emptied");

        // Once erased there is nothing left to foretell; an unknown request is not found.
        Assert.Equal(HttpStatusCode.Conflict, (await dpo.Client.GetAsync($"/api/requests/{requestId}/erasure-preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.GetAsync($"/api/requests/{Guid.NewGuid()}/erasure-preview")).StatusCode);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync($"/api/requests/{requestId}/erasure-preview")).StatusCode);
    }

    [Fact]
    public async Task AMarketingBanSurvivesErasureAsAKeyedHashAndCatchesTheSameAddressLater()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await PersonAsync(dpo.Client, withVouchers: false);
        var requestId = await StartedErasureAsync(dpo.Client, person.SubjectId);
        var bans = await CountAsync("SELECT COUNT(*) FROM marketing_bans WHERE channel = 'Email'");
        await EraseAsync(dpo.Client, requestId);

        // No readable address is kept; the ban table holds only hashes.
        Assert.Empty(await WhereIsAsync(person.Email));
        Assert.Equal(bans + 1, await CountAsync("SELECT COUNT(*) FROM marketing_bans WHERE channel = 'Email'"));

        // A commercial-register import brings the same address back (another case): it is born under the prohibition.
        var again = await dpo.Client.CreateConsumerAsync(new
        {
            firstName = "Uusi",
            lastName = "Tuonti",
            email = person.Email.ToUpperInvariant(),
            source = "PublicSources",
        });
        var subjectId = again.GetProperty("subjectId").GetGuid();
        var check = await dpo.Client.GetFromJsonAsync<JsonElement>(
            $"/api/marketing/can-contact?subjectId={subjectId}&channel=Email&purpose=sales_and_marketing");
        Assert.False(check.GetProperty("allowed").GetBoolean());
        Assert.Equal("prohibited", check.GetProperty("reason").GetString());
        var ledger = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/marketing-consents");
        Assert.Equal(3, ledger.GetProperty("ledger").GetArrayLength());
        Assert.All(ledger.GetProperty("ledger").EnumerateArray(),
            e => Assert.StartsWith("marketing_ban:", e.GetProperty("evidence").GetString(), StringComparison.Ordinal));

        // An unrelated address stays free.
        var other = await dpo.Client.CreateConsumerAsync(new { firstName = "Toinen", lastName = "Henkilö", email = $"toinen.{Guid.NewGuid():N}@example.fi", source = "Consumer" });
        var otherLedger = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{other.GetProperty("subjectId").GetGuid()}/marketing-consents");
        Assert.Equal(0, otherLedger.GetProperty("ledger").GetArrayLength());
    }

    [Fact]
    public async Task AnErasureThatFailsMidwayLeavesEverythingAsItWasAndCanBeRerun()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await PersonAsync(dpo.Client, withVouchers: false);
        var requestId = await StartedErasureAsync(dpo.Client, person.SubjectId);
        var s = Literal(person.SubjectId);
        var before = await SnapshotAsync(s);

        // A real failure inside the database on one of the last tables the erasure reaches (web events), as a crash would.
        await InstallFailingTriggerAsync();
        try
        {
            var failed = await dpo.Client.PostAsJsonAsync($"/api/requests/{requestId}/erase", new { });
            Assert.False(failed.IsSuccessStatusCode);
        }
        finally
        {
            await DropFailingTriggerAsync();
        }

        Assert.Equal(before, await SnapshotAsync(s));
        Assert.NotEmpty(await WhereIsAsync(person.Email));
        var request = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}");
        Assert.Equal("InProgress", request.State());
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM erasure_certificates WHERE request_id = '{Literal(requestId)}'"));

        var rerun = await EraseAsync(dpo.Client, requestId);
        Assert.Equal("Completed", rerun.State());
        Assert.Empty(await WhereIsAsync(person.Email));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM web_events WHERE subject_id = '{s}'"));
    }

    [Fact]
    public async Task ErasureWaitsForIdentityVerificationAndIsForTheDpoOnly()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = (await dpo.Client.CreateConsumerAsync(new { firstName = "Vielä", lastName = "Tässä", source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Erasure"))).Id();
        await dpo.Client.StepAsync(id, "match", new { subjectId });

        var early = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/erase", new { });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(early)).TryGetProperty("state", out _));

        var access = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Access", subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(access, "verify-identity", new { method = "StrongElectronicIdentification" });
        await dpo.Client.StepAsync(access, "start", new { });
        Assert.Equal(HttpStatusCode.Conflict, (await dpo.Client.PostAsJsonAsync($"/api/requests/{access}/erase", new { })).StatusCode);

        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync($"/api/requests/{id}/erase", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.PostAsJsonAsync($"/api/requests/{Guid.NewGuid()}/erase", new { })).StatusCode);
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM consumers WHERE subject_id = '{Literal(subjectId)}' AND first_name = 'Vielä'"));
    }

    [Fact]
    public async Task AnOpenCollectionCaseKeepsTheNameAndAddressItNeedsAndNothingElse()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        await SeedAsync();
        var subject = await app.Database.ScalarAsync(
            "SELECT c.subject_id FROM consumers c WHERE c.email IS NOT NULL AND c.street IS NOT NULL AND EXISTS (SELECT 1 FROM collection_cases k "
            + "WHERE k.subject_id = c.subject_id AND k.closed_at IS NULL) ORDER BY c.id LIMIT 1");
        Assert.NotNull(subject);
        var subjectId = Guid.Parse(subject.ToString()!);
        var s = Literal(subjectId);
        var name = (string)(await app.Database.ScalarAsync($"SELECT last_name FROM consumers WHERE subject_id = '{s}'"))!;
        var email = (string)(await app.Database.ScalarAsync($"SELECT email FROM consumers WHERE subject_id = '{s}'"))!;

        await EraseAsync(dpo.Client, await StartedErasureAsync(dpo.Client, subjectId));

        Assert.Equal(name, await app.Database.ScalarAsync($"SELECT last_name FROM consumers WHERE subject_id = '{s}'"));
        Assert.NotNull(await app.Database.ScalarAsync($"SELECT street FROM consumers WHERE subject_id = '{s}'"));
        Assert.True(await app.Database.ScalarAsync($"SELECT email FROM consumers WHERE subject_id = '{s}'") is null or DBNull);
        Assert.DoesNotContain("consumers.email", await WhereIsAsync(email));
    }

    [Fact]
    public async Task ARelationshipAnInvoiceRestsOnIsKeptWholeAndNamedOnTheCertificateWhileOneWithoutIsErased()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var consumer = await dpo.Client.CreateConsumerAsync(new { firstName = "Pyytäjä", lastName = "Poistettava" + tag, source = "Consumer" });
        var (consumerId, subjectId) = (consumer.GetProperty("id").GetGuid(), consumer.GetProperty("subjectId").GetGuid());
        async Task<Guid> RelationshipAsync()
        {
            var response = await dpo.Client.PostAsJsonAsync("/api/relationships", new
            {
                subjectId,
                customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                startDate = "2024-01-01",
                endDate = "2025-06-30",
                source = "OwnSystems",
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var billed = await RelationshipAsync();
        var plain = await RelationshipAsync();
        var invoice = await dpo.Client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId,
            invoiceNumber = "E-" + tag,
            issueDate = "2025-06-01",
            dueDate = "2025-06-15",
            amount = 42m,
            source = "OwnSystems",
            relationshipId = billed,
        });
        Assert.True(invoice.IsSuccessStatusCode, await invoice.Content.ReadAsStringAsync());

        var requestId = await StartedErasureAsync(dpo.Client, subjectId);
        await EraseAsync(dpo.Client, requestId);

        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM customer_relationships WHERE id = '{Literal(billed)}' AND customer_number <> ''"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM customer_relationships WHERE id = '{Literal(plain)}'"));
        var certificate = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}/erasure-certificate");
        var kept = certificate.GetProperty("kept").EnumerateArray().Single(k => k.GetProperty("table").GetString() == "customer_relationships");
        Assert.Equal(1, kept.GetProperty("count").GetInt32());
        Assert.Contains("voucher", kept.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Erases; on failure the message carries the server's logged error (ids and categories only, never values).</summary>
    private async Task<JsonElement> EraseAsync(HttpClient client, Guid requestId)
    {
        var response = await client.PostAsJsonAsync($"/api/requests/{requestId}/erase", new { });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"erase: {(int)response.StatusCode} {body}\n{string.Join("\n", app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(2))}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<Guid> StartedErasureAsync(HttpClient client, Guid subjectId)
    {
        var id = (await client.CreateRequestAsync(new
        {
            type = "Erasure",
            channel = "Phone",
            requesterName = "Soittaja",
            text = "Poistakaa tietoni.",
        })).Id();
        await client.StepAsync(id, "match", new { subjectId });
        await client.StepAsync(id, "verify-identity", new { method = "StrongElectronicIdentification" });
        await client.StepAsync(id, "start", new { });
        return id;
    }

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
