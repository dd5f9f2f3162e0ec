using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>The app on a real port and a headless Debian Chromium driven by Playwright.</summary>
public sealed class Browser : IAsyncDisposable
{
    private IPlaywright? _playwright;

    private Browser(RegisterFactory app) => App = app;

    public RegisterFactory App { get; }

    public IBrowser Chromium { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static async Task<Browser> StartAsync(RegisterFactory app)
    {
        var browser = new Browser(app);
        app.UseKestrel(0);
        app.StartServer();
        browser.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.ClientOptions.BaseAddress = new Uri(browser.BaseUrl);
        browser._playwright = await Playwright.CreateAsync();
        browser.Chromium = await browser._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("REGISTER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return browser;
    }

    /// <summary>A new page in its own context, as a browser in Finland shows it (date inputs as 4.12.2026, Helsinki time).</summary>
    public Task<IPage> NewPageAsync() =>
        Chromium.NewPageAsync(new BrowserNewPageOptions { Locale = "fi-FI", TimezoneId = "Europe/Helsinki" });

    /// <summary>A new page signed in through the sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");

        // Only where the sign-in went decides the next step (whose actions wait for their own elements).
        try
        {
            await page.WaitForPageAsync(PageWaits.AwayFromSignIn);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Sign-in stayed on {page.Url}; the app's last log lines:\n{string.Join("\n", App.Logs.Lines.TakeLast(60))}");
        }

        if (page.Url.Contains("/Account/TwoFactorSignIn", StringComparison.Ordinal))
        {
            await EnterSecondFactorAsync(page, email);
        }
        else if (page.Url.Contains("/Account/TwoFactor", StringComparison.Ordinal))
        {
            await EnrolOnPageAsync(page, email);
            await page.ClickAsync("#continue");
        }

        await page.WaitForPageAsync(BaseUrl + "/");
        return page;
    }

    /// <summary>On the sign-in's second step: a fresh code from the user's authenticator, or a recovery code.</summary>
    public async Task EnterSecondFactorAsync(IPage page, string email)
    {
        var (code, recoveryCode) = App.Authenticators.Next(email);
        if (code is null)
        {
            await page.ClickAsync("#use-recovery-code");
            await page.FillAsync("#recovery-code", recoveryCode!);
        }
        else
        {
            await page.FillAsync("#code", code);
        }

        await page.ClickAsync("#verify");
    }

    /// <summary>On the enrolment page: types the code for the key shown, like a user with an authenticator app; leaves the recovery codes shown.</summary>
    public async Task<IReadOnlyList<string>> EnrolOnPageAsync(IPage page, string email)
    {
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Trim();
        await page.FillAsync("#code", App.Authenticators.Enrol(email, key));
        await page.ClickAsync("#confirm");
        var codes = (await page.Locator("#recovery-codes code").AllTextContentsAsync()).Select(c => c.Trim()).ToList();
        App.Authenticators.KeepRecoveryCodes(email, codes);
        return codes;
    }

    /// <summary>
    /// axe finds no WCAG violation on the page as it stands, once loaded (colour contrast needs the stylesheet); the
    /// failure names each rule and the elements.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await page.WaitForLoadedAsync();
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    /// <summary>The page as it stands is accessible (axe, zero WCAG A/AA violations) and saved as <c>artifacts/screenshots/{name}.png</c>.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        await AssertAccessibleAsync(page);
    }

    /// <summary>The page as it stands, once loaded (styled), saved as <c>artifacts/screenshots/{name}.png</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        await page.WaitForLoadedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name + ".png"), FullPage = fullPage });
    }

    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(ReadmePermissionTable.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
        App.Dispose();
    }
}
