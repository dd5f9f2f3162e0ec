using System.Globalization;
using System.Net;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The public privacy notice in Finnish, Swedish and English without signing in, its versions, and the Art 30 record
/// for the DPO with its CSV and PDF.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class NoticePagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task AVisitorReadsTheNoticeInEachLanguageAndItsVersionsWithoutSigningIn()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.BaseUrl + "/tietosuoja");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tietosuojaseloste");
        await Expect(page.Locator("#notice")).ToHaveAttributeAsync("lang", "fi");
        await Expect(page.Locator(".notice-section h2")).ToHaveCountAsync(13);
        await Expect(page.Locator("#s1-title")).ToHaveTextAsync("1. Rekisterinpitäjä");
        await Expect(page.Locator("#s13-title")).ToHaveTextAsync("13. Profiloinnin olemassaolo");
        await Expect(page.Locator("#s1")).ToContainTextAsync("Encore Ympäristöpalvelut Oy");
        await Expect(page.Locator("#s2")).ToContainTextAsync("Ilona Ruskoaho, viestintä ja markkinointi");
        await Expect(page.Locator("#s3")).ToContainTextAsync("ari.aalto@encorepalvelut.fi");
        await Expect(page.Locator("#s6")).ToContainTextAsync("Nauhoitteet säilytetään 2 kuukautta");
        await Expect(page.Locator("#s8")).ToContainTextAsync("Tietoja ei siirretä EU:n eikä ETA:n ulkopuolelle.");
        await Expect(page.Locator("#s8")).ToContainTextAsync("Encore Kierrätys Oy (FI), Encore Metalli Ab (SE)");
        await Expect(page.Locator("#s8")).ToContainTextAsync("perintätoimistolle (Esimerkkiperintä Oy (FI))");
        await Expect(page.Locator("#s11")).ToContainTextAsync("24 kuukautta, ei koskaan lakisääteisiä aikoja pidempään");
        await Expect(page.Locator("#s12")).ToContainTextAsync("Tietosuojavaltuutetun toimisto");
        await Expect(page.Locator("#notice-version")).ToContainTextAsync("Versio 1, voimassa");
        await Infrastructure.Browser.CheckPageAsync(page, "notice-tietosuoja");

        await page.ClickAsync("a[lang=sv]:has-text('Dataskyddsbeskrivning')");
        await Expect(page).ToHaveURLAsync(_browser.BaseUrl + "/dataskydd");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dataskyddsbeskrivning");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(page.Locator("#s1-title")).ToHaveTextAsync("1. Personuppgiftsansvarig");
        await Expect(page.Locator("#s11")).ToContainTextAsync("24 månader");
        await Infrastructure.Browser.CheckPageAsync(page, "notice-dataskydd");

        await page.GotoAsync(_browser.BaseUrl + "/privacy");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Privacy notice");
        await Expect(page.Locator("#s12")).ToContainTextAsync("Office of the Data Protection Ombudsman");
        await Infrastructure.Browser.CheckPageAsync(page, "notice-privacy");

        await page.GotoAsync(_browser.BaseUrl + "/tietosuoja");
        await page.ClickAsync("#notice-versions");
        await Expect(page).ToHaveURLAsync(_browser.BaseUrl + "/tietosuoja/versiot");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tietosuojaselosteen versiot");
        await Expect(page.Locator("#notice-version-list tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#notice-version-list tbody tr td").Nth(1)).ToHaveTextAsync("voimassa");
        await Infrastructure.Browser.CheckPageAsync(page, "notice-versiot");

        await page.ClickAsync("#notice-version-list a");
        await Expect(page).ToHaveURLAsync(_browser.BaseUrl + "/tietosuoja/versiot/1");
        await Expect(page.Locator("#notice-old")).ToHaveCountAsync(0);
        await Expect(page.Locator(".notice-section")).ToHaveCountAsync(13);
        await Infrastructure.Browser.CheckPageAsync(page, "notice-versio");

        await page.GotoAsync(_browser.BaseUrl + "/tietosuoja/versiot?lang=sv");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dataskyddsbeskrivningens versioner");
    }

    [Fact]
    public async Task TheDpoReadsTheArticle30RecordAndDownloadsItAsCsvAndPdf()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/catalog");
        await page.ClickAsync("#catalog-record");
        await Expect(page).ToHaveURLAsync(_browser.BaseUrl + "/catalog/record");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Seloste käsittelytoimista (tietosuoja-asetuksen 30 artikla)");
        await Expect(page.Locator("#record-controller")).ToContainTextAsync("Encore Ympäristöpalvelut Oy");
        await Expect(page.Locator("#record-controller")).ToContainTextAsync("Ari Aalto");
        var activities = await page.Locator(".record-activity").CountAsync();
        Assert.True(activities >= 8, $"{activities} activities");
        await Expect(page.Locator("#record-activities")).ToContainTextAsync("Esimerkkiperintä Oy (FI, rekisterinpitäjä): laskutustiedot");
        await Expect(page.Locator("#record-activities")).ToContainTextAsync("Encore Metalli Ab (SE, rekisterinpitäjä): nimi");
        await Expect(page.Locator("#record-activities")).ToContainTextAsync("24 kuukautta");
        await Expect(page.Locator("#record-security")).ToContainTextAsync("lukitussa tilassa");
        await Infrastructure.Browser.CheckPageAsync(page, "notice-record");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#record-csv"));
        var path = await download.PathAsync();
        using (var reader = CsvHelper.CsvReader.Create(File.OpenRead(path!), new CsvHelper.CsvReaderOptions { Separator = ';', HasHeader = false }))
        {
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
            }

            Assert.Equal(["Rekisterinpitäjä", "Tietosuojavastaava", "Käyttötarkoitus"], rows[0].Take(3));
            Assert.Equal(activities, rows.Count - 1);
            Assert.Contains(rows, r => r[2] == "Laskutus ja sopimukset" && r[8].Contains("Metallihyvitysten maksut: 6 vuotta", StringComparison.Ordinal));
        }

        var pdf = await dpo.Client.GetAsync("/api/catalog/record?format=pdf&lang=sv");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        var pdfPage = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#record-pdf"));
        Assert.EndsWith(".pdf", pdfPage.SuggestedFilename, StringComparison.Ordinal);

        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync("/api/catalog/record?format=csv")).StatusCode);
    }
}
