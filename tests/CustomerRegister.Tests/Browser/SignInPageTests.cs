using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>The real pages in headless Chromium against the app on a real port.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class SignInPageTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    private RegisterFactory _app => _browser.App;

    private string _baseUrl => _browser.BaseUrl;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new OneTimeAdminFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task FirstAdministratorSignsInChangesTheOneTimePasswordAndLandsOnTheHomePage()
    {
        var oneTime = Regex.Match(_app.ConsoleOutput.ToString(), @"One-time password:\s+(\S+)").Groups[1].Value;
        Assert.NotEmpty(oneTime);
        var page = await _browser.NewPageAsync();

        // The Content-Security-Policy is active on every page: a violation shows up as a console error naming it.
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync(_baseUrl + "/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(page.Locator("header")).ToHaveCSSAsync("background-color", "rgb(31, 111, 80)");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kirjaudu sisään");

        await page.FillAsync("#email", FirstAdministrator.DefaultEmail);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#login-error")).ToContainTextAsync("Sähköposti tai salasana on väärä");

        await page.FillAsync("#email", FirstAdministrator.DefaultEmail);
        await page.FillAsync("#password", oneTime);
        await page.ClickAsync("#sign-in");
        await page.WaitForPageAsync(new Regex("/Account/ChangePassword"));
        await Expect(page.Locator("#must-change")).ToBeVisibleAsync();

        // Going elsewhere first is not possible: the home page sends the user back.
        await page.GotoAsync(_baseUrl + "/");
        await page.WaitForPageAsync(new Regex("/Account/ChangePassword"));

        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", "lyhyt");
        await page.FillAsync("#confirm", "lyhyt");
        await page.ClickAsync("#change-password");
        await Expect(page.Locator("#new-password-error")).ToContainTextAsync("vähintään 12 merkkiä");

        const string newPassword = "pääkäyttäjän oma salalause";
        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", newPassword);
        await page.FillAsync("#confirm", newPassword);
        await page.ClickAsync("#change-password");

        // An administrator needs a second factor: nothing else opens before the authenticator is enrolled.
        await page.WaitForPageAsync(new Regex("/Account/TwoFactor"));
        await _browser.EnrolOnPageAsync(page, FirstAdministrator.DefaultEmail);
        await page.ClickAsync("#continue");
        await page.WaitForPageAsync(_baseUrl + "/");
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Tervetuloa, Administrator");
        await Expect(page.Locator("#start-administrator h2")).ToHaveTextAsync("Pääkäyttäjä");
        await Infrastructure.Browser.ScreenshotAsync(page, "home-fi", fullPage: false);

        await page.ClickAsync("a[lang=sv]");
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Välkommen, Administrator");

        await page.ClickAsync("#sign-out");
        await page.WaitForPageAsync(new Regex("/Account/Login"));
        Assert.Empty(violations);

        // The new password works through the API as well; the one-time password no longer does.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _app.LoginAsync(FirstAdministrator.DefaultEmail, newPassword)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await _app.LoginAsync(FirstAdministrator.DefaultEmail, oneTime)).StatusCode);
    }
}
