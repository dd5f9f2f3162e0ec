using System.Text.RegularExpressions;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>Finding anyone at once: "/" and type, arrows and Enter; or, without script, the plain form.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class SearchPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private static string Unique() => new([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    [Fact]
    public async Task SlashFocusesTheSearchAndArrowDownEnterOpensTheSuggestedPerson()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var phone = "040 12" + Random.Shared.Next(10000, 99999);
        var person = await service.Client.CreateConsumerAsync(new
        {
            firstName = "Aada",
            lastName = "Aabel",
            street = "Kauppakatu 1",
            postalCode = "40100",
            city = "Jyväskylä",
            phone,
            source = "Consumer",
        });

        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#global-q")).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("040 12");
        var options = page.Locator("#global-q-list [role=option]");
        await Expect(page.Locator("#global-q-list")).ToBeVisibleAsync();
        await Expect(page.Locator("#global-q")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(options.First).ToBeVisibleAsync();
        var first = await options.First.GetAttributeAsync("data-href");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await Infrastructure.Browser.CheckPageAsync(page, "search-suggestions");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForPageAsync(_browser.BaseUrl + first);
        Assert.StartsWith("/subjects/", first);

        // The results page, with the kind and the matched field in words.
        await page.GotoAsync(_browser.BaseUrl + "/search?q=" + Uri.EscapeDataString(phone));
        await Expect(page.Locator("#results tr", new() { HasText = "Aabel Aada" }).Locator(".matched")).ToHaveTextAsync("puhelinnumero");
        await Infrastructure.Browser.CheckPageAsync(page, "search-results");

        // The person just created is among the suggestions for the whole number, and Enter opens them.
        await page.FillAsync("#global-q", phone);
        await Expect(page.Locator("#global-q-list [role=option]", new() { HasText = "Aabel Aada" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(_browser.BaseUrl + $"/subjects/{person.GetProperty("subjectId").GetGuid()}");
    }

    [Fact]
    public async Task WithoutScriptThePlainFormFindsNamesWithoutAccentsAndBusinessIds()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var first = "Iiris" + Unique();
        await service.Client.CreateConsumerAsync(new
        {
            firstName = first,
            lastName = "Mäki-Kulmala",
            street = "Satamakatu 4",
            postalCode = "48100",
            city = "Kotka",
            phone = "044 765 " + Random.Shared.Next(1000, 9999),
            source = "Consumer",
        });
        BusinessId? businessId;
        while (!BusinessId.TryCreate(Random.Shared.Next(1_000_000, 9_999_999), out businessId))
        {
        }

        var organisation = await service.Client.CreateOrganisationAsync(new
        {
            name = "Kupari ja Pelti Oy " + Unique(),
            businessId = businessId.Value,
            city = "Lahti",
            source = "PublicSources",
        });

        // Signed in through the form in a browser without JavaScript.
        await using var context = await _browser.Chromium.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "fi-FI", TimezoneId = "Europe/Helsinki" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_browser.BaseUrl + "/Account/Login");
        await page.FillAsync("#email", service.Email);
        await page.FillAsync("#password", RegisterFactory.UserPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForPageAsync(_browser.BaseUrl + "/");
        await page.GotoAsync(_browser.BaseUrl + "/");

        await page.FillAsync("#global-q", "maki-kulmala " + first.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(new Regex("/search\\?q="));
        var row = page.Locator("#results tr", new() { HasText = "Mäki-Kulmala " + first });
        await Expect(row).ToContainTextAsync("Kuluttaja");
        await Expect(row.Locator(".matched")).ToHaveTextAsync("nimi");
        await Expect(page.Locator("#global-q-list")).ToBeHiddenAsync();

        // (No axe here: it runs as script, which this browser does not; the results page is checked in the other test.)

        await page.FillAsync("#q", businessId.Value);
        await page.ClickAsync("#search");
        var hit = page.Locator("#results tr", new() { HasText = organisation.GetProperty("name").GetString()! });
        await Expect(hit.Locator(".matched")).ToHaveTextAsync("Y-tunnus");
        await Expect(hit).ToContainTextAsync("Organisaatio");
        await hit.Locator("a").ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + $"/organisations/{organisation.GetProperty("id").GetGuid()}");

        await page.GotoAsync(_browser.BaseUrl + "/search?q=a");
        await Expect(page.Locator("#search-error")).ToHaveTextAsync("Kirjoita vähintään 2 merkkiä.");
        await Expect(page.Locator("#q")).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
