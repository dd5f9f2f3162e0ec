using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>A receptionist finds a customer from the search box and sees the whole picture on one page.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class CustomerPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task SearchFindsMakiAndThePersonPageMasksTheAccountUntilRevealed()
    {
        var reception = await _browser.App.CreateUserAsync(Roles.VehicleReception);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var created = await reception.Client.CreateConsumerAsync(new
        {
            firstName = "Eino",
            lastName = "Mäki",
            street = "Satamakatu 4",
            postalCode = "48100",
            city = "Kotka",
            phone = "044 765 4321",
            email = "eino.maki@example.fi",
            bankAccount = "FI2112345600000785",
            source = "Consumer",
        });
        var subjectId = created.GetProperty("subjectId").GetGuid();

        var page = await _browser.SignedInPageAsync(reception.Email, RegisterFactory.UserPassword);
        await page.FillAsync("#global-q", "maki");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(new Regex("/search\\?q=maki"));
        var link = page.Locator("#results a", new() { HasText = "Mäki Eino" });
        await link.ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + $"/subjects/{subjectId}");

        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Mäki, Eino");
        await Expect(page.Locator("#consumer-phone")).ToHaveTextAsync("044 765 4321");
        await Expect(page.Locator("#bank-account")).ToHaveTextAsync("FI21 **** **** **07 85");
        await Expect(page.Locator("#person-kind")).ToContainTextAsync("Kuluttaja-asiakas itse");
        await Infrastructure.Browser.CheckPageAsync(page, "person-page");

        await page.SelectOptionAsync("#purpose", "invoicing_and_contracts");
        await page.ClickAsync("#reveal");
        await Expect(page.Locator("#bank-account")).ToHaveTextAsync("FI21 1234 5600 0007 85");
        await Infrastructure.Browser.ScreenshotAsync(page, "subject-revealed");

        // Customer service sees the person but has no way to reveal the account.
        var other = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await other.GotoAsync(_browser.BaseUrl + "/search?q=044%20765");
        await other.Locator("#results a").First.ClickAsync();
        await Expect(other.Locator("#bank-account")).ToHaveTextAsync("FI21 **** **** **07 85");
        await Expect(other.Locator("#reveal")).ToHaveCountAsync(0);

        await other.GotoAsync(_browser.BaseUrl + "/search?q=zzzz");
        await Expect(other.Locator("#no-results")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnOrganisationIsFoundByBusinessIdAndLeadsToItsContactPersons()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var organisation = await service.Client.CreateOrganisationAsync(new
        {
            name = "Romu ja Rauta Oy",
            businessId = "1572860-0",
            city = "Lahti",
            source = "PublicSources",
        });
        var contact = await service.Client.PostAsJsonAsync($"/api/organisations/{organisation.GetProperty("id").GetGuid()}/contacts",
            new { firstName = "Sanna", lastName = "Öberg", title = "Talouspäällikkö", source = "CustomerOrganisation" });
        var contactSubject = (await contact.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("subjectId").GetGuid();

        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/search?q=1572860-0");
        await page.Locator("#results a", new() { HasText = "Romu ja Rauta Oy" }).ClickAsync();
        await Expect(page.Locator("#organisation h1")).ToHaveTextAsync("Romu ja Rauta Oy");

        await page.Locator("#contacts a", new() { HasText = "Öberg Sanna" }).ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + $"/subjects/{contactSubject}");
        await Expect(page.Locator(".contact-role")).ToContainTextAsync("Romu ja Rauta Oy");
    }
}
