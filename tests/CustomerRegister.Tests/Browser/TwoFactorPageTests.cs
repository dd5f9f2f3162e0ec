using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>A data protection officer enrols an authenticator app on the page and signs in with its codes.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class TwoFactorPageTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    private TwoFactorFactory App => (TwoFactorFactory)_browser.App;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new TwoFactorFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ADataProtectionOfficerEnrolsWithTheQrCodeAndSignsInWithACodeOrARecoveryCode()
    {
        var email = $"tietosuoja-{Guid.NewGuid():N}@register.test";
        var admin = await App.AdminAsync();
        Assert.True((await admin.PostAsJsonAsync("/api/users", new
        {
            email,
            displayName = "Tietosuojavastaava",
            roles = new[] { Roles.DataProtectionOfficer },
            password = RegisterFactory.InitialPassword,
        })).IsSuccessStatusCode);
        await App.ChangePasswordAsync(email, RegisterFactory.InitialPassword, RegisterFactory.UserPassword);

        var page = await _browser.NewPageAsync();
        await SignInWithPasswordAsync(page, email);

        // The password alone opens nothing but the enrolment.
        await page.WaitForPageAsync(new Regex("/Account/TwoFactor\\?"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kaksivaiheinen tunnistautuminen");
        await Expect(page.Locator("#two-factor-required")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#qr-code").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 100);
        await AssertAccessibleAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, "two-factor-enrol-fi");
        await page.GotoAsync(_browser.BaseUrl + "/search");
        await page.WaitForPageAsync(new Regex("/Account/TwoFactor\\?"));

        await Expect(page.Locator("#shared-key")).ToHaveTextAsync(new Regex("^\\s*([A-Z2-7]{4} )+[A-Z2-7]{1,4}\\s*$"));
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Trim();
        var totp = new Totp(Base32Encoding.ToBytes(key.Replace(" ", "")));
        var enrolmentCode = totp.ComputeTotp(App.Clock.GetUtcNow().UtcDateTime);
        await page.FillAsync("#code", enrolmentCode);
        await page.ClickAsync("#confirm");
        await Expect(page.Locator("#recovery-codes code")).ToHaveCountAsync(TwoFactorRules.RecoveryCodeCount);
        var recoveryCodes = await page.Locator("#recovery-codes code").AllTextContentsAsync();
        await AssertAccessibleAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, "two-factor-recovery-codes-fi");
        await page.ClickAsync("#continue");
        await page.WaitForPageAsync(_browser.BaseUrl + "/search");
        await page.GotoAsync(_browser.BaseUrl + "/");
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Tervetuloa, Tietosuojavastaava");

        // The next sign-in asks for a code: a wrong one and a replayed one are refused, a fresh one opens.
        await SignOutAsync(page);
        await SignInWithPasswordAsync(page, email);
        await page.WaitForPageAsync(new Regex("/Account/TwoFactorSignIn"));
        await AssertAccessibleAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, "two-factor-sign-in-fi", fullPage: false);
        await page.FillAsync("#code", enrolmentCode == "000000" ? "111111" : "000000");
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#two-factor-error")).ToContainTextAsync("väärä");
        await page.FillAsync("#code", enrolmentCode);
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#two-factor-error")).ToContainTextAsync("jo käytetty");
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.FillAsync("#code", totp.ComputeTotp(App.Clock.GetUtcNow().UtcDateTime));
        await page.ClickAsync("#verify");
        await page.WaitForPageAsync(_browser.BaseUrl + "/");

        // Without the phone: a recovery code, once.
        await SignOutAsync(page);
        await SignInWithPasswordAsync(page, email);
        await page.WaitForPageAsync(new Regex("/Account/TwoFactorSignIn"));
        await page.ClickAsync("#use-recovery-code");
        await page.FillAsync("#recovery-code", recoveryCodes[0]);
        await page.ClickAsync("#verify");
        await page.WaitForPageAsync(_browser.BaseUrl + "/");
        await SignOutAsync(page);
        await SignInWithPasswordAsync(page, email);
        await page.ClickAsync("#use-recovery-code");
        await page.FillAsync("#recovery-code", recoveryCodes[0]);
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#two-factor-error")).ToBeVisibleAsync();
    }

    private async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync(_browser.BaseUrl + "/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", RegisterFactory.UserPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForPageAsync(PageWaits.AwayFromSignIn);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("#sign-out");
        await page.WaitForPageAsync(new Regex("/Account/Login"));
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        await Infrastructure.Browser.AssertAccessibleAsync(page);
    }
}
