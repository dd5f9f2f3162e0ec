using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>Each role starts the day on its own work, made through the API a moment before; the menu offers only what it may open.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class StartPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private static string Today(int days = 0) =>
        HelsinkiTime.Today(TimeProvider.System).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Unique() => new([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static object Consumer(string lastName) => new
    {
        firstName = "Eero",
        lastName,
        street = "Rantatie 58 B 30",
        postalCode = "40110",
        city = "Jyväskylä",
        phone = "044 397 " + Random.Shared.Next(1000, 9999),
        source = "Consumer",
    };

    private async Task ExpectMenuAsync(IPage page, params string[] visible)
    {
        foreach (var item in new[] { "search", "billing", "reception", "marketing" })
        {
            await Expect(page.Locator($"#main-menu #nav-{item}")).ToHaveCountAsync(visible.Contains(item) ? 1 : 0);
        }
    }

    [Fact]
    public async Task CustomerServiceSeesTheContactJustLoggedAndTheOpenFeedback()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var lastName = "Mäkinen" + Unique();
        var person = await service.Client.CreateConsumerAsync(Consumer(lastName));
        var subjectId = person.GetProperty("subjectId").GetGuid();
        var summary = "Kysyi kuparin kilohintaa " + Unique();
        await PostAsync(service.Client, $"/api/subjects/{subjectId}/contact-history",
            new { channel = "Phone", direction = "Inbound", occurredAt = DateTime.UtcNow.AddSeconds(-1), summary, source = "Consumer" });
        var feedback = "Nouto myöhästyi " + Unique();
        await PostAsync(service.Client, $"/api/subjects/{subjectId}/feedback",
            new { receivedAt = DateTime.UtcNow.AddSeconds(-1), channel = "Email", text = feedback, rating = 2, source = "Consumer" });

        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);

        var row = page.Locator("#recent-contacts tr", new() { HasText = summary });
        await Expect(row).ToContainTextAsync("Puhelu, saapuva");
        await Expect(page.Locator("#open-feedback")).ToContainTextAsync(feedback);
        await ExpectMenuAsync(page, "search", "marketing");
        await Expect(page.Locator("#start-billing")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "start-customer-service");

        await row.Locator("a").ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + $"/subjects/{subjectId}");

        // Handled from the person's feedback panel, it leaves the start page's open list.
        await page.Locator("#feedback .mark-handled").ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + $"/subjects/{subjectId}#feedback");
        await Expect(page.Locator("#feedback .mark-handled")).ToHaveCountAsync(0);
        await page.GotoAsync(_browser.BaseUrl + "/");
        await Expect(page.Locator("#start-customer-service")).Not.ToContainTextAsync(feedback);
    }

    [Fact]
    public async Task BillingSeesTheInvoiceThatFellOverdueAndTheOpenCollectionCases()
    {
        var clerk = await _browser.App.CreateUserAsync(Roles.Billing);
        var writer = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var person = await writer.Client.CreateConsumerAsync(Consumer("Laskula" + Unique()));
        var number = "INV-" + Unique().ToUpperInvariant();
        await PostAsync(clerk.Client, "/api/invoices", new
        {
            consumerId = person.GetProperty("id").GetGuid(),
            invoiceNumber = number,
            issueDate = Today(-15),
            dueDate = Today(-1),
            amount = 1234.5m,
            source = "OwnSystems",
        });

        var page = await _browser.SignedInPageAsync(clerk.Email, RegisterFactory.UserPassword);

        var row = page.Locator("#overdue-invoices tr", new() { HasText = number });
        await Expect(row).ToContainTextAsync("1 234,50 €");
        await Expect(page.Locator("#overdue-invoices-title")).ToContainTextAsync("Myöhässä olevat laskut (");
        await Expect(page.Locator("#open-cases-title")).ToContainTextAsync("Avoimet perintätapaukset (");
        await Expect(page.Locator("#to-billing")).ToHaveAttributeAsync("href", "/billing");
        await Expect(page.Locator("#start-customer-service")).ToHaveCountAsync(0);
        await ExpectMenuAsync(page, "search", "billing");
        await Infrastructure.Browser.CheckPageAsync(page, "start-billing");
    }

    [Fact]
    public async Task ReceptionSeesTodaysCertificateAndPayouts()
    {
        var reception = await _browser.App.CreateUserAsync(Roles.VehicleReception);
        var owner = await reception.Client.CreateConsumerAsync(Consumer("Romunen" + Unique()));
        var number = "RT-" + Unique().ToUpperInvariant();
        await PostAsync(reception.Client, "/api/vehicles/certificates", new
        {
            certificateNumber = number,
            issueDate = Today(),
            registrationNumber = "ZX" + Random.Shared.Next(100, 999) + "-" + Random.Shared.Next(100, 999),
            vin = "WVWZZZ1JZXW000001",
            make = "Volkswagen",
            model = "Golf",
            vehicleClass = "M1",
            consumerId = owner.GetProperty("id").GetGuid(),
            identityCode = VehicleCertificatesTestsCode(),
            nationality = "FI",
            source = "Consumer",
        });

        var page = await _browser.SignedInPageAsync(reception.Email, RegisterFactory.UserPassword);

        await Expect(page.Locator("#today-certificates tr", new() { HasText = number })).ToContainTextAsync("Volkswagen Golf");
        await Expect(page.Locator("#today-payouts")).ToContainTextAsync("maksua, yhteensä");
        await Expect(page.Locator("#to-reception")).ToHaveAttributeAsync("href", "/reception");
        await ExpectMenuAsync(page, "search", "reception");
        await Infrastructure.Browser.CheckPageAsync(page, "start-reception");
    }

    private static string VehicleCertificatesTestsCode() => Integration.VehicleCertificatesTests.NewIdentityCode();

    [Fact]
    public async Task MarketingSeesTheUpcomingEventAndTheConsentFigures()
    {
        var marketing = await _browser.App.CreateUserAsync(Roles.Marketing);
        var name = "Avoimet ovet " + Unique();
        await PostAsync(marketing.Client, "/api/marketing-events", new { name, date = Today(), place = "Kuopio" });

        var page = await _browser.SignedInPageAsync(marketing.Email, RegisterFactory.UserPassword);

        await Expect(page.Locator("#upcoming-events tr", new() { HasText = name })).ToContainTextAsync("Kuopio");
        await ExpectMenuAsync(page, "search", "marketing");
        await Infrastructure.Browser.CheckPageAsync(page, "start-marketing");

        await page.ClickAsync("#to-marketing");
        await page.WaitForPageAsync(_browser.BaseUrl + "/marketing");
        await Expect(page.Locator("#events tr", new() { HasText = name })).ToContainTextAsync("Kuopio");
        await Expect(page.Locator("#consents-email th")).ToHaveTextAsync("Sähköposti");
        await Expect(page.Locator("#main-menu #nav-marketing")).ToHaveAttributeAsync("aria-current", "page");
        await Infrastructure.Browser.CheckPageAsync(page, "marketing-start");
    }

    [Fact]
    public async Task TheAuditorsMenuHoldsTheAuditTheCatalogueAndRetentionButNoCustomerSearch()
    {
        var auditor = await _browser.App.CreateUserAsync(Roles.Auditor);

        var page = await _browser.SignedInPageAsync(auditor.Email, RegisterFactory.UserPassword);

        await Expect(page.Locator("#start-auditor h2")).ToHaveTextAsync("Tarkastaja");
        await Expect(page.Locator("#main-menu a[href='/audit']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#main-menu a[href='/catalog']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#main-menu a[href='/retention']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#main-menu a[href='/search']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#global-q")).ToHaveCountAsync(0);
        var refused = await page.GotoAsync(_browser.BaseUrl + "/marketing");
        Assert.True(refused!.Status == 403 || page.Url.Contains("AccessDenied", StringComparison.Ordinal), page.Url);
        await page.GotoAsync(_browser.BaseUrl + "/");
        await Infrastructure.Browser.CheckPageAsync(page, "start-auditor");
    }
}
