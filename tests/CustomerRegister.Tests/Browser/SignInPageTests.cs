using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;

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
        var page = await _browser.Chromium.NewPageAsync();

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
        Assert.Contains("/Account/Login", page.Url);
        Assert.Equal("rgb(31, 111, 80)", await page.Locator("header").EvaluateAsync<string>("h => getComputedStyle(h).backgroundColor"));
        Assert.Equal("Kirjaudu sisään", (await page.Locator("h1").TextContentAsync())?.Trim());

        await page.FillAsync("#email", FirstAdministrator.DefaultEmail);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("#sign-in");
        Assert.Contains("Sähköposti tai salasana on väärä", await page.Locator("#login-error").TextContentAsync());

        await page.FillAsync("#email", FirstAdministrator.DefaultEmail);
        await page.FillAsync("#password", oneTime);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(new Regex("/Account/ChangePassword"));
        Assert.True(await page.Locator("#must-change").IsVisibleAsync());

        // Going elsewhere first is not possible: the home page sends the user back.
        await page.GotoAsync(_baseUrl + "/");
        await page.WaitForURLAsync(new Regex("/Account/ChangePassword"));

        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", "lyhyt");
        await page.FillAsync("#confirm", "lyhyt");
        await page.ClickAsync("#change-password");
        Assert.Contains("vähintään 12 merkkiä", await page.Locator("#new-password-error").TextContentAsync());

        const string newPassword = "pääkäyttäjän oma salalause";
        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", newPassword);
        await page.FillAsync("#confirm", newPassword);
        await page.ClickAsync("#change-password");

        // An administrator needs a second factor: nothing else opens before the authenticator is enrolled.
        await page.WaitForURLAsync(new Regex("/Account/TwoFactor"));
        await _browser.EnrolOnPageAsync(page, FirstAdministrator.DefaultEmail);
        await page.ClickAsync("#continue");
        await page.WaitForURLAsync(_baseUrl + "/");
        Assert.Equal("Tervetuloa, Administrator", (await page.Locator("#welcome").TextContentAsync())?.Trim());
        Assert.Contains(Roles.Administrator, await page.Locator("#roles").TextContentAsync());
        Assert.Contains(Permissions.UsersManage, await page.Locator("#permissions").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath("home-fi.png") });

        await page.ClickAsync("a[lang=sv]");
        Assert.Equal("Välkommen, Administrator", (await page.Locator("#welcome").TextContentAsync())?.Trim());

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        Assert.Empty(violations);

        // The new password works through the API as well; the one-time password no longer does.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _app.LoginAsync(FirstAdministrator.DefaultEmail, newPassword)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await _app.LoginAsync(FirstAdministrator.DefaultEmail, oneTime)).StatusCode);
    }
}
