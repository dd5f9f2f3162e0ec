using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// Imports in the browser (issue 17 item 3): customer service uploads a contact-person file from a prospecting tool; the
/// dry run shows row by row a banned email that would come in banned, a duplicate matched by email and a wrong business
/// ID refused with the reason (fi, sv), and offers no import; the fixed file is imported and the person page shows where
/// the person came from, under the kept prohibition.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class ImportPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task AContactFileIsCheckedRowByRowThenImportedWithItsProvenanceAndABannedEmailComesInBanned()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var clerk = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var businessId = BusinessId();
        var organisation = (await dpo.Client.CreateOrganisationAsync(new { name = "Tuonti " + tag + " Oy", businessId, source = "PublicSources" }))
            .GetProperty("id").GetGuid();
        var banned = $"kielto.{tag}@example.fi";
        var erased = await ContactAsync(dpo.Client, organisation, "Eila", "Poistettu", banned);
        await PostOkAsync(dpo.Client, $"/api/subjects/{erased}/marketing-consents",
            new { channel = "Email", purpose = "sales_and_marketing", kind = "Prohibition", source = "CustomerOrganisation", evidence = "puhelu" });
        await EraseAsync(dpo.Client, erased);
        var existing = $"olli.{tag}@example.fi";
        await ContactAsync(dpo.Client, organisation, "Olli", "Olemassa", existing);

        var page = await _browser.SignedInPageAsync(clerk.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/imports");
        await Expect(page.Locator("#no-imports")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "imports-list-empty");
        await page.ClickAsync("#new-import");
        await page.WaitForPageAsync(_browser.BaseUrl + "/imports/new");
        await Infrastructure.Browser.CheckPageAsync(page, "imports-new");

        // Nothing chosen: each field says what is missing, in Finnish and in Swedish.
        await page.ClickAsync("#upload");
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Supplier-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Expect(page.Locator("#Input_File-error")).ToHaveTextAsync("Valitse tuotava CSV-tiedosto.");
        await Infrastructure.Browser.CheckPageAsync(page, "imports-new-errors");
        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=sv&returnUrl=%2Fimports%2Fnew");
        await page.ClickAsync("#upload");
        await Expect(page.Locator("#Input_Supplier-error")).ToHaveTextAsync("Obligatorisk uppgift.");
        await Expect(page.Locator("#Input_File-error")).ToHaveTextAsync("Välj CSV-filen som ska importeras.");
        await page.GotoAsync(_browser.BaseUrl + "/set-language?culture=fi&returnUrl=%2Fimports%2Fnew");

        var rows = $"{businessId};Eila;Palaaja;{banned.ToUpperInvariant()}\n{businessId};Olli;Olemassa;{existing}\n";
        await UploadAsync(page, "organisation_business_id;first_name;last_name;email\n" + rows + $"0245974-8;Väärä;Tunnus;vaara.{tag}@example.fi\n");
        await Infrastructure.Browser.CheckPageAsync(page, "imports-job");
        await page.ClickAsync("#job-result");
        await Expect(page.Locator("#import-state")).ToHaveTextAsync("Tarkistettu, odottaa vahvistusta");
        await Expect(page.Locator("#count-new")).ToHaveTextAsync("1");
        await Expect(page.Locator("#count-duplicates")).ToHaveTextAsync("1");
        await Expect(page.Locator("#count-refused")).ToHaveTextAsync("1");
        await Expect(page.Locator("#count-banned")).ToHaveTextAsync("1");
        await Expect(page.Locator("#row-2")).ToContainTextAsync("kielto palautettu");
        await Expect(page.Locator("#row-3")).ToContainTextAsync("Sähköposti");
        await Expect(page.Locator("#row-4")).ToContainTextAsync("organisation_business_id");
        await Expect(page.Locator("#row-4")).ToContainTextAsync("Tarkistusnumero ei täsmää");
        await Expect(page.Locator("#confirm-import")).ToHaveCountAsync(0);
        await Expect(page.Locator("#refused-hint")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "imports-dry-run");

        // The report downloads as CSV.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-report"));
        var report = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains("4;Hylätty;;;;organisation_business_id;", report, StringComparison.Ordinal);
        await page.ClickAsync("#discard-import");
        await Expect(page.Locator("#import-state")).ToHaveTextAsync("Hylätty");

        // The fixed file: checked, confirmed, imported.
        await page.GotoAsync(_browser.BaseUrl + "/imports/new");
        await UploadAsync(page, "organisation_business_id;first_name;last_name;email\n" + rows);
        await page.ClickAsync("#job-result");
        await page.ClickAsync("#confirm-import");
        await Expect(page.Locator("#job-message")).ToContainTextAsync("Tuotu: uusia 1");
        await page.ClickAsync("#job-result");
        await Expect(page.Locator("#import-state")).ToHaveTextAsync("Tuotu");
        await Infrastructure.Browser.CheckPageAsync(page, "imports-details");
        await page.GotoAsync(_browser.BaseUrl + "/imports");
        await Expect(page.Locator("#imports tbody tr")).ToHaveCountAsync(2);
        await Infrastructure.Browser.CheckPageAsync(page, "imports-list");

        // The person page names the file, its source and supplier, and the prohibition that came back.
        await page.GotoAsync(_browser.BaseUrl + "/imports");
        await page.Locator("#imports tbody tr", new() { HasText = "Tuotu" }).Locator("a").First.ClickAsync();
        await page.Locator("#row-2 a").ClickAsync();
        await Expect(page.Locator("#imports-list")).ToContainTextAsync("Prospektointityökalu, toimittaja Liidipalvelu Oy, tiedosto yhteyshenkilot.csv (rivi 2)");
        await Expect(page.Locator("#marketing")).ToContainTextAsync("kielletty");
        await Infrastructure.Browser.CheckPageAsync(page, "imports-person");
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.SetInputFilesAsync("#Input_File", new FilePayload
        {
            Name = "yhteyshenkilot.csv",
            MimeType = "text/csv",
            Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
        });
        await page.SelectOptionAsync("#Input_Kind", "ContactPersons");
        await page.SelectOptionAsync("#Input_Source", "ProspectingTool");
        await page.FillAsync("#Input_Supplier", "Liidipalvelu Oy");
        await page.SelectOptionAsync("#Input_Policy", "Skip");
        await page.ClickAsync("#upload");
        await Expect(page.Locator("#job-result")).ToBeVisibleAsync();
    }

    /// <summary>A valid business ID no other test uses.</summary>
    private static string BusinessId()
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2];
        while (true)
        {
            var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var r = digits.Select((d, i) => (d - '0') * weights[i]).Sum() % 11;
            if (r != 1)
            {
                return $"{digits}-{(r == 0 ? 0 : 11 - r)}";
            }
        }
    }

    private static async Task<Guid> ContactAsync(HttpClient client, Guid organisation, string first, string last, string email) =>
        (await PostOkAsync(client, $"/api/organisations/{organisation}/contacts",
            new { firstName = first, lastName = last, email, source = "CustomerOrganisation" })).GetProperty("subjectId").GetGuid();

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task EraseAsync(HttpClient client, Guid subjectId)
    {
        var id = (await client.CreateRequestAsync(new { type = "Erasure", channel = "Phone", requesterName = "Soittaja", text = "Poistakaa tietoni." })).Id();
        await client.StepAsync(id, "match", new { subjectId });
        await client.StepAsync(id, "verify-identity", new { method = "StrongElectronicIdentification" });
        await client.StepAsync(id, "start", new { });
        var response = await client.PostAsJsonAsync($"/api/requests/{id}/erase", new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"erase: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
