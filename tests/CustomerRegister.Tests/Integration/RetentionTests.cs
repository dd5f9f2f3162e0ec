using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register on a clock that stands still unless a test moves it, with small sweep batches.</summary>
public sealed class RetentionFactory : ClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Retention:BatchSize", "10");
    }
}

[Trait(Category.Name, Category.Integration)]
public sealed class RetentionTests(RetentionFactory app) : IClassFixture<RetentionFactory>
{
    private static readonly SemaphoreSlim OneSweepAtATime = new(1, 1);

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private string Today(int addDays = 0) => Iso(app.Today.AddDays(addDays));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Sql(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<(Guid ConsumerId, Guid SubjectId)> ConsumerAsync(HttpClient client, string tag)
    {
        var consumer = await client.CreateConsumerAsync(new
        {
            firstName = "Entinen",
            lastName = "Asiakas" + tag,
            email = $"entinen.{tag}@example.fi",
            street = "Vanhatie 1",
            postalCode = "33100",
            city = "Tampere",
            source = "Consumer",
        });
        return (consumer.GetProperty("id").GetGuid(), consumer.GetProperty("subjectId").GetGuid());
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> SweepAsync(HttpClient client)
    {
        await OneSweepAtATime.WaitAsync();
        try
        {
            return await PostOkAsync(client, "/api/retention/run", new { });
        }
        finally
        {
            OneSweepAtATime.Release();
        }
    }

    [Fact]
    public async Task AFormerCustomersInvoicesStayUntilTheirVoucherDateWhileTheProfileGoesAtItsOwn()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag);
        var relationship = await PostOkAsync(dpo.Client, "/api/relationships",
            new { subjectId, customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), startDate = Iso(app.Today.AddYears(-11)), source = "OwnSystems" });
        await PostOkAsync(dpo.Client, $"/api/subjects/{subjectId}/contact-history",
            new { channel = "Phone", direction = "Inbound", occurredAt = Now.AddMonths(-35).ToString("O", CultureInfo.InvariantCulture), summary = "Sopimuksen päättäminen " + tag, source = "Consumer" });
        var recentIssued = app.Today.AddMonths(-30);
        var oldIssued = app.Today.AddYears(-8);
        var recent = await PostOkAsync(dpo.Client, "/api/invoices", Invoice(consumerId, Iso(recentIssued)));
        var old = await PostOkAsync(dpo.Client, "/api/invoices", Invoice(consumerId, Iso(oldIssued)));

        // Cooperation ended 25 months ago (the profile period is 24); the old invoice's financial year ended eight years
        // ago (kept six years from the end of that calendar year), the recent one's three years ago at most.
        var s = Literal(subjectId);
        var ended = Iso(app.Today.AddMonths(-25));
        await app.Database.ExecuteAsync($"UPDATE customer_relationships SET end_date = '{ended}', status = 'Ended' WHERE id = '{Literal(relationship.GetProperty("id").GetGuid())}'");
        await app.Database.ExecuteAsync($"UPDATE invoices SET financial_year_end = '{Iso(new DateOnly(oldIssued.Year, 12, 31))}' WHERE id = '{Literal(old.GetProperty("id").GetGuid())}'");
        await app.Database.ExecuteAsync($"UPDATE invoices SET financial_year_end = '{Iso(new DateOnly(recentIssued.Year, 12, 31))}' WHERE id = '{Literal(recent.GetProperty("id").GetGuid())}'");

        var preview = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/retention/preview?asOf={Today()}");
        var lines = preview.GetProperty("lines").EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("table").GetString() == "invoices" && l.GetProperty("rule").GetString() == "accounting-voucher"
            && l.GetProperty("reason").GetString()!.Contains("Kirjanpitolaki", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.GetProperty("rule").GetString() == "customer-profile" && l.GetProperty("due").GetInt64() >= 1);

        var run = await SweepAsync(dpo.Client);
        Assert.True(run.GetProperty("swept").GetBoolean());

        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM contact_history WHERE subject_id = '{s}'"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM search_entries WHERE subject_id = '{s}'"));
        Assert.True(await CountAsync("SELECT COALESCE(SUM(\"count\"), 0) FROM retention_run_counts WHERE table_name = 'search_entries' "
            + $"AND action = 'deleted' AND rule = 'customer-profile' AND run_id = '{Literal(run.GetProperty("runId").GetGuid())}'") >= 3);
        if (app.Database.Provider == DatabaseProvider.Postgres)
        {
            // The sweep deleted from the search index one partition at a time (Data/Migrations/HandWrittenSql.cs, ADR 6).
            Assert.Equal(8L, await CountAsync("SELECT COUNT(*) FROM pg_inherits WHERE inhparent = 'search_entries'::regclass"));
        }

        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM consumers WHERE id = '{Literal(consumerId)}' AND last_name <> ''"));

        // The voucher stays whole — its own copy of the billing name and address, still the person's (subject key).
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM invoices WHERE id = '{Literal(recent.GetProperty("id").GetGuid())}' "
            + $"AND subject_id = '{s}' AND billing_name <> ''"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM invoices WHERE id = '{Literal(old.GetProperty("id").GetGuid())}'"));

        // The relationship is profile data (no voucher refers to it): it left with the profile, not after six years.
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM customer_relationships WHERE subject_id = '{s}'"));

        // The deletion log: counts per table, category and rule, never values.
        var runs = await dpo.Client.GetStringAsync("/api/retention/runs");
        Assert.Contains("customer-profile", runs, StringComparison.Ordinal);
        Assert.Contains("accounting-voucher", runs, StringComparison.Ordinal);
        Assert.DoesNotContain(tag, runs, StringComparison.Ordinal);

        // A second sweep finds nothing more of this person.
        await SweepAsync(dpo.Client);
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM retention_purged_subjects WHERE subject_id = '{s}'"));
    }

    [Fact]
    public async Task WebEventsGoAfterThirteenMonthsAndAHeldPersonIsSkippedAndReportedUntilReleased()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, held) = await ConsumerAsync(dpo.Client, tag + "h");
        var (_, free) = await ConsumerAsync(dpo.Client, tag + "f");
        foreach (var subject in new[] { held, free })
        {
            await dpo.Client.GiveWebConsentAsync(subject);
            await PostOkAsync(dpo.Client, "/api/web-events", new { subjectId = subject, kind = "PageView", path = "/vanha-" + tag, source = "OwnSystems" });
            await PostOkAsync(dpo.Client, "/api/web-events", new { subjectId = subject, kind = "PageView", path = "/uusi-" + tag, source = "OwnSystems" });
        }

        // Kept through the Helsinki day thirteen months after the event: one day more is past it.
        var thirteenMonths = Sql(Now.AddMonths(-13).AddDays(-2));
        var twelveMonths = Sql(Now.AddMonths(-12));
        await app.Database.ExecuteAsync($"UPDATE web_events SET occurred_at = '{thirteenMonths}' WHERE path = '/vanha-{tag}'");
        await app.Database.ExecuteAsync($"UPDATE web_events SET occurred_at = '{twelveMonths}' WHERE path = '/uusi-{tag}'");

        var hold = await PostOkAsync(dpo.Client, "/api/legal-holds", new { subjectId = held, reason = "Riita-asia vireillä käräjäoikeudessa" });

        // The preview a month ahead already lists the 12-month-old events too, and what the hold keeps back.
        var ahead = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/retention/preview?asOf={Today(40)}");
        var web = ahead.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("table").GetString() == "web_events");
        Assert.True(web.GetProperty("due").GetInt64() >= 2 && web.GetProperty("held").GetInt64() >= 2, web.ToString());

        await SweepAsync(dpo.Client);
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM web_events WHERE subject_id = '{Literal(free)}' AND path = '/vanha-{tag}'"));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM web_events WHERE subject_id = '{Literal(free)}' AND path = '/uusi-{tag}'"));
        Assert.Equal(2L, await CountAsync($"SELECT COUNT(*) FROM web_events WHERE subject_id = '{Literal(held)}'"));

        await PostOkAsync(dpo.Client, $"/api/legal-holds/{hold.GetProperty("id").GetGuid()}/release", new { reason = "Asia sovittu" });
        await SweepAsync(dpo.Client);
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM web_events WHERE subject_id = '{Literal(held)}'"));
        var holds = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/legal-holds?all=true");
        var released = holds.EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == hold.GetProperty("id").GetGuid());
        Assert.Equal(dpo.Id, released.GetProperty("setBy").GetGuid());
        Assert.Equal("Asia sovittu", released.GetProperty("releaseReason").GetString());
    }

    [Fact]
    public async Task ASweepKilledMidRunLeavesWholeBatchesAndTheNextRunFinishesTheSameWork()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, subject) = await ConsumerAsync(dpo.Client, tag);
        await dpo.Client.GiveWebConsentAsync(subject);
        for (var i = 0; i < 35; i++)
        {
            await PostOkAsync(dpo.Client, "/api/web-events", new { subjectId = subject, kind = "PageView", path = $"/kill-{tag}-{i}", source = "OwnSystems" });
        }

        await PostOkAsync(dpo.Client, "/api/web-events", new { subjectId = subject, kind = "PageView", path = $"/stays-{tag}", source = "OwnSystems" });
        var old = Sql(Now.AddMonths(-14));
        await app.Database.ExecuteAsync($"UPDATE web_events SET occurred_at = '{old}' WHERE path LIKE '/kill-{tag}-%'");

        // The process dies during the second batch (of 10): a real failure inside the database, as a crash would be.
        var remaining = $"(SELECT COUNT(*) FROM web_events WHERE path LIKE '/kill-{tag}-%')";
        await app.Database.ExecuteAsync(app.Database.Provider == DatabaseProvider.Sqlite
            ? $"CREATE TRIGGER crash_in_sweep BEFORE DELETE ON web_events WHEN {remaining} <= 25 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;"
            : $"CREATE FUNCTION crash_in_sweep() RETURNS trigger AS $$ BEGIN IF {remaining} <= 25 THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN OLD; END $$ LANGUAGE plpgsql; "
              + "CREATE TRIGGER crash_in_sweep BEFORE DELETE ON web_events FOR EACH ROW EXECUTE FUNCTION crash_in_sweep();");
        await OneSweepAtATime.WaitAsync();
        try
        {
            var crashed = await dpo.Client.PostAsJsonAsync("/api/retention/run", new { });
            Assert.False(crashed.IsSuccessStatusCode);
        }
        finally
        {
            await app.Database.ExecuteAsync(app.Database.Provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER crash_in_sweep"
                : "DROP TRIGGER crash_in_sweep ON web_events; DROP FUNCTION crash_in_sweep();");
            OneSweepAtATime.Release();
        }

        Assert.Equal(25L, await CountAsync($"SELECT COUNT(*) FROM web_events WHERE path LIKE '/kill-{tag}-%'"));
        var interrupted = (await dpo.Client.GetFromJsonAsync<JsonElement>("/api/retention/runs?limit=1"))[0];
        Assert.Equal(JsonValueKind.Null, interrupted.GetProperty("completedAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(interrupted.GetProperty("error").GetString()));

        await SweepAsync(dpo.Client);
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM web_events WHERE path LIKE '/kill-{tag}-%'"));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM web_events WHERE path = '/stays-{tag}'"));

        // Same result as one uninterrupted run: every due item removed once, counted once across the two runs.
        var logged = await CountAsync("SELECT COALESCE(SUM(\"count\"), 0) FROM retention_run_counts WHERE table_name = 'web_events' AND action = 'deleted' "
            + $"AND run_id IN ('{Literal(interrupted.GetProperty("id").GetGuid())}')");
        Assert.Equal(10L, logged);
    }

    [Fact]
    public async Task ReplacedConsentEvidenceGoesAfterItsPeriodWhileWhatIsInForceStays()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var (_, subject) = await ConsumerAsync(dpo.Client, Guid.NewGuid().ToString("N")[..8]);
        string Ago(int months) => Now.AddMonths(-months).ToString("O", CultureInfo.InvariantCulture);
        async Task<Guid> EntryAsync(string channel, string kind, int monthsAgo) => (await PostOkAsync(dpo.Client,
            $"/api/subjects/{subject}/marketing-consents",
            new { channel, purpose = "sales_and_marketing", kind, source = "Consumer", wordingVersion = "email-2023-01", evidence = "webform-1", occurredAt = Ago(monthsAgo) }))
            .GetProperty("id").GetGuid();

        // The withdrawal is recorded first and the permission it withdrew afterwards (a letter entered late): the
        // replacement time is worked out from the dates, not from the order of recording.
        var prohibition = await EntryAsync("Post", "Prohibition", 30);
        var granted = await EntryAsync("Email", "PermissionGranted", 30);
        var withdrawn = await EntryAsync("Email", "PermissionWithdrawn", 26);
        var regranted = await EntryAsync("Sms", "PermissionGranted", 1);
        var earlier = await EntryAsync("Sms", "PermissionWithdrawn", 27);
        var first = await EntryAsync("Sms", "PermissionGranted", 28);

        await SweepAsync(dpo.Client);

        // The permission was replaced by its withdrawal 26 months ago (period 24): its evidence goes. The withdrawal
        // itself is what is in force, and a prohibition is never removed while in force.
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE id = '{Literal(granted)}'"));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE id = '{Literal(withdrawn)}'"));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE id = '{Literal(prohibition)}'"));

        // On SMS the first permission was replaced 27 months ago (gone); that withdrawal only a month ago (stays).
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE id = '{Literal(first)}'"));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE id = '{Literal(earlier)}'"));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE id = '{Literal(regranted)}'"));
    }

    [Fact]
    public async Task OnlyOneInstanceSweepsAtATime()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        await OneSweepAtATime.WaitAsync();
        try
        {
            var future = Sql(Now.AddMinutes(5));
            var taken = await app.Database.ExecuteAsync($"UPDATE retention_leases SET holder = 'other-instance', expires_at = '{future}'");
            if (taken == 0)
            {
                await app.Database.ExecuteAsync($"INSERT INTO retention_leases (name, holder, expires_at) VALUES ('retention-sweep', 'other-instance', '{future}')");
            }

            var refused = await dpo.Client.PostAsJsonAsync("/api/retention/run", new { });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.True((await RegisterData.ErrorsOf(refused)).TryGetProperty("lease", out _));

            var past = Sql(Now.AddMinutes(-1));
            await app.Database.ExecuteAsync($"UPDATE retention_leases SET expires_at = '{past}'");
            Assert.Equal(HttpStatusCode.OK, (await dpo.Client.PostAsJsonAsync("/api/retention/run", new { })).StatusCode);
        }
        finally
        {
            OneSweepAtATime.Release();
        }
    }

    [Fact]
    public async Task PreviewAndRunAreForRetentionRolesAndTheVerbsPrintTheSame()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync("/api/retention/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync("/api/retention/run", new { })).StatusCode);
        var auditor = await app.CreateUserAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.Client.GetAsync("/api/retention/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Client.PostAsJsonAsync("/api/retention/run", new { })).StatusCode);
        var bad = await auditor.Client.GetAsync($"/api/retention/preview?asOf={app.Today.AddDays(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(bad)).TryGetProperty("asOf", out _));

        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["retention", "preview", "--as-of", Today(365)], app.Services, output));
        Assert.Contains("due", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await CommandLine.TryRunAsync(["retention", "preview", "--as-of", "huomenna"], app.Services, new StringWriter()));
    }

    [Fact]
    public async Task ACallRecordingOfSixtyOneDaysGoesWithItsFileWhileOneOfFiftyNineStaysAndCctvFollowsItsUnit()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Telephony", permissions = new[] { Permissions.RecordingUpload } });
        var telephony = app.Anonymous();
        telephony.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName,
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!);

        async Task<(Guid Id, string File)> UploadAsync(string path, Dictionary<string, string> fields, string mediaType)
        {
            using var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                form.Add(new StringContent(value), name);
            }

            var bytes = new byte[64 * 1024];
            Random.Shared.NextBytes(bytes);
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            form.Add(file, "file", "recording");
            var response = await telephony.PostAsync(path, form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            var table = path.EndsWith("calls", StringComparison.Ordinal) ? "call_recordings" : "cctv_recordings";
            var key = (string)(await app.Database.ScalarAsync($"SELECT storage_key FROM {table} WHERE id = '{Literal(id)}'"))!;
            var stored = Directory.EnumerateFiles(Path.Combine(app.Database.Folder, "recordings"), key, SearchOption.AllDirectories).Single();
            return (id, stored);
        }

        var now = Now;
        string Ago(int days) => now.AddDays(-days).ToString("O", CultureInfo.InvariantCulture);

        // Two months from the Helsinki day of the call: 59–62 days by the months, so 63 days is always past and 58 never.
        var call = new Dictionary<string, string> { ["agent"] = "ext 204", ["durationSeconds"] = "95" };
        var old = await UploadAsync("/api/recordings/calls", new(call) { ["startedAt"] = Ago(63) }, "audio/wav");
        var young = await UploadAsync("/api/recordings/calls", new(call) { ["startedAt"] = Ago(58) }, "audio/wav");

        var unit = await PostOkAsync(admin, "/api/production-units", new { name = "Lahden piha", cctvRetentionMonths = 1 });
        var footage = new Dictionary<string, string> { ["unit"] = unit.GetProperty("id").GetGuid().ToString(), ["camera"] = "Portti 1" };
        var oldVideo = await UploadAsync("/api/recordings/cctv",
            new(footage) { ["periodStart"] = Ago(33), ["periodEnd"] = Ago(32) }, "video/mp4");
        var newVideo = await UploadAsync("/api/recordings/cctv",
            new(footage) { ["periodStart"] = Ago(21), ["periodEnd"] = Ago(20) }, "video/mp4");

        await SweepAsync(dpo.Client);

        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM call_recordings WHERE id = '{Literal(old.Id)}'"));
        Assert.False(File.Exists(old.File), "the 61-day-old recording's file is still on disk");
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM call_recordings WHERE id = '{Literal(young.Id)}'"));
        Assert.True(File.Exists(young.File));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM cctv_recordings WHERE id = '{Literal(oldVideo.Id)}'"));
        Assert.False(File.Exists(oldVideo.File));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM cctv_recordings WHERE id = '{Literal(newVideo.Id)}'"));
        Assert.True(File.Exists(newVideo.File));
        var runs = await dpo.Client.GetStringAsync("/api/retention/runs?limit=1");
        Assert.Contains("call-recording", runs, StringComparison.Ordinal);
        Assert.Contains("cctv-recording", runs, StringComparison.Ordinal);
    }

    private static object Invoice(Guid consumerId, string issued) => new
    {
        consumerId,
        invoiceNumber = "INV-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
        issueDate = issued,
        dueDate = DateOnly.Parse(issued, CultureInfo.InvariantCulture).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        amount = 80.00m,
        source = "OwnSystems",
    };

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql), CultureInfo.InvariantCulture);

    private string Literal(Guid id) => app.Database.Provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();
}
