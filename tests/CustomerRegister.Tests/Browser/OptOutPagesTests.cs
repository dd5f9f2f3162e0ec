using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Marketing;
using CustomerRegister.Marketing.OptOut;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The opt-out link of a marketing message, pressed by the person in headless Chromium without signing in: opening it
/// changes nothing, its button records a prohibition (or an objection to profiling) that the person page and the
/// marketing check then show; an expired, tampered or unknown-person link says how else to refuse.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class OptOutPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    private ProfilingFactory App => (ProfilingFactory)_browser.App;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new ProfilingFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private OptOutLinks Links => App.Services.GetRequiredService<OptOutLinks>();

    /// <summary>The link as mailed (under Mail:PublicBaseUrl), opened on the test server.</summary>
    private string Local(string url) => _browser.BaseUrl + new Uri(url).AbsolutePath;

    [Fact]
    public async Task TheButtonRecordsTheProhibitionOpeningAloneChangesNothingAndASecondPressSaysItIsInForce()
    {
        var subjectId = await App.ScrapSellerAsync(deliveries: 1, monthsAgo: 1);
        var staff = await App.CreateUserAsync(Roles.CustomerService, Roles.Marketing);
        var granted = await staff.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents", new
        {
            channel = "Email", purpose = "sales_and_marketing", kind = "PermissionGranted", source = "Consumer",
            wordingVersion = "email-2026-01", evidence = "webform-1",
        });
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        Assert.True(await AllowedAsync(staff, subjectId));

        var link = Local(Links.UrlFor(subjectId, MarketingChannel.Email, Purposes.Marketing, "fi"));
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Markkinoinnin kieltäminen");
        await Expect(page.Locator("#optout-scope")).ToContainTextAsync("Sähköposti");
        await Expect(page.Locator("#optout-scope")).ToContainTextAsync("myynti ja markkinointi", new() { IgnoreCase = true });
        await Expect(page.Locator("#optout-contact")).ToContainTextAsync("asiakaspalvelu@encorepalvelut.fi");
        await Infrastructure.Browser.CheckPageAsync(page, "unsubscribe-optout");

        // Opening the link (as a mail scanner does) changed nothing.
        await page.ReloadAsync();
        Assert.True(await AllowedAsync(staff, subjectId));

        await page.ClickAsync("#optout-confirm");
        await Expect(page.Locator("#optout-done")).ToHaveTextAsync("Kielto on kirjattu. Emme enää lähetä sinulle tätä markkinointia.");
        await Infrastructure.Browser.CheckPageAsync(page, "unsubscribe-recorded");
        Assert.False(await AllowedAsync(staff, subjectId, expectedReason: ConsentReasons.Prohibited));

        // The same rule the campaign lists and the person page use denies it, and the entry names the link and the person.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
            var entry = await db.Set<MarketingConsent>().SingleAsync(c => c.SubjectId == subjectId && c.Kind == ConsentEntryKind.Prohibition);
            Assert.Equal((MarketingChannel.Email, Purposes.Marketing, OptOuts.Evidence), (entry.Channel, entry.Purpose, entry.Evidence));
            Assert.Equal((AuditLog.ActorSubject, (Guid?)subjectId), (entry.RecordedByKind, entry.RecordedById));
            var appended = await db.Set<AuditEvent>().Where(e => e.SubjectId == subjectId && e.Action == "marketing.consent.append").ToListAsync();
            Assert.Equal(2, appended.Count);
            Assert.Single(appended, e => e.ActorKind == AuditLog.ActorSubject && e.ActorId == subjectId);
        }

        // A second press adds nothing and says so, without an error.
        await page.GotoAsync(link);
        await page.ClickAsync("#optout-confirm");
        await Expect(page.Locator("#optout-done")).ToHaveTextAsync("Kielto oli jo voimassa, joten mitään ei tarvinnut muuttaa.");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
            Assert.Equal(1, await db.Set<MarketingConsent>().CountAsync(c => c.SubjectId == subjectId && c.Kind == ConsentEntryKind.Prohibition));
        }

        // The person page shows the prohibition in the ledger.
        var desk = await _browser.SignedInPageAsync(staff.Email, RegisterFactory.UserPassword);
        await desk.GotoAsync($"{_browser.BaseUrl}/subjects/{subjectId}");
        await Expect(desk.Locator("#marketing-email")).ToContainTextAsync("kielletty");
        await Expect(desk.Locator("#marketing-ledger li").First).ToContainTextAsync("Markkinointikielto");
        await Expect(desk.Locator("#marketing-ledger li").First).ToContainTextAsync(OptOuts.Evidence);
    }

    [Fact]
    public async Task AnExpiredATamperedAndAnUnknownPersonsLinkSayAlikeHowElseToRefuse()
    {
        var subjectId = await App.ScrapSellerAsync(deliveries: 1, monthsAgo: 1);
        var page = await _browser.NewPageAsync();

        // Tampered: one character changed.
        var link = Local(Links.UrlFor(subjectId, MarketingChannel.Sms, Purposes.Marketing, "fi"));
        var tampered = link[..^3] + (link[^3] == 'A' ? 'B' : 'A') + link[^2..];
        var response = await page.GotoAsync(tampered);
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Linkki ei toimi");
        await Expect(page.Locator("#optout-invalid")).ToContainTextAsync("vanhentunut tai virheellinen");
        await Expect(page.Locator("#optout-contact")).ToContainTextAsync("asiakaspalvelu@encorepalvelut.fi");
        await Expect(page.Locator("#optout-confirm")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "unsubscribe-invalid");

        // Unknown person: the link opens (it says nothing of the person), the press gets the same page, nothing is written.
        await page.GotoAsync(Local(Links.UrlFor(Guid.NewGuid(), MarketingChannel.Email, Purposes.Marketing, "fi")));
        await page.ClickAsync("#optout-confirm");
        await Expect(page.Locator("#optout-invalid")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Linkki ei toimi");

        // Expired: the link works until its validity runs out on the register's clock.
        var valid = Local(Links.UrlFor(subjectId, MarketingChannel.Email, Purposes.Marketing, "fi"));
        App.Clock.Advance(TimeSpan.FromDays(179));
        await page.GotoAsync(valid);
        await Expect(page.Locator("#optout-confirm")).ToBeVisibleAsync();
        App.Clock.Advance(TimeSpan.FromDays(2));
        await page.ClickAsync("#optout-confirm");
        await Expect(page.Locator("#optout-invalid")).ToBeVisibleAsync();
        await page.GotoAsync(valid);
        await Expect(page.Locator("#optout-invalid")).ToBeVisibleAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        Assert.Equal(0, await db.Set<MarketingConsent>().CountAsync(c => c.SubjectId == subjectId));
    }

    [Fact]
    public async Task ASwedishLinkOpensTheSwedishPage()
    {
        var subjectId = await App.ScrapSellerAsync(deliveries: 1, monthsAgo: 1);
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(Local(Links.UrlFor(subjectId, MarketingChannel.Post, Purposes.MarketResearch, "sv")));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Förbjud marknadsföring");
        await Expect(page.Locator("#optout-scope")).ToContainTextAsync("Post");
        await Expect(page.Locator("#optout-confirm")).ToHaveTextAsync("Förbjud marknadsföring");
        await Infrastructure.Browser.AssertAccessibleAsync(page);
        await page.ClickAsync("#optout-confirm");
        await Expect(page.Locator("#optout-done")).ToContainTextAsync("Förbudet har registrerats.");
    }

    [Fact]
    public async Task TheProfilingLinkStopsProfilingAndRemovesTheSegment()
    {
        var subjectId = await App.ScrapSellerAsync(deliveries: 12, monthsAgo: 3);
        var dpo = await App.CreateUserAsync(Roles.DataProtectionOfficer);
        Assert.True((await dpo.Client.PostAsJsonAsync("/api/profiling/run", new { })).IsSuccessStatusCode);
        Assert.True(await App.ResultsOfAsync(subjectId) > 0);

        var page = await _browser.NewPageAsync();
        await page.GotoAsync(Local(Links.ProfilingUrlFor(subjectId, "fi")));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Profiloinnin lopettaminen");
        await Infrastructure.Browser.CheckPageAsync(page, "unsubscribe-profiling");
        Assert.True(await App.ResultsOfAsync(subjectId) > 0);

        await page.ClickAsync("#optout-confirm");
        await Expect(page.Locator("#optout-done")).ToContainTextAsync("Vastustuksesi on kirjattu.");
        Assert.Equal(0, await App.ResultsOfAsync(subjectId));

        var profile = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/profile");
        Assert.True(profile.GetProperty("stopped").GetBoolean());
        Assert.Equal(0, profile.GetProperty("results").GetArrayLength());

        await page.GotoAsync(Local(Links.ProfilingUrlFor(subjectId, "fi")));
        await page.ClickAsync("#optout-confirm");
        await Expect(page.Locator("#optout-done")).ToContainTextAsync("Vastustuksesi oli jo voimassa");
    }

    private static async Task<bool> AllowedAsync(StaffUser staff, Guid subjectId, string? expectedReason = null)
    {
        var check = await staff.Client.GetFromJsonAsync<JsonElement>(
            $"/api/marketing/can-contact?subjectId={subjectId}&channel=Email&purpose=sales_and_marketing");
        if (expectedReason is not null)
        {
            Assert.Equal(expectedReason, check.GetProperty("reason").GetString());
        }

        return check.GetProperty("allowed").GetBoolean();
    }
}
