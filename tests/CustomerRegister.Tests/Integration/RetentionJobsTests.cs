using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>"Run now" through the API: the sweep starts as a job and answers at once; its status is for retention roles only.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RetentionJobsTests(RetentionFactory app) : IClassFixture<RetentionFactory>
{
    [Fact]
    public async Task TheSweepRunsAsAJobWhoseStatusOnlyRetentionRolesSee()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var auditor = await app.CreateUserAsync(Roles.Auditor);
        var service = await app.CreateUserAsync(Roles.CustomerService);

        var started = await dpo.Client.PostAsJsonAsync("/api/retention/runs", new { });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetGuid();
        Assert.Equal($"/api/jobs/{id}", started.Headers.Location!.OriginalString);
        Assert.Equal("Retention sweep", job.GetProperty("title").GetString());

        await app.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(id);
        var done = await auditor.Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
        Assert.Equal("Done", done.GetProperty("state").GetString());
        Assert.StartsWith("/retention#run-", done.GetProperty("resultHref").GetString(), StringComparison.Ordinal);
        var runId = done.GetProperty("resultHref").GetString()!["/retention#run-".Length..];
        var runs = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/retention/runs");
        Assert.Contains(runs.EnumerateArray(), r => r.GetProperty("id").GetString() == runId && r.GetProperty("completedAt").ValueKind != JsonValueKind.Null);

        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync("/api/retention/runs", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Client.PostAsJsonAsync("/api/retention/runs", new { })).StatusCode);
    }

    [Fact]
    public async Task TheForecastCountsWhatFallsDueMonthByMonth()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var forecast = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/retention/forecast?fresh=true");
        var months = forecast.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(app.Today, DateOnly.Parse(months[0].GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(months.Skip(1), m => Assert.Equal(1, DateOnly.Parse(m.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Day));
    }
}
