using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The administrator's pages as a new administrator meets them: no search to be refused, a way to create the staff;
/// users, API keys, production units and settings; the DPO's approval of a key and change of a unit's period.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class AdminPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task TheAdministratorCreatesAUserWhoSignsInAndRevokesAKey()
    {
        var page = await _browser.SignedInPageAsync(RegisterFactory.AdminEmail, RegisterFactory.AdminPassword);

        // The first screen: no search it may not use, and the way to create staff.
        await Expect(page.Locator("#global-search")).ToHaveCountAsync(0);
        await Expect(page.Locator("#main-menu #nav-search")).ToHaveCountAsync(0);
        await Expect(page.Locator("#main-menu #nav-admin")).ToBeVisibleAsync();
        await Expect(page.Locator("#admin-intro")).ToContainTextAsync("Luo henkilökunnalle käyttäjät");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-start");

        await page.ClickAsync("#start-create-user");
        await page.WaitForPageAsync(new Regex("/admin/users#new-user$"));
        await Infrastructure.Browser.CheckPageAsync(page, "admin-users");

        // Nothing filled in: each error beside its field, in Finnish.
        await page.ClickAsync("#create-user");
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Email-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Expect(page.Locator("#Input_DisplayName-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-users-errors");

        var email = $"anna.{Unique()}@register.test";
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_DisplayName", "Anna Asiakaspalvelija");
        await page.CheckAsync("#role-CustomerService");
        await page.ClickAsync("#create-user");
        await page.WaitForPageAsync(new Regex("/admin/users/[0-9a-f-]{36}(#new-user)?$"));
        var userUrl = page.Url.Split('#')[0];
        await Expect(page.Locator("#notice")).ToContainTextAsync(email);
        var oneTime = (await page.Locator("#one-time-password").TextContentAsync())!.Trim();
        Assert.Equal(20, oneTime.Length);
        await Expect(page.Locator("#permissions")).ToContainTextAsync("Asiakastietojen luku");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-user-created");

        // The password is shown once: the page again shows none.
        await page.ReloadAsync();
        await Expect(page.Locator("#one-time-password")).ToHaveCountAsync(0);

        // A second time with the same email: refused beside the field.
        await page.GotoAsync(_browser.BaseUrl + "/admin/users");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_DisplayName", "Toinen");
        await page.ClickAsync("#create-user");
        await Expect(page.Locator("#Input_Email-error")).ToHaveTextAsync("Tällä sähköpostiosoitteella on jo käyttäjä.");

        // The new user signs in with the one-time password, chooses their own and sees the search.
        var staff = await _browser.NewPageAsync();
        await staff.GotoAsync(_browser.BaseUrl + "/Account/Login");
        await staff.FillAsync("#email", email);
        await staff.FillAsync("#password", oneTime);
        await staff.ClickAsync("#sign-in");
        await staff.WaitForPageAsync(new Regex("/Account/ChangePassword"));
        await staff.FillAsync("#current", oneTime);
        await staff.FillAsync("#new", RegisterFactory.UserPassword);
        await staff.FillAsync("#confirm", RegisterFactory.UserPassword);
        await staff.ClickAsync("#change-password");
        await staff.WaitForPageAsync(_browser.BaseUrl + "/");
        await Expect(staff.Locator("#welcome")).ToContainTextAsync("Anna Asiakaspalvelija");
        await Expect(staff.Locator("#global-search")).ToBeVisibleAsync();

        // Roles, disabling and enabling, the second factor.
        await page.GotoAsync(userUrl);
        await page.CheckAsync("#role-Marketing");
        await page.ClickAsync("#save-roles");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Roolit tallennettu.");
        await Expect(page.Locator("#role-Marketing")).ToBeCheckedAsync();
        await page.ClickAsync("#disable");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Käyttäjä poistettu käytöstä.");
        await Expect(page.Locator("#user-email")).ToContainTextAsync("Poistettu käytöstä");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.App.LoginAsync(email, RegisterFactory.UserPassword)).StatusCode);
        await page.ClickAsync("#enable");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Käyttäjä otettu käyttöön.");
        await page.ClickAsync("#reset-two-factor");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Todennussovellus nollattu.");
        await Expect(page.Locator("#two-factor-state")).ToHaveTextAsync("Todennussovellusta ei ole otettu käyttöön.");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-user");

        // Its own account: the refusal in words.
        await page.GotoAsync(_browser.BaseUrl + "/admin/users");
        await page.Locator("#users a", new() { HasText = "Administrator" }).ClickAsync();
        await page.ClickAsync("#disable");
        await Expect(page.Locator("#refusal")).ToHaveTextAsync("Omaa käyttäjätunnustasi et voi poistaa käytöstä.");

        // An API key: created with a scope, shown once, then revoked.
        await page.GotoAsync(_browser.BaseUrl + "/admin/clients");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-clients");
        await page.FillAsync("#Input_Name", "Puhelinjärjestelmä");
        await page.ClickAsync("#create-client");
        await Expect(page.Locator("#Input_Permissions-error")).ToHaveTextAsync("Vähintään yksi oikeus on pakollinen.");
        await page.CheckAsync("#perm-Recording-Upload");
        await page.ClickAsync("#create-client");
        await page.WaitForPageAsync(_browser.BaseUrl + "/admin/clients");
        var key = (await page.Locator("#api-key").TextContentAsync())!.Trim();
        await Expect(page.Locator("#key-pending")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "admin-clients-created");

        using var withKey = _browser.App.Anonymous();
        withKey.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key);
        Assert.Equal(HttpStatusCode.Forbidden, (await withKey.GetAsync("/api/users")).StatusCode);

        var row = page.Locator("#clients tr", new() { HasText = "Puhelinjärjestelmä" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Peru avain: Puhelinjärjestelmä" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("peruttu");
        await Expect(row.Locator(".client-state")).ToContainTextAsync("Peruttu");
        await Expect(page.Locator("#api-key")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withKey.GetAsync("/api/users")).StatusCode);

        // A key beyond the integration permissions waits for the DPO.
        await page.FillAsync("#Input_Name", "Konserniyhtiön raportointi");
        await page.CheckAsync("#perm-Customer-Read");
        await page.ClickAsync("#create-client");
        await Expect(page.Locator("#key-pending")).ToBeVisibleAsync();

        // Production units: the CCTV period within the notice's bounds.
        await page.GotoAsync(_browser.BaseUrl + "/admin/units");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-units");
        var unit = "Kotkan romupiha " + Unique();
        await page.FillAsync("#Input_Name", unit);
        await page.FillAsync("#Input_CctvRetentionMonths", "9");
        await page.ClickAsync("#create-unit");
        await Expect(page.Locator("#Input_CctvRetentionMonths-error")).ToContainTextAsync("Väliltä 1–6 kuukautta");
        await page.FillAsync("#Input_CctvRetentionMonths", "3");
        await page.ClickAsync("#create-unit");
        await Expect(page.Locator("#units tr", new() { HasText = unit })).ToContainTextAsync("3 kuukautta");
        await Expect(page.Locator("#configure-note")).ToBeVisibleAsync();

        // Settings: read-only, a secret only as set.
        await page.GotoAsync(_browser.BaseUrl + "/admin/settings");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-settings");
        var connection = page.Locator("tr", new() { HasText = "ConnectionStrings:Register" });
        await Expect(connection).ToContainTextAsync("asetettu (salainen)");
        Assert.DoesNotContain(_browser.App.Database.ConnectionString, await page.ContentAsync());
        await Expect(page.Locator("tr", new() { HasText = "Auth:TokenMinutes" })).ToContainTextAsync("60");

        // The summary counts what waits now (other journeys in this app may have left keys waiting too).
        var admin = await _browser.App.AdminAsync();
        var clients = await admin.GetFromJsonAsync<JsonElement>("/api/clients");
        var waiting = clients.EnumerateArray().Count(c => c.GetProperty("pending").GetBoolean());
        Assert.True(waiting >= 1);
        await page.GotoAsync(_browser.BaseUrl + "/admin");
        await Expect(page.Locator("#clients-summary")).ToContainTextAsync($"hyväksyntää odottavia {waiting}");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-index");

        // The same form's errors in Swedish.
        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=sv&returnUrl=%2Fadmin%2Fusers");
        await page.ClickAsync("#create-user");
        await Expect(page.Locator("#Input_Email-error")).ToHaveTextAsync("Obligatorisk uppgift.");
        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=fi&returnUrl=%2F");
    }

    [Fact]
    public async Task TheDpoApprovesAWaitingKeyAndChangesAUnitsCctvPeriod()
    {
        var admin = await _browser.App.AdminAsync();
        var keyName = "Konsernin raportointi " + Unique();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = keyName, permissions = new[] { Permissions.CustomerRead } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unitName = "Haminan toimipiste " + Unique();
        var unit = await admin.PostAsJsonAsync("/api/production-units", new { name = unitName, address = "Satamatie 1, Hamina", cctvRetentionMonths = 6 });
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        var unitId = (await unit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/admin/clients/approvals");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-client-approvals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hyväksy avain: " + keyName }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("hyväksytty");
        // Gone from the waiting list (keys other journeys left waiting may remain).
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hyväksy avain: " + keyName })).ToHaveCountAsync(0);

        // The DPO has no administration menu, but sees the units and changes a period.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Päävalikko" }).GetByRole(AriaRole.Link, new() { Name = "Toimipisteet" }).ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + "/admin/units");
        await Expect(page.Locator("#admin-menu")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Muuta toimipistettä " + unitName }).ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + $"/admin/units/{unitId}/edit");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-unit-edit");
        // Someone saves meanwhile: the page keeps the input and shows what is saved now.
        var current = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/production-units/{unitId}");
        var meanwhile = await dpo.Client.PutAsJsonAsync($"/api/production-units/{unitId}",
            new { name = unitName, address = "Satamatie 3, Hamina", cctvRetentionMonths = 4, version = current.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        await page.FillAsync("#Input_CctvRetentionMonths", "2");
        await page.ClickAsync("#save-unit");
        await Expect(page.Locator("#form-stale")).ToBeVisibleAsync();
        await Expect(page.Locator("#current-values")).ToContainTextAsync("Satamatie 3, Hamina");
        await Expect(page.Locator("#Input_CctvRetentionMonths")).ToHaveValueAsync("2");
        await Infrastructure.Browser.CheckPageAsync(page, "admin-unit-stale");
        await page.ClickAsync("#save-unit");
        await page.WaitForPageAsync(_browser.BaseUrl + "/admin/units");
        await Expect(page.Locator("#units tr", new() { HasText = unitName })).ToContainTextAsync("2 kuukautta");

        // The administrator's pages stay closed to the DPO.
        var denied = await page.GotoAsync(_browser.BaseUrl + "/admin/users");
        Assert.Equal(403, denied!.Status);
    }
}
