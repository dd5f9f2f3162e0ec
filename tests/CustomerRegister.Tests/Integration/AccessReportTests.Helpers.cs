using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Cli;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>The access-report tests' people, requests and readers of PDF and letter text.</summary>
public sealed partial class AccessReportTests
{
    /// <summary>
    /// The first seeded person with a bank account and a payout, the next ones by skip, given a scrapping certificate
    /// issued today (so that it still holds the identity code) with the owner's nationality SE.
    /// </summary>
    private async Task<Person> PersonAsync(int skip = 0)
    {
        await Seeded.WaitAsync();
        try
        {
            if (!_done || await app.Database.ScalarAsync("SELECT COUNT(*) FROM subjects") is 0L or 0)
            {
                Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "200", "--seed", "3"], app.Services, new StringWriter()));
                _done = true;
            }
        }
        finally
        {
            Seeded.Release();
        }

        var consumer = await app.Database.ScalarAsync(
            "SELECT c.id FROM consumers c WHERE c.bank_account_masked IS NOT NULL "
            + $"AND EXISTS (SELECT 1 FROM metal_credit_payouts p WHERE p.subject_id = c.subject_id) ORDER BY c.id LIMIT 1 OFFSET {skip}");
        Assert.True(consumer is not null, $"{await app.Database.ScalarAsync("SELECT COUNT(*) FROM scrapping_certificates")} certs, "
            + $"{await app.Database.ScalarAsync("SELECT COUNT(*) FROM metal_credit_payouts")} payouts, "
            + $"{await app.Database.ScalarAsync("SELECT COUNT(*) FROM consumers WHERE bank_account_masked IS NOT NULL")} accounts");
        var consumerId = Guid.Parse(consumer.ToString()!);
        var subjectId = Guid.Parse((await app.Database.ScalarAsync($"SELECT subject_id FROM consumers WHERE id = '{Literal(consumerId)}'"))!.ToString()!);

        // A certificate issued today through the API: seeded ones older than the period keep no identity code.
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var issued = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates", new
        {
            certificateNumber = "RT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            issueDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            registrationNumber = "ZX" + Random.Shared.Next(100, 999) + "-" + Random.Shared.Next(100, 999),
            vin = "WVWZZZ1JZXW000001",
            make = "Volkswagen",
            model = "Golf",
            vehicleClass = "M1",
            consumerId,
            identityCode = Finnish.PersonalIdentityCode.Create(new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20000)), Random.Shared.Next(2, 900)).Value,
            nationality = "SE",
            source = "Consumer",
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var certificate = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var payout = Guid.Parse((await app.Database.ScalarAsync(
            $"SELECT id FROM metal_credit_payouts WHERE subject_id = '{Literal(subjectId)}' ORDER BY id LIMIT 1"))!.ToString()!);
        return new Person(consumerId, subjectId, certificate, payout);
    }

    private async Task<Dictionary<string, long>> ExpectedRowsAsync(Guid subjectId, Guid reportedRequest)
    {
        // The report's own log entry is written after the report was built.
        var s = Literal(subjectId);
        var counts = new Dictionary<string, long>();
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<RegisterDbContext>().GetService<IDesignTimeModel>().Model;
        var tables = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.FindAnnotation(CatalogModelExtensions.OutsideRegisterAnnotation) is null
                && e.GetProperties().Any(p => p.GetColumnName() == "subject_id"))
            .Select(e => e.GetTableName()!).Where(t => t != "search_entries").Distinct();
        foreach (var table in tables)
        {
            await Add(table, $"SELECT COUNT(*) FROM {table} WHERE subject_id = '{s}'");
        }

        var relationships = $"SELECT id FROM customer_relationships WHERE subject_id = '{s}'";
        var services = $"SELECT id FROM ordered_services WHERE relationship_id IN ({relationships}) "
            + $"OR contract_id IN (SELECT id FROM contracts WHERE relationship_id IN ({relationships}))";
        await Add("contracts", $"SELECT COUNT(*) FROM contracts WHERE relationship_id IN ({relationships})");
        await Add("ordered_services", $"SELECT COUNT(*) FROM ordered_services WHERE id IN ({services})");
        await Add("service_events", $"SELECT COUNT(*) FROM service_events WHERE service_id IN ({services}) "
            + $"OR contact_person_id IN (SELECT id FROM contact_persons WHERE subject_id = '{s}')");
        await Add("request_actions", $"SELECT COUNT(*) FROM request_actions WHERE NOT (action = 'access_report_generated' AND request_id = '{Literal(reportedRequest)}') AND request_id IN (SELECT id FROM data_subject_requests WHERE subject_id = '{s}')");
        return counts;

        async Task Add(string table, string sql)
        {
            var n = Convert.ToInt64(await app.Database.ScalarAsync(sql), CultureInfo.InvariantCulture);
            if (n > 0)
            {
                counts[table] = n;
            }
        }
    }

    private static (string Text, int Pages) PdfText(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "not a PDF");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.All(pages, p => Assert.InRange(p.Width, 594, 597));
        return (string.Join("\n", pages.Select(p => p.Text)), pages.Count);
    }

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static string Flat(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");

    /// <summary>
    /// The letter speaks to a lay reader: no table or column names, enum names, configuration keys, UTC or ISO times and no
    /// E.164 phone numbers — the technical detail is only in the JSON (<paramref name="json"/>); dates in Finnish form.
    /// </summary>
    private static void AssertPlain(string letter, JsonElement json)
    {
        var items = json.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray()).ToList();
        var tables = items.Select(i => i.GetProperty("table").GetString()!).Distinct().ToList();
        var columns = items.SelectMany(i => i.GetProperty("fields").EnumerateArray()).Select(f => f.GetProperty("name").GetString()!)
            .Where(n => n.Contains('_', StringComparison.Ordinal)).Distinct().ToList();
        Assert.Contains("first_name", columns);
        Assert.All(tables.Concat(columns), name => Assert.DoesNotContain(name, letter, StringComparison.Ordinal));
        var sources = items.Select(i => i.GetProperty("source")).Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).Distinct();
        Assert.All(sources.Append(nameof(DataSource.OwnSystems)), source => Assert.DoesNotContain(source, letter, StringComparison.Ordinal));
        Assert.DoesNotMatch(@"[A-Z][A-Za-z]+:[A-Z][A-Za-z]+", letter);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", letter);
        Assert.DoesNotContain("UTC", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", letter, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\+358\d", letter);
        Assert.Matches(@"\b\d{1,2}\.\d{1,2}\.20\d\d\b", letter);
    }

    private string Literal(Guid id) => app.Database.Provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    private static async Task<string> RevealAsync(HttpClient client, string url, string purpose, string property)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Purpose", purpose);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty(property).GetString()!;
    }

    private static async Task<Guid> VerifiedRequestAsync(HttpClient client, Guid subjectId)
    {
        var id = (await client.CreateRequestAsync(RequestData.Intake(type: "Portability"))).Id();
        await client.StepAsync(id, "match", new { subjectId });
        await client.StepAsync(id, "verify-identity", new { method = "StrongElectronicIdentification" });
        return id;
    }
}
