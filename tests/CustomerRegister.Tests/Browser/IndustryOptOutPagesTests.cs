using System.Text;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The marketer at the industry opt-out lists: the page from /marketing, a phone list loaded through its job page and
/// shown in force with its supplier and counts, a broken file refused whole naming its row (the list in force kept),
/// and the form's reasons beside the fields in Finnish and Swedish.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed partial class IndustryOptOutPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [GeneratedRegex("/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();

    [Fact]
    public async Task TheMarketerLoadsAPhoneListAndABrokenFileIsRefusedWholeNamingItsRow()
    {
        var marketer = await _browser.App.CreateUserAsync(Roles.Marketing);
        var page = await _browser.SignedInPageAsync(marketer.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/marketing");
        await page.ClickAsync("#industry-opt-out-link");
        await page.WaitForPageAsync(_browser.BaseUrl + "/marketing/industry-opt-out");
        await Expect(page.Locator("#current-phone")).ToContainTextAsync("Ei ladattu");
        await Expect(page.Locator("#no-history")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "marketing-industry-opt-out-empty");

        // Nothing chosen: each reason beside its field.
        await page.ClickAsync("#load-list");
        await Expect(page.Locator("#Input_Kind-error")).ToHaveTextAsync("Valitse, kumpi lista tiedosto on.");
        await Expect(page.Locator("#Input_Supplier-error")).ToHaveTextAsync("Kirjoita listan toimittaja.");
        await Expect(page.Locator("#Input_File-error")).ToHaveTextAsync("Valitse ladattava tiedosto.");
        await Infrastructure.Browser.CheckPageAsync(page, "marketing-industry-opt-out-errors");

        // A good list: the job page, then the list in force.
        await UploadAsync(page, "Phone", "puhelinkielto.csv", "\uFEFFpuhelin\n040 123 4567\n050 765 4321\n12\n");
        await page.WaitForPageAsync(JobUrl());
        await Expect(page.Locator("#job-message")).ToContainTextAsync("Lista ladattu: 2 numeroa tai osoitetta listalla, 1 riviä hylätty.");
        await Infrastructure.Browser.CheckPageAsync(page, "marketing-industry-opt-out-job");
        await page.ClickAsync("#job-result");
        await page.WaitForPageAsync(_browser.BaseUrl + "/marketing/industry-opt-out");
        var current = page.Locator("#current-phone");
        await Expect(current).ToContainTextAsync("Asiakkuusmarkkinointiliitto");
        await Expect(current).ToContainTextAsync("puhelinkielto.csv");
        await Expect(current.Locator("td.num").First).ToHaveTextAsync("2");
        await Expect(current).ToContainTextAsync("Staff Marketing");
        await Expect(page.Locator("#current-address")).ToContainTextAsync("Ei ladattu");

        // A broken file: refused whole, its row named; the list in force is kept.
        await UploadAsync(page, "Phone", "rikki.csv", "phone\n0401112222\n\"040 333 4444\n");
        await page.WaitForPageAsync(JobUrl());
        await Expect(page.Locator("#job-message")).ToContainTextAsync("Tiedosto hylättiin kokonaan: Rivillä 2");
        await page.ClickAsync("#job-back");
        await Expect(page.Locator("#current-phone")).ToContainTextAsync("puhelinkielto.csv");
        var history = page.Locator("#history tbody.load");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First).ToContainTextAsync("Hylätty");
        await Expect(history.First).ToContainTextAsync("Rivillä 2 on väärä määrä kenttiä tai rikkinäiset lainausmerkit.");
        await Expect(history.Nth(1)).ToContainTextAsync("Voimassa");
        await history.Nth(1).Locator("summary").ClickAsync();
        await Expect(history.Nth(1).Locator(".refused-rows li")).ToHaveTextAsync(["Rivi 3, sarake phone: ei kelvollinen puhelinnumero"]);
        await Infrastructure.Browser.CheckPageAsync(page, "marketing-industry-opt-out");

        // In Swedish.
        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=sv&returnUrl=/marketing/industry-opt-out");
        await page.FillAsync("#Input_Supplier", "Leverantör");
        await page.ClickAsync("#load-list");
        await Expect(page.Locator("#Input_Kind-error")).ToHaveTextAsync("Välj vilken lista filen är.");
        await Expect(page.Locator("#Input_File-error")).ToHaveTextAsync("Välj filen som ska laddas.");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
    }

    [Fact]
    public async Task StaffWithoutMarketingWriteSeeNoUploadForm()
    {
        var dpoReader = await _browser.App.CreateUserAsync(Roles.Billing);
        var page = await _browser.SignedInPageAsync(dpoReader.Email, RegisterFactory.UserPassword);
        var response = await page.GotoAsync(_browser.BaseUrl + "/marketing/industry-opt-out");
        Assert.NotEqual(200, response!.Status);
    }

    private static async Task UploadAsync(IPage page, string kind, string name, string csv)
    {
        await page.SelectOptionAsync("#Input_Kind", kind);
        await page.FillAsync("#Input_Supplier", "Asiakkuusmarkkinointiliitto");
        await page.SetInputFilesAsync("#Input_File", new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#load-list");
    }
}
