using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register where every person with more than one item is large (Requests:LargeProfileRows = 1).</summary>
public sealed class LargeProfileFactory : RequestsFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Requests:LargeProfileRows", "1");
    }
}

/// <summary>A large access report and a big erasure run as jobs: done with the result's link, or failed with the reason.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class LongRequestWorkTests(LargeProfileFactory app) : IClassFixture<LargeProfileFactory>
{
    private async Task<(Guid SubjectId, Guid RequestId, long Version, string Email)> StartedAsync(HttpClient dpo, string type)
    {
        var email = $"large.{Guid.NewGuid():N}@example.fi";
        var subjectId = (await dpo.CreateConsumerAsync(new { firstName = "Iso", lastName = "Profiili", email, source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        var created = await dpo.PostAsJsonAsync($"/api/subjects/{subjectId}/contact-history",
            new { channel = "Phone", direction = "Inbound", occurredAt = "2026-11-02T10:00:00Z", summary = "Kysyi romutuksesta.", source = "Consumer" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await dpo.CreateRequestAsync(new { type, channel = "Letter", requesterName = "Iso Profiili", requesterEmail = email })).Id();
        await dpo.StepAsync(id, "match", new { subjectId });
        await dpo.StepAsync(id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        var version = (await dpo.StepAsync(id, "start")).GetProperty("version").GetInt64();
        return (subjectId, id, version, email);
    }

    [Fact]
    public async Task ABigErasureRunsAsAJobThatEndsWithTheCertificateOrFailsWithTheReason()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var (subjectId, id, version, _) = await StartedAsync(dpo.Client, "Erasure");
        using var scope = app.Services.CreateScope();
        var requestJobs = scope.ServiceProvider.GetRequiredService<RequestJobs>();
        var items = await requestJobs.LargeAsync(subjectId, default);
        Assert.True(items > 1);

        // Someone changed the request after the review: the job fails with the reason, nothing erased.
        var stale = requestJobs.Erase(id, version - 1, items!.Value, null);
        await app.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(stale.Id);
        var failed = requestJobs.LatestOf(id)!;
        Assert.Equal(JobState.Failed, failed.State);
        Assert.Contains("muutti", failed.Message!.In("fi"), StringComparison.Ordinal);
        Assert.Equal("InProgress", (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).State());

        var job = requestJobs.Erase(id, version, items.Value, null);
        await app.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(job.Id);
        var done = requestJobs.LatestOf(id)!;
        Assert.Equal(JobState.Done, done.State);
        Assert.Equal($"/requests/{id}/erasure", done.ResultHref);
        Assert.Equal("Completed", (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).State());
        Assert.True((await dpo.Client.GetAsync($"/api/requests/{id}/erasure-certificate")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task ALargeAccessReportIsSentByEmailAsAJob()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var (subjectId, id, _, email) = await StartedAsync(dpo.Client, "Access");
        using var scope = app.Services.CreateScope();
        var requestJobs = scope.ServiceProvider.GetRequiredService<RequestJobs>();
        var items = (await requestJobs.LargeAsync(subjectId, default))!.Value;

        var job = requestJobs.SendReport(id, new SendReportRequest(ReportDelivery.Email, "fi"), items, null);
        await app.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(job.Id);

        var done = requestJobs.LatestOf(id)!;
        Assert.True(done.State == JobState.Done, done.Message?.In("en"));
        var report = Assert.Single(app.MailTo(email), m => m.Attachments.Any());
        Assert.EndsWith(".pdf", report.Attachments.OfType<MimeKit.MimePart>().Single().FileName, StringComparison.Ordinal);
        var actions = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("access_report_sent", actions);
    }
}
