using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// Profiling as the staff see it: the DPO runs it now from <c>/profiling</c> (a job with its progress page, then the run
/// in the list), customer service reads the person's segment explained in words on the person page, in Finnish and
/// Swedish, and after the person objects the panel says they are not profiled and shows no result.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed partial class ProfilingPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    private ProfilingFactory App => (ProfilingFactory)_browser.App;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new ProfilingFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [GeneratedRegex("/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();

    [Fact]
    public async Task TheDpoRunsProfilingAndThePersonPageExplainsTheSegmentUntilThePersonObjects()
    {
        var subjectId = await App.ScrapSellerAsync(deliveries: 12, monthsAgo: 3);
        var dpo = await App.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await App.CreateUserAsync(Roles.CustomerService);

        var desk = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await desk.GotoAsync(_browser.BaseUrl + "/profiling");
        await Expect(desk.Locator("h1")).ToHaveTextAsync("Profilointi");
        await Expect(desk.Locator("#runs-none")).ToBeVisibleAsync();
        await Expect(desk.Locator("#profiling-intro")).ToContainTextAsync("klo 2.00");
        await Infrastructure.Browser.CheckPageAsync(desk, "profiling-index");

        await desk.ClickAsync("#run-now");
        await desk.WaitForPageAsync(JobUrl());
        await Expect(desk.Locator("#job-state")).ToHaveTextAsync("Valmis", new() { Timeout = 30_000 });
        await Expect(desk.Locator("#job-message")).ToContainTextAsync("Profiloitiin");
        await desk.GotoAsync(_browser.BaseUrl + "/profiling");
        await Expect(desk.Locator("#runs tbody tr")).ToHaveCountAsync(1);
        await Expect(desk.Locator("#runs tbody tr").First).ToContainTextAsync("käyttäjä");
        await Infrastructure.Browser.CheckPageAsync(desk, "profiling-runs");

        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await page.GotoAsync($"{_browser.BaseUrl}/subjects/{subjectId}");
        await Expect(page.Locator("#profiling-title")).ToHaveTextAsync("Profilointi");
        await Expect(page.Locator("#profiling-segment strong")).ToHaveTextAsync("aktiivinen romunmyyjä");
        await Expect(page.Locator("#profiling-segment-why")).ToContainTextAsync("asiointi viimeksi 3 kk sitten, 12 käyntiä vuodessa");
        await Expect(page.Locator("#profiling-segment-why")).ToContainTextAsync("→ aktiivinen romunmyyjä");
        await Expect(page.Locator("#profiling-interests")).ToContainTextAsync("metalliromun myynti");
        await Infrastructure.Browser.CheckPageAsync(page, "profiling-person-panel");

        await page.GotoAsync($"{_browser.BaseUrl}/subjects/{subjectId}?culture=sv&ui-culture=sv");
        await Expect(page.Locator("#profiling-segment-why")).ToContainTextAsync("12 besök per år");
        await Expect(page.Locator("#profiling-segment-why")).ToContainTextAsync("→ aktiv skrotsäljare");

        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "ObjectionToProfiling", subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(request, "start");
        await dpo.Client.StepAsync(request, "object");

        await page.GotoAsync($"{_browser.BaseUrl}/subjects/{subjectId}?culture=fi&ui-culture=fi");
        await Expect(page.Locator("#profiling-stopped")).ToContainTextAsync("Ei profiloida");
        await Expect(page.Locator("#profiling-segment")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "profiling-person-stopped");
    }
}
