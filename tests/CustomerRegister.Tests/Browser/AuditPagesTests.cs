using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>The auditor reads the trail by person and verifies the chain; the DPO sees who has looked at a person; the catalogue page.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class AuditPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private async Task<Guid> ConsumerLookedAtByCustomerServiceAsync()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var created = await service.Client.CreateConsumerAsync(new
        {
            firstName = "Aino",
            lastName = "Lahtinen",
            street = "Kauppakatu 12",
            postalCode = "40100",
            city = "Jyväskylä",
            phone = "040 123 4567",
            email = "aino.lahtinen@example.fi",
            source = "Consumer",
        });
        var subjectId = created.GetProperty("subjectId").GetGuid();
        (await service.Client.GetAsync($"/api/subjects/{subjectId}")).EnsureSuccessStatusCode();
        return subjectId;
    }

    [Fact]
    public async Task TheAuditorFiltersTheTrailByPersonAndSeesTheChainValid()
    {
        var subjectId = await ConsumerLookedAtByCustomerServiceAsync();
        var auditor = await _browser.App.CreateUserAsync(Roles.Auditor);
        var page = await _browser.SignedInPageAsync(auditor.Email, RegisterFactory.UserPassword);
        await page.Locator("#nav-audit").ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + "/audit");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tapahtumaloki");

        await page.FillAsync("#Person", subjectId.ToString());
        await page.ClickAsync("#audit-show");
        await page.WaitForPageAsync(new Regex("/audit\\?Person="));
        var events = page.Locator("#events tbody tr");
        await Expect(events.Filter(new() { HasText = "Kuluttaja: luotu" })).ToHaveCountAsync(1);
        await Expect(events.Filter(new() { HasText = "Henkilön tiedot: luettu" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#events")).ToContainTextAsync("Staff CustomerService");
        await Expect(page.Locator("#events")).ToContainTextAsync("Asiakassuhteen hoitaminen");
        await Expect(page.Locator("#events")).Not.ToContainTextAsync("subject.read");
        await Expect(page.Locator("#events")).Not.ToContainTextAsync("customer_relationship");

        await page.ClickAsync("#chain-verify");
        await Expect(page.Locator("#chain-valid")).ToHaveTextAsync("Ketju eheä");
        await Expect(page.Locator("#chain-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page).ToHaveURLAsync(new Regex("/audit\\?person=" + subjectId));
        await Expect(page.Locator("#events tbody tr").Filter(new() { HasText = "Kuluttaja: luotu" })).ToHaveCountAsync(1);
        await Infrastructure.Browser.CheckPageAsync(page, "audit-by-person");

        // Narrowed to the action: only the person's creation is left.
        await page.SelectOptionAsync("#Action", "consumer.create");
        await page.ClickAsync("#audit-show");
        await Expect(page.Locator("#events tbody tr")).ToHaveCountAsync(1);

        // An identifier that is not one is refused beside its field, in Finnish and in Swedish.
        await page.GotoAsync(_browser.BaseUrl + "/audit?Person=lahtinen");
        await Expect(page.Locator("#Person-error")).ToContainTextAsync("Anna henkilön tunniste");
        await Expect(page.Locator("#Person")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=sv&returnUrl=%2Faudit%3FPerson%3Dlahtinen");
        await Expect(page.Locator("#Person-error")).ToContainTextAsync("Ange personens identifierare");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Händelselogg");
    }

    [Fact]
    public async Task TheTrailIsPagedByKeysetKeepingTheFilter()
    {
        var auditor = await _browser.App.CreateUserAsync(Roles.Auditor);
        for (var i = 0; i < 3; i++)
        {
            (await auditor.Client.GetAsync("/api/audit?limit=1")).EnsureSuccessStatusCode();
        }

        var page = await _browser.SignedInPageAsync(auditor.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/audit?actor={auditor.Id}&action=audit.read");
        var first = await page.Locator("#events tbody tr").CountAsync();
        Assert.InRange(first, 3, 100);
        await Expect(page.Locator("#events-next")).ToHaveCountAsync(0);
        await Expect(page.Locator("#events tbody tr").First).ToContainTextAsync("Tapahtumaloki: luettu");
    }

    [Fact]
    public async Task TheDpoSeesWhoHasLookedAtAPerson()
    {
        var subjectId = await ConsumerLookedAtByCustomerServiceAsync();
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        await Expect(page.Locator("#viewers-title")).ToHaveTextAsync("Kuka on katsonut tietoja");
        var row = page.Locator("#viewers-list tbody tr", new() { HasText = "Staff CustomerService" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Henkilön tiedot: luettu");
        await Expect(row).ToContainTextAsync("Asiakassuhteen hoitaminen");
        await Infrastructure.Browser.CheckPageAsync(page, "audit-viewers-panel");

        await page.ClickAsync("#viewers-all");
        await page.WaitForPageAsync(new Regex("/audit\\?person=" + subjectId));
        await Expect(page.Locator("#events tbody tr").Filter(new() { HasText = "Kuluttaja: luotu" })).ToHaveCountAsync(1);

        // Customer service reads the person but not who else did.
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var other = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await other.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        await Expect(other.Locator("#person-name")).ToHaveTextAsync("Lahtinen, Aino");
        await Expect(other.Locator("#viewers")).ToHaveCountAsync(0);
        var refused = await other.GotoAsync(_browser.BaseUrl + "/audit");
        Assert.NotEqual(200, refused!.Status);
    }

    [Fact]
    public async Task TheCatalogueReadsAsARecordOfProcessingAndPrints()
    {
        var auditor = await _browser.App.CreateUserAsync(Roles.Auditor);
        var page = await _browser.SignedInPageAsync(auditor.Email, RegisterFactory.UserPassword);
        await page.Locator("#nav-catalog").ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + "/catalog");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Seloste käsittelytoimista");
        var email = page.Locator("#category-contact-email");
        await Expect(email).ToContainTextAsync("Sähköpostiosoite");
        await Expect(email).ToContainTextAsync("Asiakassuhteen hoitaminen — sopimus (6 art. 1 b)");
        await Expect(email).ToContainTextAsync("24 kuukautta");
        await Expect(email).ToContainTextAsync("asiakassuhteen päättyminen");
        await Expect(email).ToContainTextAsync("Asiakaspalvelu");
        await Expect(page.Locator("#catalog")).Not.ToContainTextAsync("Retention:");
        await Expect(page.Locator("#category-financial-bank_account")).ToContainTextAsync("Näytetään peitettynä");
        await Expect(page.Locator("#sources")).ToContainTextAsync("Kuluttaja-asiakas itse");
        await Expect(page.Locator("#catalog-print")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "catalog");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#catalog-print")).ToBeHiddenAsync();
        await Expect(page.Locator("#main-menu")).ToBeHiddenAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, "catalog-print");
    }
}
