using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register on a movable clock with small sweep batches and no scheduled sweep, for the retention rules.</summary>
public sealed class RetentionClockFactory : ClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Retention:BatchSize", "10");
        builder.UseSetting("Retention:SweepEnabled", "false");
    }

    /// <summary>A data-protection officer (with billing) signed in now: tokens expire as the clock moves.</summary>
    public async Task<HttpClient> DpoAsync() => (await CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing)).Client;

    public async Task<JsonElement> SweepAsync()
    {
        var response = await (await DpoAsync()).PostAsJsonAsync("/api/retention/run", new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await Database.ScalarAsync(sql), CultureInfo.InvariantCulture);

    public string Literal(Guid id) => Database.Provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Issue 11: every person has a lawful end date, counted in Helsinki days, and holds mean what they say.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RetentionLawTests(RetentionClockFactory app) : IClassFixture<RetentionClockFactory>
{
    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<(Guid ConsumerId, Guid SubjectId)> ConsumerAsync(HttpClient client, string tag, string? phone = null)
    {
        var consumer = await client.CreateConsumerAsync(new
        {
            firstName = "Laila",
            lastName = "Laskullinen" + tag,
            email = $"laila.{tag}@example.fi",
            phone,
            street = "Laskutie 2",
            postalCode = "15100",
            city = "Lahti",
            source = "Consumer",
        });
        return (consumer.GetProperty("id").GetGuid(), consumer.GetProperty("subjectId").GetGuid());
    }

    private static object Invoice(Guid consumerId, DateOnly issued) => new
    {
        consumerId,
        invoiceNumber = "INV-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
        issueDate = RetentionClockFactory.Iso(issued),
        dueDate = RetentionClockFactory.Iso(issued.AddDays(14)),
        amount = 120.50m,
        source = "OwnSystems",
    };

    private static async Task<JsonElement> StatusAsync(HttpClient client, Guid subjectId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/retention");

    private static DateOnly? DueOf(JsonElement status) =>
        status.GetProperty("dueDate").ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(status.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);

    private static List<string> HeldOf(JsonElement status) => [.. status.GetProperty("heldBecause").EnumerateArray().Select(e => e.GetString()!)];

    private Task<long> NamedConsumersAsync(Guid consumerId) =>
        app.CountAsync($"SELECT COUNT(*) FROM consumers WHERE id = '{app.Literal(consumerId)}' AND last_name <> ''");

    [Fact]
    public async Task AConsumerWithOnlyInvoicesIsPurgedTheProfilePeriodAfterTheLastOneOnTheDayAfterTheDueDate()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag);
        var issued = app.Today;
        var invoice = await PostOkAsync(dpo.Client, "/api/invoices", Invoice(consumerId, issued.AddDays(-10)));
        await PostOkAsync(dpo.Client, "/api/invoices", Invoice(consumerId, issued));

        // No relationship record: the cooperation ended with the last invoice, and the profile is kept 24 months from it.
        var status = await StatusAsync(dpo.Client, subjectId);
        Assert.Equal("customer-profile", status.GetProperty("rule").GetString());
        Assert.Equal(issued.AddMonths(24), DueOf(status));
        Assert.Empty(HeldOf(status));

        // The due date is the last day the profile is kept: a sweep late that day keeps it, the next day's removes it.
        var due = DueOf(status)!.Value;
        app.MoveTo(due, hour: 23);
        await app.SweepAsync();
        Assert.Equal(1L, await NamedConsumersAsync(consumerId));

        app.MoveTo(due.AddDays(1), hour: 0);
        await app.SweepAsync();
        Assert.Equal(0L, await NamedConsumersAsync(consumerId));
        Assert.NotEqual(JsonValueKind.Null, (await StatusAsync(await app.DpoAsync(), subjectId)).GetProperty("purgedAt").ValueKind);

        // The vouchers stay for their own (accounting) period.
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM invoices WHERE id = '{app.Literal(invoice.GetProperty("id").GetGuid())}'"));
    }

    [Fact]
    public async Task ARelationshipAnInvoiceRestsOnStaysWithTheInvoiceWhileOneWithoutLeavesWithTheProfile()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag);
        var (otherId, _) = await ConsumerAsync(dpo.Client, tag + "x");
        var ended = app.Today;
        async Task<Guid> RelationshipAsync() => (await PostOkAsync(dpo.Client, "/api/relationships", new
        {
            subjectId,
            customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            startDate = RetentionClockFactory.Iso(ended.AddYears(-1)),
            endDate = RetentionClockFactory.Iso(ended),
            source = "OwnSystems",
        })).GetProperty("id").GetGuid();
        var billed = await RelationshipAsync();
        var plain = await RelationshipAsync();
        await PostOkAsync(dpo.Client, $"/api/relationships/{plain}/contracts", new
        {
            contractNumber = "S-" + tag,
            title = "Jäteastian tyhjennys",
            startDate = RetentionClockFactory.Iso(ended.AddYears(-1)),
            endDate = RetentionClockFactory.Iso(ended),
        });

        // An invoice may name only a relationship of the customer it bills.
        var foreign = await dpo.Client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId = otherId,
            invoiceNumber = "R-" + tag + "X",
            issueDate = RetentionClockFactory.Iso(ended),
            dueDate = RetentionClockFactory.Iso(ended),
            amount = 10m,
            source = "OwnSystems",
            relationshipId = billed,
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(foreign)).TryGetProperty("relationshipId", out _));
        var invoice = await PostOkAsync(dpo.Client, "/api/invoices", new
        {
            consumerId,
            invoiceNumber = "R-" + tag,
            issueDate = RetentionClockFactory.Iso(ended),
            dueDate = RetentionClockFactory.Iso(ended),
            amount = 10m,
            source = "OwnSystems",
            relationshipId = billed,
        });
        Assert.Equal(billed, invoice.GetProperty("relationshipId").GetGuid());

        Task<long> Rows(Guid id) => app.CountAsync($"SELECT COUNT(*) FROM customer_relationships WHERE id = '{app.Literal(id)}' AND customer_number <> ''");

        // The profile goes on its date: the relationship no voucher rests on (and its contract) with it, the billed one stays whole.
        app.MoveTo(ended.AddMonths(24).AddDays(1));
        await app.SweepAsync();
        Assert.Equal(0L, await NamedConsumersAsync(consumerId));
        Assert.Equal(0L, await Rows(plain));
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM contracts WHERE relationship_id = '{app.Literal(plain)}'"));
        Assert.Equal(1L, await Rows(billed));

        // When the invoice's own period ends, the relationship goes in the same run, and a second run finds nothing more.
        app.MoveTo(new DateOnly(ended.Year + 7, 1, 1));
        await app.SweepAsync();
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM invoices WHERE id = '{app.Literal(invoice.GetProperty("id").GetGuid())}'"));
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM customer_relationships WHERE id = '{app.Literal(billed)}'"));
        Assert.Equal(0L, (await app.SweepAsync()).GetProperty("deleted").GetInt64());
    }

    [Fact]
    public async Task AContactPersonWhoseRoleEndedIsPurgedWhileTheOrganisationStaysACustomer()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organisation = await dpo.Client.CreateOrganisationAsync(new { name = "Kierrätys " + tag + " Oy", source = "PublicSources" });
        var organisationId = organisation.GetProperty("id").GetGuid();
        await PostOkAsync(dpo.Client, "/api/relationships", new
        {
            organisationId,
            customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            startDate = RetentionClockFactory.Iso(app.Today.AddYears(-3)),
            source = "OwnSystems",
        });
        var left = await PostOkAsync(dpo.Client, $"/api/organisations/{organisationId}/contacts",
            new { firstName = "Lähtenyt", lastName = "Yhteyshenkilö" + tag, email = $"lahtenyt.{tag}@example.fi", source = "CustomerOrganisation" });
        var stays = await PostOkAsync(dpo.Client, $"/api/organisations/{organisationId}/contacts",
            new { firstName = "Jatkava", lastName = "Yhteyshenkilö" + tag, source = "CustomerOrganisation" });

        // A role cannot end in the future.
        var future = await dpo.Client.PutAsJsonAsync($"/api/contacts/{left.GetProperty("id").GetGuid()}", new
        {
            firstName = "Lähtenyt",
            lastName = "Yhteyshenkilö" + tag,
            roleEndedOn = RetentionClockFactory.Iso(app.Today.AddDays(3)),
            version = left.GetProperty("version").GetInt64(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(future)).TryGetProperty("roleEndedOn", out _));

        var ended = app.Today;
        var update = await dpo.Client.PutAsJsonAsync($"/api/contacts/{left.GetProperty("id").GetGuid()}", new
        {
            firstName = "Lähtenyt",
            lastName = "Yhteyshenkilö" + tag,
            email = $"lahtenyt.{tag}@example.fi",
            roleEndedOn = RetentionClockFactory.Iso(ended),
            version = left.GetProperty("version").GetInt64(),
        });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());

        var leftSubject = left.GetProperty("subjectId").GetGuid();
        var staysSubject = stays.GetProperty("subjectId").GetGuid();
        Assert.Equal(ended.AddMonths(24), DueOf(await StatusAsync(dpo.Client, leftSubject)));
        var staying = await StatusAsync(dpo.Client, staysSubject);
        Assert.Null(DueOf(staying));
        Assert.Contains("organisation-relationship-in-force", HeldOf(staying));

        app.MoveTo(ended.AddMonths(24).AddDays(1));
        await app.SweepAsync();
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM contact_persons WHERE subject_id = '{app.Literal(leftSubject)}' AND last_name <> ''"));
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM contact_persons WHERE subject_id = '{app.Literal(staysSubject)}' AND last_name <> ''"));
    }

    [Fact]
    public async Task ALegalClaimsRestrictionKeepsADueProfileAndThePreviewSaysWhy()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag);
        var ended = app.Today;
        await PostOkAsync(dpo.Client, "/api/relationships", new
        {
            subjectId,
            customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            startDate = RetentionClockFactory.Iso(ended.AddYears(-2)),
            endDate = RetentionClockFactory.Iso(ended),
            source = "OwnSystems",
        });
        Assert.Equal(ended.AddMonths(24), DueOf(await StatusAsync(dpo.Client, subjectId)));

        // Art 18(1)(c): the person needs the data for legal claims, though we no longer do.
        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(request, "start", new { });
        await dpo.Client.StepAsync(request, "restrict", new { ground = "NeededForLegalClaims" });
        var status = await StatusAsync(dpo.Client, subjectId);
        Assert.Contains("legal-claims-restriction", HeldOf(status));

        app.MoveTo(ended.AddMonths(24).AddDays(1));
        var preview = await (await app.DpoAsync()).GetFromJsonAsync<JsonElement>($"/api/retention/preview?asOf={RetentionClockFactory.Iso(app.Today)}");
        Assert.Contains(preview.GetProperty("lines").EnumerateArray(), l => l.GetProperty("rule").GetString() == "held"
            && l.GetProperty("reason").GetString()!.StartsWith("legal-claims", StringComparison.Ordinal) && l.GetProperty("held").GetInt64() >= 1);
        await app.SweepAsync();
        Assert.Equal(1L, await NamedConsumersAsync(consumerId));
    }

    [Fact]
    public async Task AnOpenCollectionCaseKeepsTheInvoiceButLetsACallRecordingGoAfterItsTwoMonths()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var admin = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = "+35840" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag, phone);
        var calledAt = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        var start = HelsinkiTime.DateOf(calledAt);
        var invoice = await PostOkAsync(dpo.Client, "/api/invoices", Invoice(consumerId, start.AddDays(-30)));
        var invoiceId = invoice.GetProperty("id").GetGuid();
        await PostOkAsync(dpo.Client, "/api/collection-cases", new { invoiceIds = new[] { invoiceId }, agencyName = "Perintä Oy", source = "OwnSystems" });

        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Puhelinvaihde " + tag, permissions = new[] { Permissions.RecordingUpload } });
        var telephony = app.Anonymous();
        telephony.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName,
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(phone), "callerNumber" },
            { new StringContent("ext 204"), "agent" },
            { new StringContent(calledAt.ToString("O", CultureInfo.InvariantCulture)), "startedAt" },
            { new StringContent("60"), "durationSeconds" },
        };
        var audio = new ByteArrayContent(new byte[4096]);
        audio.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/wav");
        form.Add(audio, "file", "call.wav");
        var uploaded = await telephony.PostAsync("/api/recordings/calls", form);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var s = app.Literal(subjectId);
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM call_recordings WHERE subject_id = '{s}'"));
        Assert.Contains("collection-case", HeldOf(await StatusAsync(dpo.Client, subjectId)));

        // The day after its two months (61 or 62 days, by the months) the recording goes; the collection case does not hold it.
        app.MoveTo(start.AddMonths(2).AddDays(1));
        await app.SweepAsync();
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM call_recordings WHERE subject_id = '{s}'"));
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM invoices WHERE id = '{app.Literal(invoiceId)}'"));
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM collection_cases WHERE subject_id = '{s}' AND closed_at IS NULL"));
        Assert.Equal(1L, await NamedConsumersAsync(consumerId));
    }
}

/// <summary>Vouchers belong to the financial year of their Helsinki date.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class NewYearPaymentTests(RetentionClockFactory app) : IClassFixture<RetentionClockFactory>
{
    [Fact]
    public async Task APaymentAtHalfPastOneOnNewYearsNightInHelsinkiBelongsToTheNewYear()
    {
        var billing = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var consumer = await billing.Client.CreateConsumerAsync(new { firstName = "Uusi", lastName = "Vuosi", source = "Consumer" });
        var year = app.Today.Year;
        var invoice = await billing.Client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId = consumer.GetProperty("id").GetGuid(),
            invoiceNumber = "NY-" + Guid.NewGuid().ToString("N")[..10],
            issueDate = $"{year - 1}-12-01",
            dueDate = $"{year - 1}-12-15",
            amount = 50m,
            source = "OwnSystems",
        });
        var invoiceId = (await invoice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // 1 January 01:30 in Helsinki is still 31 December in UTC.
        var paidAt = new DateTimeOffset(year, 1, 1, 1, 30, 0, TimeSpan.FromHours(2));
        var payment = await billing.Client.PostAsJsonAsync($"/api/invoices/{invoiceId}/payments",
            new { paidAt, amount = 50m, method = "BankTransfer", source = "OwnSystems" });
        Assert.True(payment.IsSuccessStatusCode, await payment.Content.ReadAsStringAsync());
        var id = app.Literal(invoiceId);

        // Financial year = calendar year: the payment's voucher is kept to the end of year + 6.
        app.MoveTo(new DateOnly(year + 6, 12, 31), hour: 23);
        await app.SweepAsync();
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM payments WHERE invoice_id = '{id}'"));

        app.MoveTo(new DateOnly(year + 7, 1, 1), hour: 0);
        await app.SweepAsync();
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM payments WHERE invoice_id = '{id}'"));
    }
}

/// <summary>A whole seeded register: every person has an end, and one sweep leaves nothing due behind it.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RetentionSeededRegisterTests(RetentionClockFactory app) : IClassFixture<RetentionClockFactory>
{
    [Fact]
    public async Task EverySeededPersonHasADueDateOrANamedHoldAndOneSweepConverges()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "300", "--seed", "11"], app.Services, output));
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjects = new List<Guid>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
            subjects.AddRange(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Subjects.Subject>().Where(s => s.Kind != Subjects.SubjectKind.Anonymised).Select(s => s.Id)));
        }

        Assert.Equal(300, subjects.Count);
        var collection = 0;
        foreach (var subject in subjects)
        {
            var status = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subject}/retention");
            var held = status.GetProperty("heldBecause").GetArrayLength();
            Assert.True(status.GetProperty("dueDate").ValueKind != JsonValueKind.Null || held > 0, $"no end and no hold: {status}");
            collection += status.GetProperty("heldBecause").EnumerateArray().Any(h => h.GetString() == "collection-case") ? 1 : 0;
        }

        // The preview names the same holds.
        var preview = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/retention/preview");
        var line = preview.GetProperty("lines").EnumerateArray()
            .SingleOrDefault(l => l.GetProperty("reason").GetString()!.StartsWith("collection", StringComparison.Ordinal));
        Assert.Equal(collection, line.ValueKind == JsonValueKind.Undefined ? 0 : line.GetProperty("held").GetInt64());

        // Three years on, one sweep removes what is due, and a second one right after finds nothing more.
        app.MoveTo(app.Today.AddYears(3));
        var first = await app.SweepAsync();
        Assert.True(first.GetProperty("deleted").GetInt64() > 0);
        var second = await app.SweepAsync();
        Assert.Equal(0L, second.GetProperty("deleted").GetInt64());
    }
}

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
