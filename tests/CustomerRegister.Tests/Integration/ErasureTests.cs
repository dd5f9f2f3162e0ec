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
public sealed partial class ErasureTests(RequestsFactory app) : IClassFixture<RequestsFactory>
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
}
