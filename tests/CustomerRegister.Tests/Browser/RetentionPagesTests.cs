using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The DPO at the retention desk: the forecast shows what leaves in the coming months, a legal hold on a person takes
/// their items out of it (and releasing the hold puts them back), the sweep runs as a job with its progress page — failing
/// with the reason while another instance holds the lease, then done — and its run appears in the deletion log.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed partial class RetentionPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private static string Shown(DateTime utc) => CustomerRegister.Localization.Display.Date(utc);

    private static string Sql(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [GeneratedRegex("/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();

    /// <summary>A person with two web events: one already past its 13 months, one due in about a month.</summary>
    private async Task<Guid> PersonWithWebEventsAsync(HttpClient client)
    {
        var consumer = await client.CreateConsumerAsync(new
        {
            firstName = "Pidetty",
            lastName = "Henkilö",
            street = "Käräjätie 2",
            postalCode = "00100",
            city = "Helsinki",
            source = "Consumer",
        });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        await client.GiveWebConsentAsync(subjectId);
        foreach (var path in new[] { "/vanha", "/uusi" })
        {
            var response = await client.PostAsJsonAsync("/api/web-events", new { subjectId, kind = "PageView", path, source = "OwnSystems" });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var now = DateTime.UtcNow;
        await _browser.App.Database.ExecuteAsync($"UPDATE web_events SET occurred_at = '{Sql(now.AddMonths(-14))}' WHERE path = '/vanha'");
        await _browser.App.Database.ExecuteAsync($"UPDATE web_events SET occurred_at = '{Sql(now.AddMonths(-12))}' WHERE path = '/uusi'");
        return subjectId;
    }

    [Fact]
    public async Task TheDpoHoldsAPersonAndSeesTheForecastChangeThenReleasesItAndSweeps()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = await PersonWithWebEventsAsync(dpo.Client);
        var url = _browser.BaseUrl;

        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.ClickAsync("#nav-retention");
        await page.WaitForPageAsync(url + "/retention");
        var web = page.Locator("#rule-web-behaviour");
        await Expect(web.Locator("td.total")).ToHaveTextAsync("2");
        await Expect(web.Locator("td.held")).ToHaveTextAsync("0");
        await Expect(page.Locator("#forecast-overdue")).ToContainTextAsync("1 kohteelta");
        await Expect(page.Locator("#forecast-chart rect[data-rule='web-behaviour']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#forecast-chart title").First).ToHaveTextAsync("Poistuvat kohteet kuukausittain säännön mukaan");
        await Expect(page.Locator("#held-none")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "retention-desk");

        // The rule's drill-down: what it removes, in words, and why.
        await web.Locator("a").ClickAsync();
        await page.WaitForPageAsync(url + "/retention/rules/web-behaviour");
        await Expect(page.Locator("#rule-name")).ToHaveTextAsync("Verkkokäyttäytyminen");
        await Expect(page.Locator("#rule-period")).ToHaveTextAsync("13 kuukautta");
        await Expect(page.Locator("#item-web_events th")).ToContainTextAsync("verkko");
        await Expect(page.Locator("#item-web_events td.total")).ToHaveTextAsync("2");
        var due = page.Locator("#due-items tr.due-item");
        await Expect(due).ToHaveCountAsync(2);
        await Expect(due.First.Locator($"a[href='/subjects/{subjectId}']")).ToBeVisibleAsync();
        await Expect(due.First).ToContainTextAsync(Shown(DateTime.UtcNow.AddMonths(-14)));
        await Infrastructure.Browser.CheckPageAsync(page, "retention-rule");

        // A hold without a reason is refused beside the field, in Finnish and in Swedish.
        await page.GotoAsync(url + $"/retention/holds?subjectId={subjectId}");
        await Expect(page.Locator("#Input_SubjectId")).ToHaveValueAsync(subjectId.ToString());
        await page.ClickAsync("#set-submit");
        await Expect(page.Locator("#Input_Reason-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Expect(page.Locator("#Input_Reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await Infrastructure.Browser.CheckPageAsync(page, "retention-holds-errors");
        await page.GotoAsync(url + $"/set-language?culture=sv&returnUrl=%2Fretention%2Fholds%3FsubjectId%3D{subjectId}");
        await page.ClickAsync("#set-submit");
        await Expect(page.Locator("#Input_Reason-error")).ToHaveTextAsync("Obligatorisk uppgift.");
        await page.GotoAsync(url + $"/set-language?culture=fi&returnUrl=%2Fretention%2Fholds%3FsubjectId%3D{subjectId}");

        await page.FillAsync("#Input_Reason", "Riita-asia vireillä käräjäoikeudessa, dnro 123/2026");
        await page.ClickAsync("#set-submit");
        await page.WaitForPageAsync(url + "/retention/holds");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Pito asetettu.");
        var hold = page.Locator("li.hold");
        await Expect(hold).ToHaveCountAsync(1);
        await Expect(hold).ToContainTextAsync("Riita-asia vireillä käräjäoikeudessa");
        await Expect(hold.Locator($"a[href='/subjects/{subjectId}']")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "retention-holds");

        // The forecast no longer counts the person's items as leaving: the hold keeps them.
        await page.ClickAsync("#back");
        await Expect(web.Locator("td.total")).ToHaveTextAsync("0");
        await Expect(web.Locator("td.held")).ToHaveTextAsync("2");
        await Expect(page.Locator("#held-legal-hold td.num")).ToHaveTextAsync("1");
        await Expect(page.Locator("#forecast-none")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "retention-desk-held");

        // Released by the DPO with a reason: the items are back in the forecast.
        await page.ClickAsync("#holds-link");
        var release = hold.Locator("textarea");
        await release.FillAsync("Asia sovittu");
        await hold.Locator("button").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Pito vapautettu.");
        await Expect(page.Locator("#holds-none")).ToBeVisibleAsync();
        await page.ClickAsync("#holds-all");
        await Expect(hold).ToContainTextAsync("Asia sovittu");
        await page.ClickAsync("#back");
        await Expect(web.Locator("td.total")).ToHaveTextAsync("2");
        await Expect(web.Locator("td.held")).ToHaveTextAsync("0");

        // Another instance is sweeping: the job fails and says why.
        var future = Sql(DateTime.UtcNow.AddHours(1));
        if (await _browser.App.Database.ExecuteAsync($"UPDATE retention_leases SET holder = 'other-instance', expires_at = '{future}'") == 0)
        {
            await _browser.App.Database.ExecuteAsync(
                $"INSERT INTO retention_leases (name, holder, expires_at) VALUES ('retention-sweep', 'other-instance', '{future}')");
        }

        await page.ClickAsync("#run-now");
        await page.WaitForPageAsync(JobUrl());
        await Expect(page.Locator("#job-title")).ToHaveTextAsync("Vanhentuneiden tietojen poisto");
        await Expect(page.Locator("#job-state")).ToHaveTextAsync("Epäonnistui", new() { Timeout = 20_000 });
        await Expect(page.Locator("#job-message")).ToContainTextAsync("Toinen instanssi on jo poistamassa");
        await Infrastructure.Browser.CheckPageAsync(page, "retention-job-failed");

        // Once the lease is free, "run now" sweeps: the job is done and leads to its run in the deletion log.
        await _browser.App.Database.ExecuteAsync($"UPDATE retention_leases SET expires_at = '{Sql(DateTime.UtcNow.AddMinutes(-1))}'");
        await page.ClickAsync("#job-back");
        await page.ClickAsync("#run-now");
        await page.WaitForPageAsync(JobUrl());
        await Expect(page.Locator("#job-state")).ToHaveTextAsync("Valmis", new() { Timeout = 20_000 });
        await Expect(page.Locator("#job-message")).ToContainTextAsync("Poistettiin 1, pidossa 0.");
        await Infrastructure.Browser.CheckPageAsync(page, "retention-job-done");

        // The region jobs.js refreshes comes from the page's status handler, with the same state.
        var region = page.Locator("#job-status");
        await Expect(region).ToHaveAttributeAsync("aria-live", "polite");
        var status = await page.APIRequest.GetAsync(_browser.BaseUrl + await region.GetAttributeAsync("data-status-url"));
        Assert.Equal(200, status.Status);
        Assert.Contains("data-finished=\"true\"", await status.TextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#job-result");
        await Expect(page.Locator("#runs tbody tr").First).ToContainTextAsync("Valmis");
        await Expect(page.Locator("#runs tbody tr").First.Locator("td.num").First).ToHaveTextAsync("1");
        await page.Locator("#runs tr.run-log summary").First.ClickAsync();
        await Expect(page.Locator("#runs table.log")).ToContainTextAsync("poistettu");
        await Expect(web.Locator("td.total")).ToHaveTextAsync("1");
        await Infrastructure.Browser.CheckPageAsync(page, "retention-desk-after-sweep");
    }

    [Fact]
    public async Task TheAdministratorMaySetAHoldButOnlyTheDpoReleasesIt()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var admin = await _browser.App.CreateUserAsync(Roles.Administrator);
        var subjectId = await PersonWithWebEventsAsync(dpo.Client);
        var response = await dpo.Client.PostAsJsonAsync("/api/legal-holds", new { subjectId, reason = "Viranomaisen tietopyyntö" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var page = await _browser.SignedInPageAsync(admin.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/retention/holds");
        await Expect(page.Locator("li.hold")).ToContainTextAsync("Vain tietosuojavastaava voi vapauttaa pidon.");
        await Expect(page.Locator("li.hold textarea")).ToHaveCountAsync(0);
        await Expect(page.Locator("#set-hold")).ToBeVisibleAsync();

        // A person hold without the person is missing its identifier; one web event is held as an item.
        await page.FillAsync("#Input_Reason", "Viranomaisen tietopyyntö koskee yhtä käyntiä");
        await page.ClickAsync("#set-submit");
        await Expect(page.Locator("#Input_SubjectId-error")).ToHaveTextAsync("Pakollinen tieto.");
        var eventId = Guid.Parse((await _browser.App.Database.ScalarAsync("SELECT id FROM web_events WHERE path = '/uusi'"))!.ToString()!);
        await page.SelectOptionAsync("#Input_Scope", "Item");
        await page.SelectOptionAsync("#Input_Table", "web_events");
        await page.FillAsync("#Input_RowId", eventId.ToString());
        await page.ClickAsync("#set-submit");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Pito asetettu.");
        await Expect(page.Locator("li.hold")).ToHaveCountAsync(2);
        await Expect(page.Locator("li.hold").Nth(1)).ToContainTextAsync("Yksittäinen tieto: verkkokäyttäytymistiedot");

        // Customer service has no retention desk at all.
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var other = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await Expect(other.Locator("#nav-retention")).ToHaveCountAsync(0);
        var refused = await other.GotoAsync(_browser.BaseUrl + "/retention");
        Assert.NotEqual(200, refused!.Status);
    }
}
