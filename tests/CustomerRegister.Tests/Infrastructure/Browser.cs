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

    /// <summary>A new page signed in through the sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var page = await Chromium.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
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
