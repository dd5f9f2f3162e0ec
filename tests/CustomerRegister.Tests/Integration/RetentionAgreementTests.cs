using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// For each rule a person's items leave by, the access report's due date, the preview and the sweep agree: the preview as
/// of the due date does not list the item and the one as of the next day does; a sweep late on the due date keeps it
/// and one early the next day removes it.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RetentionAgreementTests(RetentionClockFactory app) : IClassFixture<RetentionClockFactory>
{
    private sealed record Item(string Table, string Category, string Rule, string RowId, DateOnly Due);

    [Fact]
    public async Task TheReportThePreviewAndTheSweepAgreeOnEveryRulesLastDay()
    {
        var dpo = await app.DpoAsync();
        var admin = await app.AdminAsync();
        var phone = "+35850" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var consumer = await dpo.CreateConsumerAsync(new { firstName = "Tasa", lastName = "Päivä", phone, street = "Rajatie 1", postalCode = "00100", city = "Helsinki", source = "Consumer" });
        var consumerId = consumer.GetProperty("id").GetGuid();
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        var today = app.Today;
        async Task PostAsync(string path, object body)
        {
            var response = await dpo.PostAsJsonAsync(path, body);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        var invoice = await (await dpo.PostAsJsonAsync("/api/invoices", new
        {
            consumerId,
            invoiceNumber = "T-" + Guid.NewGuid().ToString("N")[..10],
            issueDate = RetentionClockFactory.Iso(today),
            dueDate = RetentionClockFactory.Iso(today.AddDays(14)),
            amount = 30m,
            source = "OwnSystems",
        })).Content.ReadFromJsonAsync<JsonElement>();
        await PostAsync($"/api/invoices/{invoice.GetProperty("id").GetGuid()}/payments",
            new { paidAt = app.Clock.GetUtcNow().AddMinutes(-1), amount = 30m, method = "BankTransfer", source = "OwnSystems" });
        await PostAsync("/api/metal-credits", new { consumerId, amount = 12.40m, weightKg = 31.5m, material = "Kupari", bankAccount = "FI2112345600000785", source = "Consumer" });
        await dpo.GiveWebConsentAsync(subjectId);
        await PostAsync("/api/web-events", new { subjectId, kind = "PageView", path = "/romutus", source = "OwnSystems" });

        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Vaihde " + Guid.NewGuid().ToString("N")[..6], permissions = new[] { Permissions.RecordingUpload } });
        var telephony = app.Anonymous();
        telephony.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(phone), "callerNumber" },
            { new StringContent("ext 101"), "agent" },
            { new StringContent(app.Clock.GetUtcNow().AddMinutes(-2).ToString("O", CultureInfo.InvariantCulture)), "startedAt" },
            { new StringContent("30"), "durationSeconds" },
        };
        var audio = new ByteArrayContent(new byte[2048]);
        audio.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/wav");
        form.Add(audio, "file", "call.wav");
        Assert.Equal(HttpStatusCode.Created, (await telephony.PostAsync("/api/recordings/calls", form)).StatusCode);

        // The report's due date of each item, by rule.
        var report = await dpo.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/access-report");
        var items = report.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray()
                .Where(i => i.TryGetProperty("dueDate", out var d) && d.ValueKind == JsonValueKind.String)
                .Select(i => new Item(i.GetProperty("table").GetString()!, c.GetProperty("id").GetString()!,
                    c.GetProperty("retention").GetProperty("ruleId").GetString()!, i.GetProperty("rowId").GetString()!,
                    DateOnly.Parse(i.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture))))
            .ToList();
        var rows = new Dictionary<string, Item>
        {
            ["call_recordings"] = items.Single(i => i.Table == "call_recordings"),
            ["web_events"] = items.Single(i => i.Table == "web_events"),
            ["subjects"] = items.Single(i => i.Table == "consumers" && i.Category == "contact.name"),
            ["payments"] = items.Single(i => i.Table == "payments"),
            ["metal_credit_payouts"] = items.First(i => i.Table == "metal_credit_payouts"),
        };
        Assert.Equal(today.AddMonths(2), rows["call_recordings"].Due);
        Assert.Equal(today.AddMonths(13), rows["web_events"].Due);
        Assert.Equal(today.AddMonths(24), rows["subjects"].Due);
        Assert.Equal(new DateOnly(today.Year + 6, 12, 31), rows["payments"].Due);

        async Task<long> PreviewedAsync(string table, DateOnly asOf)
        {
            var preview = await (await app.DpoAsync()).GetFromJsonAsync<JsonElement>($"/api/retention/preview?asOf={RetentionClockFactory.Iso(asOf)}");
            return preview.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("table").GetString() == table).Sum(l => l.GetProperty("due").GetInt64());
        }

        Task<long> LeftAsync(string table, Item item) => table == "subjects"
            ? app.CountAsync($"SELECT COUNT(*) FROM consumers WHERE id = '{app.Literal(consumerId)}' AND last_name <> ''")
            : app.CountAsync($"SELECT COUNT(*) FROM {table} WHERE id = '{(app.Database.Provider == DatabaseProvider.Postgres ? item.RowId : item.RowId.ToUpperInvariant())}'");

        foreach (var day in rows.GroupBy(r => r.Value.Due).OrderBy(g => g.Key))
        {
            foreach (var (table, item) in day)
            {
                Assert.Equal(0L, await PreviewedAsync(table, item.Due));
                Assert.True(await PreviewedAsync(table, item.Due.AddDays(1)) >= 1, $"{table} ({item.Rule}) not previewed the day after {item.Due}");
            }

            app.MoveTo(day.Key, hour: 23);
            await app.SweepAsync();
            foreach (var (table, item) in day)
            {
                Assert.Equal(1L, await LeftAsync(table, item));
            }

            app.MoveTo(day.Key.AddDays(1), hour: 0);
            await app.SweepAsync();
            foreach (var (table, item) in day)
            {
                Assert.Equal(0L, await LeftAsync(table, item));
            }
        }
    }
}
