using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>The register where every person with more than one item is large, for the pages' long-work journeys.</summary>
public sealed class LargeProfilePagesFactory : RegisterFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Requests:LargeProfileRows", "1");
    }
}

/// <summary>A big erasure from the erasure page and a large report sent from the request page run as jobs with progress.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class LongRequestWorkPagesTests : IAsyncLifetime
{
    private static readonly Regex JobUrl = new("/jobs/([0-9a-f-]{36})$");

    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new LargeProfilePagesFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private async Task<Guid> StartedAsync(HttpClient dpo, string type)
    {
        var email = $"iso.{Guid.NewGuid():N}@example.fi";
        var subjectId = (await dpo.CreateConsumerAsync(new { firstName = "Iso", lastName = "Profiili", email, source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        var history = await dpo.PostAsJsonAsync($"/api/subjects/{subjectId}/contact-history",
            new { channel = "Phone", direction = "Inbound", occurredAt = "2026-11-02T10:00:00Z", summary = "Kysyi romutuksesta.", source = "Consumer" });
        Assert.True(history.IsSuccessStatusCode, await history.Content.ReadAsStringAsync());
        var created = await dpo.PostAsJsonAsync("/api/requests", new { type, channel = "Letter", requesterName = "Iso Profiili", requesterEmail = email });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var (step, body) in new (string, object)[] { ("match", new { subjectId }), ("verify-identity", new { method = "IdDocumentSeenAtOffice" }), ("start", new { }) })
        {
            var response = await dpo.PostAsJsonAsync($"/api/requests/{id}/{step}", body);
            Assert.True(response.IsSuccessStatusCode, $"{step}: {await response.Content.ReadAsStringAsync()}");
        }

        return id;
    }

    private async Task WaitForJobAsync(IPage page)
    {
        await page.WaitForPageAsync(JobUrl);
        await _browser.App.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(Guid.Parse(JobUrl.Match(page.Url).Groups[1].Value));
        await page.ReloadAsync();
    }

    [Fact]
    public async Task ABigErasureRunsInTheBackgroundAndTheRequestPageShowsItDone()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var id = await StartedAsync(dpo.Client, "Erasure");
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/requests/{id}/erasure");
        await page.CheckAsync("#Reviewed");
        await page.ClickAsync("#confirm-erasure");

        await WaitForJobAsync(page);
        await Expect(page.Locator("#job-state")).ToHaveTextAsync("Valmis");
        await Expect(page.Locator("#job-message")).ToContainTextAsync("poistotodistus on valmis");
        await Infrastructure.Browser.CheckPageAsync(page, "requests-job-erasure-done");
        await page.ClickAsync("#job-result");
        await Expect(page.Locator("#download-certificate")).ToBeVisibleAsync();
        await Expect(page.Locator("#request-job-state")).ToHaveTextAsync("Valmis");

        await page.GotoAsync(_browser.BaseUrl + $"/requests/{id}");
        await Expect(page.Locator("#request-job")).ToContainTextAsync("Tietojen poisto");
        await Expect(page.Locator("#request-job-state")).ToHaveTextAsync("Valmis");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Valmis");
        await Infrastructure.Browser.CheckPageAsync(page, "requests-job-on-request");
    }

    [Fact]
    public async Task ALargeAccessReportIsSentInTheBackgroundFromTheRequestPage()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var id = await StartedAsync(dpo.Client, "Access");
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/requests/{id}");
        await page.ClickAsync("#send-report");

        await WaitForJobAsync(page);
        await Expect(page.Locator("#job-state")).ToHaveTextAsync("Valmis");
        await Expect(page.Locator("#job-message")).ToContainTextAsync("Raportti on lähtenyt sähköpostilla.");
        await page.ClickAsync("#job-result");
        await Expect(page.Locator("#request-job-state")).ToHaveTextAsync("Valmis");
        await Expect(page.Locator("#action-log")).ToContainTextAsync("Tarkastusraportti lähetetty");
        await Infrastructure.Browser.CheckPageAsync(page, "requests-job-report");
    }
}
