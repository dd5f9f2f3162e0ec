using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Catalog;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>The DPO keeps the recipients registry; staff see on the person page what was disclosed of the person.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class RecipientsPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private async Task<Guid> ConsumerAsync(HttpClient client, string lastName) =>
        (await client.CreateConsumerAsync(new
        {
            firstName = "Lea",
            lastName,
            email = $"lea.{Guid.NewGuid():N}@example.fi",
            street = "Laiturikatu 2",
            postalCode = "28100",
            city = "Pori",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();

    private async Task DiscloseAsync(Guid recipientId, IReadOnlyList<Guid> subjects, string purpose, params string[] categories)
    {
        await using var scope = _browser.App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DiscloseData>()
            .DiscloseAsync(new DisclosureOrder(recipientId, subjects, categories, purpose), CancellationToken.None);
        Assert.True(outcome.IsOk);
    }

    [Fact]
    public async Task TheDpoIsRefusedANonEeaRecipientWithoutSafeguardsBesideTheFieldAndRecordsOneWithClauses()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/recipients");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tietojen vastaanottajat");
        await Expect(page.Locator("#recipients")).ToContainTextAsync("Konserniyhtiö");
        await Expect(page.Locator("#recipients")).ToContainTextAsync("Perintätoimisto");
        await Infrastructure.Browser.CheckPageAsync(page, "recipients-list");

        await page.ClickAsync("#add-recipient");
        await page.WaitForPageAsync(_browser.BaseUrl + "/recipients/new");
        await page.FillAsync("#Input_Name", "Pilvipalvelu Inc");
        await page.FillAsync("#Input_CountryCode", "us");
        await page.SelectOptionAsync("#Input_Kind", "Other");
        await page.SelectOptionAsync("#Input_Role", "Processor");
        await page.SelectOptionAsync("#Input_LegalBasis", "LegitimateInterest");
        await page.CheckAsync("#cat-contact-name");
        await page.CheckAsync("#cat-contact-address");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_Safeguard-error")).ToHaveTextAsync(
            "Vastaanottaja on EU:n ja ETA:n ulkopuolella: luovutus edellyttää kirjattua tietosuojan riittävyyttä koskevaa päätöstä tai suojatoimia.");
        await Expect(page.Locator("#Input_Name")).ToHaveValueAsync("Pilvipalvelu Inc");
        await Expect(page.Locator("#cat-contact-address")).ToBeCheckedAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "recipients-new-refused");

        // The same refusal in Swedish.
        await page.ClickAsync("header a[lang=sv]");
        await page.FillAsync("#Input_Name", "Pilvipalvelu Inc");
        await page.FillAsync("#Input_CountryCode", "US");
        await page.SelectOptionAsync("#Input_Kind", "Other");
        await page.SelectOptionAsync("#Input_Role", "Processor");
        await page.SelectOptionAsync("#Input_LegalBasis", "LegitimateInterest");
        await page.CheckAsync("#cat-contact-name");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_Safeguard-error")).ToHaveTextAsync(
            "Mottagaren finns utanför EU och EES: utlämnande kräver ett registrerat beslut om adekvat skyddsnivå eller skyddsåtgärder.");
        await page.ClickAsync("header a[lang=fi]");

        // With standard contractual clauses and the contract named, it is recorded.
        await page.FillAsync("#Input_Name", "Pilvipalvelu Inc");
        await page.FillAsync("#Input_CountryCode", "US");
        await page.SelectOptionAsync("#Input_Kind", "Other");
        await page.SelectOptionAsync("#Input_Role", "Processor");
        await page.SelectOptionAsync("#Input_LegalBasis", "LegitimateInterest");
        await page.CheckAsync("#cat-contact-name");
        await page.SelectOptionAsync("#Input_Safeguard", "StandardContractualClauses");
        await page.FillAsync("#Input_SafeguardDetails", "SCC 2021/914, allekirjoitettu 1.3.2025");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(new Regex("/recipients/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pilvipalvelu Inc");
        await Expect(page.Locator("#recipient-country")).ToHaveTextAsync("US · EU:n ja ETA:n ulkopuolella");
        await Expect(page.Locator("#recipient-categories")).ToHaveTextAsync("Nimi");
        await Expect(page.Locator("#no-disclosures")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "recipients-details");

        // Edited: the categories widen; then ended, nothing more goes to it.
        await page.ClickAsync("#edit-recipient");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Muokkaa vastaanottajaa");
        await page.CheckAsync("#cat-contact-address");
        await Infrastructure.Browser.CheckPageAsync(page, "recipients-edit");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#recipient-categories")).ToHaveTextAsync("Nimi, Osoite");
        await page.ClickAsync("#end-recipient");
        await Expect(page.Locator("#recipient-state")).ToContainTextAsync("Päättynyt");
        await Expect(page.Locator("#end-recipient")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ThePersonPageListsWhatWasDisclosedAndTheRecipientPagePagesItsDisclosures()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var recipients = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/recipients");
        var group = recipients.EnumerateArray().First(r => r.GetProperty("kind").GetString() == "GroupCompany");
        var agency = recipients.EnumerateArray().First(r => r.GetProperty("kind").GetString() == "CollectionAgency");
        var subjectId = await ConsumerAsync(service.Client, "Luovutettu");
        await DiscloseAsync(group.GetProperty("id").GetGuid(), [subjectId], Purposes.CustomerRelationship, Categories.Name.Id, Categories.Phone.Id);
        await DiscloseAsync(agency.GetProperty("id").GetGuid(), [subjectId], Purposes.Invoicing,
            Categories.Name.Id, Categories.Address.Id, Categories.Invoice.Id);

        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        var rows = page.Locator("#disclosures-list tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync(agency.GetProperty("name").GetString()!);
        await Expect(rows.Nth(0)).ToContainTextAsync("Nimi, Osoite, Laskutustiedot");
        await Expect(rows.Nth(0)).ToContainTextAsync("Laskutus ja sopimukset");
        await Expect(rows.Nth(1)).ToContainTextAsync(group.GetProperty("name").GetString()!);
        await Expect(page.Locator("#disclosures-list a")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "recipients-person-panel");

        // The recipient's page lists 50 disclosures a page, newest first, and leads to the next ones.
        var others = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            others.Add(await ConsumerAsync(service.Client, $"Perittävä{i:00}"));
        }

        await DiscloseAsync(agency.GetProperty("id").GetGuid(), others, Purposes.Invoicing, Categories.Name.Id, Categories.Address.Id);
        var desk = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await desk.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        await desk.ClickAsync($"#disclosures-list a:text('{agency.GetProperty("name").GetString()}')");
        await desk.WaitForPageAsync(_browser.BaseUrl + $"/recipients/{agency.GetProperty("id").GetGuid()}");
        await Expect(desk.Locator("#disclosures tbody tr")).ToHaveCountAsync(50);
        await Infrastructure.Browser.CheckPageAsync(desk, "recipients-disclosures");
        await desk.ClickAsync("#next-disclosures");
        await Expect(desk.Locator("#disclosures tbody tr")).ToHaveCountAsync(1);
        await Expect(desk.Locator("#disclosures tbody tr")).ToContainTextAsync("Laskutustiedot");
    }
}
