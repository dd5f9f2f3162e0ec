using System.Text.RegularExpressions;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

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
    public async Task TheMailedLinkOpensAPageWhoseButtonConfirms()
    {
        var app = (RequestsFactory)_browser.App;
        var email = $"sara.{Guid.NewGuid():N}@example.se";
        var page = await _browser.Chromium.NewPageAsync();
        await page.GotoAsync(_browser.BaseUrl + "/rights?culture=sv");
        await page.SelectOptionAsync("#type", "Erasure");
        await page.FillAsync("#name", "Sara Svensson");
        await page.FillAsync("#email", email);
        await page.ClickAsync("#send-request");
        Assert.True(await page.Locator("#rights-sent").IsVisibleAsync());

        var link = LinkPattern().Match(Assert.Single(app.MailTo(email)).TextBody ?? "");
        Assert.True(link.Success);
        Assert.Equal("sv", link.Groups[2].Value);
        await page.GotoAsync(_browser.BaseUrl + link.Value);

        // Opening the link changes nothing: a mail scanner that follows it confirms nothing.
        Assert.Equal("Bekräfta din begäran", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal("Received", await StateAsync(app, email));
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath("rights-confirm-sv.png"), FullPage = true });

        await page.ClickAsync("#confirm-request");
        Assert.Contains("Tack", await page.Locator("#rights-confirmed").TextContentAsync());
        Assert.Equal("EmailConfirmed", await StateAsync(app, email));
        var done = await page.RunAxe();
        Assert.True(done.Violations.Length == 0, string.Join("; ", done.Violations.Select(v => $"{v.Id}: {v.Help}")));

        // The link works once.
        await page.GotoAsync(_browser.BaseUrl + link.Value);
        await page.ClickAsync("#confirm-request");
        Assert.True(await page.Locator("#rights-invalid").IsVisibleAsync());
    }

    private static async Task<object?> StateAsync(RequestsFactory app, string email) =>
        await app.Database.ScalarAsync($"SELECT state FROM data_subject_requests WHERE requester_email = '{email}'");
}
