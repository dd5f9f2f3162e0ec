using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Profiling;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register on a movable clock with the nightly profiling run on.</summary>
public sealed class ProfilingFactory : ClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Profiling:NightlyEnabled", "true");
        builder.UseSetting("Profiling:BatchSize", "10");
        builder.UseSetting("Retention:SweepEnabled", "false");
    }

    public ProfilingNightly Nightly => Services.GetRequiredService<ProfilingNightly>();

    /// <summary>Moves the clock to 03:00 of the next Helsinki night and waits for that night's run (never sleeps).</summary>
    public async Task NextNightAsync()
    {
        var finished = Nightly.Finished;
        MoveTo(Today.AddDays(1), hour: 3);
        await Nightly.WhenFinishedAsync(finished + 1).WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>A consumer with a bank account and <paramref name="deliveries"/> scrap deliveries, the last <paramref name="monthsAgo"/> months ago.</summary>
    public async Task<Guid> ScrapSellerAsync(int deliveries, int monthsAgo)
    {
        var clerk = await CreateUserAsync(Roles.Billing, Roles.CustomerService);
        var consumer = await clerk.Client.CreateConsumerAsync(new
        {
            firstName = "Romu",
            lastName = "Myyjä" + Guid.NewGuid().ToString("N")[..6],
            street = "Pajakatu 4",
            postalCode = "33100",
            city = "Tampere",
            bankAccount = "FI2112345600000785",
            source = "Consumer",
        });
        var consumerId = consumer.GetProperty("id").GetGuid();
        var last = Today.AddMonths(-monthsAgo);
        for (var i = 0; i < deliveries; i++)
        {
            var response = await clerk.Client.PostAsJsonAsync("/api/metal-credits", new
            {
                consumerId,
                paidOn = last.AddDays(-7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                amount = 40m,
                weightKg = 120m,
                material = "kupari",
                source = "OwnSystems",
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        return consumer.GetProperty("subjectId").GetGuid();
    }

    public async Task<long> ResultsOfAsync(Guid subjectId) =>
        Convert.ToInt64(await Database.ScalarAsync(
            $"SELECT COUNT(*) FROM profile_results WHERE subject_id = '{(Database.Provider == Data.DatabaseProvider.Postgres ? subjectId.ToString() : subjectId.ToString().ToUpperInvariant())}'"),
            CultureInfo.InvariantCulture);
}

[Trait(Category.Name, Category.Integration)]
public sealed class ProfilingTests(ProfilingFactory app) : IClassFixture<ProfilingFactory>
{
    private static async Task<JsonElement> ProfileAsync(HttpClient client, Guid subjectId, string lang = "fi") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/profile?lang={lang}");

    [Fact]
    public async Task TheNightlyRunStoresTheSegmentWithItsInputsAndRuleAndAnObjectionRemovesItForEveryLaterNight()
    {
        var subjectId = await app.ScrapSellerAsync(deliveries: 12, monthsAgo: 3);
        Assert.Equal(0, await app.ResultsOfAsync(subjectId));

        await app.NextNightAsync();

        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var profile = await ProfileAsync(marketing.Client, subjectId);
        Assert.False(profile.GetProperty("stopped").GetBoolean());
        var segment = profile.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("segment").ValueKind == JsonValueKind.String);
        Assert.Equal("ActiveScrapSeller", segment.GetProperty("segment").GetString());
        Assert.Equal(SegmentRule.Id, segment.GetProperty("rule").GetString());
        Assert.Equal(12, segment.GetProperty("deliveries").GetInt32());
        Assert.Equal(480m, segment.GetProperty("amount").GetDecimal());
        Assert.StartsWith("asiointi viimeksi 3 kk sitten, 12 käyntiä vuodessa", segment.GetProperty("explanation").GetString());
        Assert.EndsWith("→ aktiivinen romunmyyjä", segment.GetProperty("explanation").GetString());
        var interest = profile.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("interest").ValueKind == JsonValueKind.String);
        Assert.Equal("ScrapMetal", interest.GetProperty("interest").GetString());
        Assert.EndsWith("→ interest: selling scrap metal",
            (await ProfileAsync(marketing.Client, subjectId, "en")).GetProperty("results")[1].GetProperty("explanation").GetString());

        // The objection to profiling, through a request as the DPO handles it: the results go in the same save.
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "ObjectionToProfiling", subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(request, "start");
        await dpo.Client.StepAsync(request, "object");
        Assert.Equal(0, await app.ResultsOfAsync(subjectId));
        var stopped = await ProfileAsync(marketing.Client, subjectId);
        Assert.True(stopped.GetProperty("stopped").GetBoolean());
        Assert.Empty(stopped.GetProperty("results").EnumerateArray());
        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={subjectId}&limit=500");
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "profiling.clear");

        // The next night the person is left out: nothing is computed again.
        await app.NextNightAsync();
        Assert.Equal(0, await app.ResultsOfAsync(subjectId));
        var runs = await (await app.CreateUserAsync(Roles.DataProtectionOfficer)).Client.GetFromJsonAsync<JsonElement>("/api/profiling/runs");
        Assert.Equal("schedule", runs[0].GetProperty("trigger").GetString());
        Assert.True(runs[0].GetProperty("excluded").GetInt32() >= 1);
        Assert.Null(await SegmentAsync(subjectId));
    }

    [Fact]
    public async Task ARestrictionRemovesTheResultsAtOnceAndRunNowLeavesThePersonOut()
    {
        var subjectId = await app.ScrapSellerAsync(deliveries: 2, monthsAgo: 1);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var run = await (await dpo.Client.PostAsJsonAsync("/api/profiling/run", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("user", run.GetProperty("trigger").GetString());
        Assert.True(run.GetProperty("profiled").GetInt32() >= 1);
        Assert.Equal(Segment.OccasionalScrapSeller, await SegmentAsync(subjectId));
        Assert.Contains(subjectId, await InSegmentAsync(Segment.OccasionalScrapSeller));

        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(request, "start");
        await dpo.Client.StepAsync(request, "restrict", new { ground = "AccuracyContested" });
        Assert.Equal(0, await app.ResultsOfAsync(subjectId));

        Assert.True((await dpo.Client.PostAsJsonAsync("/api/profiling/run", new { })).IsSuccessStatusCode);
        Assert.Equal(0, await app.ResultsOfAsync(subjectId));
        Assert.Null(await SegmentAsync(subjectId));
        Assert.DoesNotContain(subjectId, await InSegmentAsync(Segment.OccasionalScrapSeller));
    }

    [Fact]
    public async Task TheAccessReportSaysTheSegmentInWordsAndListsTheResultsAsItems()
    {
        var subjectId = await app.ScrapSellerAsync(deliveries: 7, monthsAgo: 2);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        Assert.True((await dpo.Client.PostAsJsonAsync("/api/profiling/run", new { })).IsSuccessStatusCode);

        var report = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/access-report?format=json&lang=fi");
        var words = report.GetProperty("profiling").GetString()!;
        Assert.Contains("asiointi viimeksi 2 kk sitten, 7 käyntiä vuodessa", words);
        Assert.Contains("→ aktiivinen romunmyyjä", words);
        Assert.Contains("22 artikla", words);
        var category = report.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "derived.profiling");
        Assert.Equal(2, category.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task OnlyTheDpoRunsProfilingAndOnlyMarketingReadersSeeResults()
    {
        var service = await app.CreateUserAsync(Roles.Billing);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync("/api/profiling/run", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync($"/api/subjects/{Guid.NewGuid()}/profile")).StatusCode);
    }

    private async Task<List<Guid>> InSegmentAsync(Segment segment)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.RegisterDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(ProfileQueries.InSegment(db, segment));
    }

    private async Task<Segment?> SegmentAsync(Guid subjectId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProfileQueries>().SegmentOf(subjectId, CancellationToken.None);
    }
}
