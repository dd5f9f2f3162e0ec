using System.Text.RegularExpressions;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>The public form and the page its confirmation mail links to, in headless Chromium.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed partial class RightsConfirmPageTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    [GeneratedRegex(@"/rights/confirm\?token=([A-Za-z0-9_\-]+)&culture=(\w\w)")]
    private static partial Regex LinkPattern();

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RequestsFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task TheFinnishFormNamesEachBadFieldInFinnishAndIsAccessible()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.BaseUrl + "/rights");
        await Infrastructure.Browser.AssertAccessibleAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, "rights-fi");

        // Sent without a name or an email: the form comes back with each missing field named in Finnish, nothing sent.
        await page.SelectOptionAsync("#type", "Access");
        await page.ClickAsync("#send-request");
        await Expect(page.Locator("p.error")).ToHaveTextAsync(["Pakollinen tieto.", "Pakollinen tieto."]);
        await Expect(page.Locator("#rights-sent")).ToBeHiddenAsync();

        // A value in the wrong form is named in Finnish too, and what was typed stays in the form.
        await page.FillAsync("#name", "Maija Meikäläinen");
        await page.FillAsync("#email", "ei-sahkopostiosoite");
        await page.ClickAsync("#send-request");
        await Expect(page.Locator("p.error")).ToHaveTextAsync(["Tarkista tämä tieto: se ei kelpaa tässä muodossa."]);
        await Expect(page.Locator("#name")).ToHaveValueAsync("Maija Meikäläinen");
        await Infrastructure.Browser.AssertAccessibleAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, "rights-errors-fi");
    }

    [Fact]
    public async Task TheMailedLinkOpensAPageWhoseButtonConfirms()
    {
        var app = (RequestsFactory)_browser.App;
        var email = $"sara.{Guid.NewGuid():N}@example.se";
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.BaseUrl + "/rights?culture=sv");
        await page.SelectOptionAsync("#type", "Erasure");
        await page.FillAsync("#name", "Sara Svensson");
        await page.FillAsync("#email", email);
        await page.ClickAsync("#send-request");
        await Expect(page.Locator("#rights-sent")).ToBeVisibleAsync();

        var link = LinkPattern().Match(Assert.Single(app.MailTo(email)).TextBody ?? "");
        Assert.True(link.Success);
        Assert.Equal("sv", link.Groups[2].Value);
        await page.GotoAsync(_browser.BaseUrl + link.Value);

        // Opening the link changes nothing: a mail scanner that follows it confirms nothing.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bekräfta din begäran");
        Assert.Equal("Received", await StateAsync(app, email));
        await Infrastructure.Browser.AssertAccessibleAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, "rights-confirm-sv");

        await page.ClickAsync("#confirm-request");
        await Expect(page.Locator("#rights-confirmed")).ToContainTextAsync("Tack");
        Assert.Equal("EmailConfirmed", await StateAsync(app, email));
        await Infrastructure.Browser.AssertAccessibleAsync(page);

        // The link works once.
        await page.GotoAsync(_browser.BaseUrl + link.Value);
        await page.ClickAsync("#confirm-request");
        await Expect(page.Locator("#rights-invalid")).ToBeVisibleAsync();
    }

    private static async Task<object?> StateAsync(RequestsFactory app, string email) =>
        await app.Database.ScalarAsync($"SELECT state FROM data_subject_requests WHERE requester_email = '{email}'");
}
