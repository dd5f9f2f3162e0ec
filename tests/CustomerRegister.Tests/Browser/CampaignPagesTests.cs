using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CustomerRegister.Audit;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// A marketer builds a consumer email list on <c>/marketing/campaigns/new</c>: the preview leaves out a person without
/// consent, one with a prohibition and a restricted one, each counted under its reason; the saved campaign's file
/// carries only the allowed person with their opt-out link, and pressing that link's button takes them off the next list.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class CampaignPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private const string City = "Kampanjala";

    private static async Task<Guid> ConsumerAsync(HttpClient client, string firstName, string email) =>
        (await client.CreateConsumerAsync(new
        {
            firstName,
            lastName = "Listala",
            street = "Kampanjatie 1",
            postalCode = "99990",
            city = City,
            email,
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();


    [Fact]
    public async Task AConsumerEmailListCountsEachReasonAndAnUnsubscribeTakesThePersonOffTheNextList()
    {
        var staff = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var marketer = await _browser.App.CreateUserAsync(Roles.Marketing);

        var allowed = await ConsumerAsync(staff.Client, "Sallittu", "sallittu@example.fi");
        await staff.Client.AppendEmailMarketingAsync(allowed, "PermissionGranted");
        await ConsumerAsync(staff.Client, "Luvaton", "luvaton@example.fi");
        var prohibited = await ConsumerAsync(staff.Client, "Kieltänyt", "kieltanyt@example.fi");
        await staff.Client.AppendEmailMarketingAsync(prohibited, "PermissionGranted");
        await staff.Client.AppendEmailMarketingAsync(prohibited, "Prohibition");
        var restricted = await ConsumerAsync(staff.Client, "Rajoitettu", "rajoitettu@example.fi");
        await staff.Client.AppendEmailMarketingAsync(restricted, "PermissionGranted");
        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: restricted))).Id();
        await dpo.Client.StepAsync(request, "start", new { });
        await dpo.Client.StepAsync(request, "restrict", new { ground = "AccuracyContested" });

        var page = await _browser.SignedInPageAsync(marketer.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/marketing/campaigns");
        await Expect(page.Locator("#no-campaigns")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-index-empty");
        await page.ClickAsync("#new-campaign");
        await page.WaitForPageAsync(_browser.BaseUrl + "/marketing/campaigns/new");
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-new");

        await page.FillAsync("#Input_Name", "Syystarjous sähköpostilla");
        await page.SelectOptionAsync("#Input_Channel", "Email");
        await page.SelectOptionAsync("#Input_Purpose", "sales_and_marketing");
        await page.SelectOptionAsync("#Input_Kinds", "Consumer");
        await page.FillAsync("#Input_Municipality", City);
        await page.ClickAsync("#preview-campaign");
        await Expect(page.Locator("#count-selected")).ToHaveTextAsync("4");
        await Expect(page.Locator("#count-included")).ToHaveTextAsync("1");
        await Expect(page.Locator("#excluded-noconsent td")).ToHaveTextAsync("1");
        await Expect(page.Locator("#excluded-prohibition td")).ToHaveTextAsync("1");
        await Expect(page.Locator("#excluded-restriction td")).ToHaveTextAsync("1");
        await Expect(page.Locator("#excluded-objection td")).ToHaveTextAsync("0");
        await Expect(page.Locator("#first-rows")).ToContainTextAsync("Sallittu Listala");
        await Expect(page.Locator("#first-rows")).Not.ToContainTextAsync("Luvaton");
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-new-preview");

        await page.ClickAsync("#save-campaign");
        await page.WaitForPageAsync(new Regex("/marketing/campaigns/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tallennettu.");
        await Expect(page.Locator("#campaign-channel")).ToHaveTextAsync("Sähköposti");
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-campaign");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-campaign"));
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("name;email;language;opt_out_link", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith("Sallittu Listala;sallittu@example.fi;fi;", row, StringComparison.Ordinal);
        var link = new Uri(row.Split(';')[3]);

        // The person presses the button behind their link (no sign-in): the next list leaves them out as a prohibition.
        var person = await _browser.NewPageAsync();
        await person.GotoAsync(_browser.BaseUrl + link.AbsolutePath);
        await person.ClickAsync("#optout-confirm");
        await Expect(person.Locator("#optout-done")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.Locator("#runs tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync("#preview-campaign");
        await Expect(page.Locator("#count-included")).ToHaveTextAsync("0");
        await Expect(page.Locator("#excluded-prohibition td")).ToHaveTextAsync("2");
        await Expect(page.Locator("#empty-list")).ToBeVisibleAsync();
        await Expect(page.Locator("#runs tbody tr")).ToHaveCountAsync(2);
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-campaign-preview");

        // Each export and preview is audited as a use of the data (the run, naming nobody), and each person it put
        // before staff by an event of their own: the allowed person, shown once in a preview and once on a file.
        await using var scope = _browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        var events = await db.Set<AuditEvent>().AsNoTracking().Where(e => e.Action.StartsWith("marketing.campaign.")).ToListAsync();
        var runs = events.Where(e => e.Action is "marketing.campaign.export" or "marketing.campaign.preview").ToList();
        Assert.Contains(runs, e => e.Action == "marketing.campaign.export" && e.Outcome == "ok");
        Assert.Equal(2, runs.Count(e => e.Action == "marketing.campaign.preview"));
        Assert.All(runs, e => Assert.Null(e.SubjectId));
        Assert.Equal(new Guid?[] { allowed, allowed }, events.Except(runs).Select(e => e.SubjectId));

        await page.GotoAsync(_browser.BaseUrl + "/marketing/campaigns");
        await Expect(page.Locator("#campaigns")).ToContainTextAsync("Syystarjous sähköpostilla");
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-index");
    }

    [Fact]
    public async Task TheFormNamesEachWrongFieldInFinnishAndSwedish()
    {
        var marketer = await _browser.App.CreateUserAsync(Roles.Marketing);
        var page = await _browser.SignedInPageAsync(marketer.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/marketing/campaigns/new");
        await page.FillAsync("#Input_PostalCodePrefix", "33a");
        await page.ClickAsync("#save-campaign");
        await Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Expect(page.Locator("#Input_PostalCodePrefix-error")).ToContainTextAsync("Postinumeron alku on 1–5 numeroa");
        await Expect(page.Locator("#Input_PostalCodePrefix")).ToHaveValueAsync("33a");
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-new-errors");

        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=sv&returnUrl=%2Fmarketing%2Fcampaigns%2Fnew");
        await page.FillAsync("#Input_PostalCodePrefix", "123456");
        await page.ClickAsync("#save-campaign");
        await Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync("Obligatorisk uppgift.");
        await Expect(page.Locator("#Input_PostalCodePrefix-error")).ToContainTextAsync("Postnumrets början är 1–5 siffror");
        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=fi&returnUrl=%2F");
    }
}
