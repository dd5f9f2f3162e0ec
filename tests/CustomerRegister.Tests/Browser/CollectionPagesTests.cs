using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The collection hand-over in the browser: billing staff send an agency's waiting cases as its file (only what
/// collection needs), see the hand-over on the invoice, and bring the agency's status file in — refused whole with
/// each row's reason (in Finnish and Swedish), then taken.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class CollectionPagesTests : IAsyncLifetime
{
    private const string Email = "perittava.henkilo@example.fi";

    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private static DateOnly Today => HelsinkiTime.Today(TimeProvider.System);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task BillingSendsTheAgencysWaitingCasesAndBringsItsStatusBackAllOrNothing()
    {
        var clerk = await _browser.App.CreateUserAsync(Roles.Billing, Roles.CustomerService);
        var agency = await AgencyAsync();
        var (caseId, invoiceId, number) = await OverdueCaseAsync(clerk.Client, agency, "Perittävä" + Tag());

        var page = await _browser.SignedInPageAsync(clerk.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/billing");
        await page.ClickAsync("#collection-link");
        await page.WaitForPageAsync(_browser.BaseUrl + "/billing/collection");
        var row = page.Locator("#waiting tbody tr", new() { HasText = agency });
        await Expect(row).ToContainTextAsync("1");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-collection");

        // Sending downloads the agency's file: the case, no email.
        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("button").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await File.ReadAllBytesAsync(await download.PathAsync());
        var rows = Parse(file);
        Assert.Contains(rows, r => r["case_reference"] == caseId.ToString() && r["invoice_number"] == number);
        Assert.DoesNotContain(Email, Encoding.UTF8.GetString(file), StringComparison.Ordinal);
        await page.GotoAsync(_browser.BaseUrl + "/billing/collection");
        await Expect(page.Locator("#waiting tbody tr", new() { HasText = agency })).ToHaveCountAsync(0);

        // The invoice shows the hand-over; it can be sent again from there.
        await page.GotoAsync(_browser.BaseUrl + $"/billing/invoices/{invoiceId}");
        await Expect(page.Locator("#case-handed-over")).ToHaveTextAsync(Today.ToString("d.M.yyyy", CultureInfo.InvariantCulture));
        var again = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-case"));
        Assert.Single(Parse(await File.ReadAllBytesAsync(await again.PathAsync())), r => r["row_type"] == "INVOICE");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-invoice-collection-sent");

        // A status file with a bad row is refused whole, each reason naming its row.
        await page.GotoAsync(_browser.BaseUrl + "/billing/collection");
        await UploadAsync(page, $"case_reference;status;date;amount_paid\n{caseId};PAID;{Iso(Today)};100.00\n{Guid.NewGuid()};ENDED;{Iso(Today.AddDays(1))};\n{caseId};MYYTY;{Iso(Today)};\n");
        var errors = page.Locator("#collection-errors li");
        await Expect(errors).ToHaveTextAsync([
            "Rivi 3: tällä viitteellä ei löydy perintätapausta.",
            "Rivi 3: päivämäärä on tulevaisuudessa.",
            "Rivi 4: tila puuttuu tai on tuntematon; sallitut: IN_PROGRESS, PAID, RETURNED, ENDED.",
        ]);
        await Infrastructure.Browser.CheckPageAsync(page, "billing-collection-errors");
        var unchanged = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/collection-cases/{caseId}");
        Assert.Equal("Open", unchanged.GetProperty("status").GetString());

        // No file chosen: the reason beside the field.
        await page.ClickAsync("#import-statuses");
        await Expect(page.Locator("#StatusFile-error")).ToHaveTextAsync("Valitse perintätoimiston tilannetiedosto (CSV).");

        // The good file is taken: the case is paid and closed, and the invoice says so.
        await UploadAsync(page, $"case_reference;status;date;amount_paid\n{caseId};PAID;{Iso(Today)};100.00\n");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tilanne tuotu: 1 perintätapausta päivitetty, joista 1 suljettu.");
        await page.GotoAsync(_browser.BaseUrl + $"/billing/invoices/{invoiceId}");
        await Expect(page.Locator("#invoice-state")).ToHaveTextAsync("Maksettu");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("Suljettu");
        await Expect(page.Locator("#case-agency-status")).ToContainTextAsync("Maksettu");
        await Expect(page.Locator("#case-agency-status")).ToContainTextAsync("peritty 100,00\u00a0€");
        await Expect(page.Locator("#export-case")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheRowsReasonsAreInSwedishAndAnAgencyMissingFromTheRegistryIsRefusedOnTheInvoice()
    {
        var clerk = await _browser.App.CreateUserAsync(Roles.Billing, Roles.CustomerService);
        var (_, invoiceId, _) = await OverdueCaseAsync(clerk.Client, "Rekisteröimätön Perintä " + Tag(), "Svensk" + Tag());

        var page = await _browser.SignedInPageAsync(clerk.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/billing/invoices/{invoiceId}");
        await page.ClickAsync("#export-case");
        await Expect(page.Locator("#action-errors")).ToContainTextAsync("ei ole vastaanottajarekisterissä");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-invoice-collection-refused");

        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=sv&returnUrl=/billing/collection");
        await UploadAsync(page, "case_reference;status;date;amount_paid\nabc;PAID;1.12.2026;1\n");
        await Expect(page.Locator("#collection-errors li").First).ToHaveTextAsync("Rad 2: indrivningsärendets referens saknas eller är ogiltig.");
        await Expect(page.Locator("#collection-errors")).ToContainTextAsync("Rad 2: datum saknas eller har inte formen åååå-mm-dd.");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.SetInputFilesAsync("#StatusFile", new FilePayload { Name = "tilanne.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#import-statuses");
    }

    private static List<Dictionary<string, string>> Parse(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ';' });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v));
        }

        return rows;
    }

    /// <summary>A collection agency in the registry with the catalogue's categories for agencies (the DPO adds it).</summary>
    private async Task<string> AgencyAsync()
    {
        var name = "Perintätoimisto " + Tag() + " Oy";
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var created = await dpo.Client.PostAsJsonAsync("/api/recipients", new
        {
            name,
            countryCode = "FI",
            kind = "CollectionAgency",
            role = "Controller",
            legalBasis = "LegitimateInterest",
            categoryKeys = Catalog.Recipients.CollectionAgency.Select(c => c.Id).ToArray(),
            safeguard = "None",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return name;
    }

    private static async Task<(Guid CaseId, Guid InvoiceId, string Number)> OverdueCaseAsync(HttpClient client, string agency, string lastName)
    {
        var consumer = await client.CreateConsumerAsync(new
        {
            firstName = "Eino",
            lastName,
            street = "Satamakatu 4",
            postalCode = "48100",
            city = "Kotka",
            email = Email,
            source = "Consumer",
        });
        var number = "L-" + Tag();
        var invoice = await client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId = consumer.GetProperty("id").GetGuid(),
            invoiceNumber = number,
            issueDate = Iso(Today.AddDays(-40)),
            dueDate = Iso(Today.AddDays(-10)),
            amount = 100m,
            source = "OwnSystems",
        });
        var invoiceId = (await invoice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var opened = await client.PostAsJsonAsync("/api/collection-cases", new { invoiceIds = new[] { invoiceId }, agencyName = agency, source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return ((await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), invoiceId, number);
    }
}
