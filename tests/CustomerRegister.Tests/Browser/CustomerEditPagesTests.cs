using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// Customer service corrects what is already recorded: a relationship, its contract and service, a logged contact,
/// feedback; withdraws a consent; and sees in the search which number a person was found by.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class CustomerEditPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ARelationshipItsContractAndServiceAreEditedAndAStaleContractSaveKeepsTheInput()
    {
        var staff = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var organisation = await staff.Client.CreateOrganisationAsync(new { name = "Peltiseppä Oy", city = "Kouvola", source = "PublicSources" });
        var tag = Random.Shared.Next(10_000, 99_999);
        var relationship = await PostAsync(staff.Client, "/api/relationships", new
        {
            organisationId = organisation.GetProperty("id").GetGuid(),
            customerNumber = $"PS-{tag}",
            startDate = "2025-01-15",
            source = "CustomerOrganisation",
        });
        var relationshipId = relationship.GetProperty("id").GetGuid();
        var contract = await PostAsync(staff.Client, $"/api/relationships/{relationshipId}/contracts",
            new { contractNumber = $"SP-{tag}", title = "Pellin vastaanotto", startDate = "2025-01-15" });
        var contractId = contract.GetProperty("id").GetGuid();
        await PostAsync(staff.Client, $"/api/relationships/{relationshipId}/services",
            new { serviceName = "Lavanvaihto", orderedDate = "2025-02-01", contractId });

        var page = await _browser.SignedInPageAsync(staff.Email, RegisterFactory.UserPassword);
        var url = _browser.BaseUrl;

        // The relationship: a number that breaks the rule is refused beside its field, the valid one saved.
        await page.GotoAsync(url + $"/relationships/{relationshipId}");
        await page.ClickAsync("#relationship-edit");
        await page.WaitForPageAsync(url + $"/relationships/{relationshipId}/edit");
        await Expect(page.Locator("#Input_CustomerNumber")).ToHaveValueAsync($"PS-{tag}");
        await Expect(page.Locator("#Input_Status")).ToHaveValueAsync("Active");
        await Infrastructure.Browser.CheckPageAsync(page, "form-relationship-edit");
        await page.FillAsync("#Input_CustomerNumber", "--");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_CustomerNumber-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_CustomerNumber")).ToHaveAttributeAsync("aria-invalid", "true");
        await Infrastructure.Browser.CheckPageAsync(page, "form-relationship-edit-errors");
        await page.FillAsync("#Input_CustomerNumber", $"PS {tag + 1}");
        await page.SelectOptionAsync("#Input_Status", "Suspended");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/relationships/{relationshipId}");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tallennettu.");
        await Expect(page.Locator("#relationship h1")).ToContainTextAsync($"PS-{tag + 1}");
        await Expect(page.Locator("#relationship-status")).ToHaveTextAsync("Keskeytetty");
        await Infrastructure.Browser.CheckPageAsync(page, "relationship-edited");

        // The contract: ended needs its end date, beside the field; then saved.
        await page.Locator("#contracts .contract-edit").ClickAsync();
        await page.WaitForPageAsync(url + $"/contracts/{contractId}/edit");
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("Pellin vastaanotto");
        await Infrastructure.Browser.CheckPageAsync(page, "form-contract-edit");
        await page.SelectOptionAsync("#Input_Status", "Ended");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_EndDate-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Status")).ToHaveValueAsync("Ended");
        await page.FillAsync("#Input_EndDate", "2025-12-31");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/relationships/{relationshipId}#contracts");
        await Expect(page.Locator("#contracts tbody tr").First).ToContainTextAsync("Päättynyt");
        await Expect(page.Locator("#contracts tbody tr").First).ToContainTextAsync("31.12.2025");

        // A stale save: someone renames the contract through the API meanwhile; the input stays, the saved title shows.
        await page.GotoAsync(url + $"/contracts/{contractId}/edit");
        var saved = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}");
        var put = await staff.Client.PutAsJsonAsync($"/api/contracts/{contractId}", new
        {
            contractNumber = $"SP-{tag}",
            title = "Pellin ja kuparin vastaanotto",
            startDate = "2025-01-15",
            endDate = "2025-12-31",
            status = "Ended",
            version = saved.GetProperty("version").GetInt64(),
        });
        put.EnsureSuccessStatusCode();
        await page.FillAsync("#Input_Title", "Pellin vastaanotto ja kuljetus");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#form-stale")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("Pellin vastaanotto ja kuljetus");
        await Expect(page.Locator("#current-values")).ToContainTextAsync("Pellin ja kuparin vastaanotto");
        await Expect(page.Locator("#current-values .changed")).ToHaveCountAsync(1);
        await Infrastructure.Browser.CheckPageAsync(page, "form-contract-edit-stale");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/relationships/{relationshipId}#contracts");
        await Expect(page.Locator("#contracts")).ToContainTextAsync("Pellin vastaanotto ja kuljetus");

        // The service: renamed and taken off its contract; its state still changes through its events.
        await page.ClickAsync("#service-0-edit");
        await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex("/services/[0-9a-f-]{36}/edit$"));
        await Expect(page.Locator("#Input_ServiceName")).ToHaveValueAsync("Lavanvaihto");
        await Expect(page.Locator("#Input_OrderedDate")).ToHaveValueAsync("2025-02-01");
        await Infrastructure.Browser.CheckPageAsync(page, "form-service-edit");
        await page.FillAsync("#Input_ServiceName", "");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_ServiceName-error")).ToBeVisibleAsync();
        await page.FillAsync("#Input_ServiceName", "Lavanvaihto ja tyhjennys");
        await page.SelectOptionAsync("#Input_ContractId", "");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex($"/relationships/{relationshipId}#service-"));
        await Expect(page.Locator("#services h3").First).ToHaveTextAsync("Lavanvaihto ja tyhjennys");
        await Expect(page.Locator("#services .service-status")).ToHaveTextAsync("Käytössä");
    }

    [Fact]
    public async Task AContactAndFeedbackAreCorrectedAndWithdrawingTheConsentDeletesTheInformation()
    {
        var staff = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var consumer = await staff.Client.CreateConsumerAsync(new { firstName = "Kaarina", lastName = "Lehtonen", city = "Pori", source = "Consumer" });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        await PostAsync(staff.Client, $"/api/subjects/{subjectId}/contact-history",
            new { channel = "Phone", direction = "Inbound", summary = "Kysyi alumiinin hintaa", source = "Consumer" });
        await PostAsync(staff.Client, $"/api/subjects/{subjectId}/feedback",
            new { channel = "Email", text = "Nouto myöhästyi", rating = 2, source = "Consumer" });
        await PostAsync(staff.Client, $"/api/subjects/{subjectId}/additional-info", new
        {
            text = "Toivoo yhteydenotot aamupäivisin.",
            consentText = "Saamme tallentaa kertomasi lisätiedon asiakassuhteen hoitamiseksi.",
            consentVersion = "2025-1",
            source = "Consumer",
        });

        var page = await _browser.SignedInPageAsync(staff.Email, RegisterFactory.UserPassword);
        var url = _browser.BaseUrl;

        // The contact was an outgoing call about copper: corrected from its row on the person's page.
        await page.GotoAsync(url + $"/subjects/{subjectId}");
        await page.Locator("#contact-list .correct").First.ClickAsync();
        await Expect(page.Locator("#Input_Summary")).ToHaveValueAsync("Kysyi alumiinin hintaa");
        await Expect(page.Locator("#Input_Channel")).ToHaveValueAsync("Phone");
        await Expect(page.Locator("#form-subject")).ToHaveTextAsync("Lehtonen, Kaarina");
        await Infrastructure.Browser.CheckPageAsync(page, "form-contact-correct");
        await page.FillAsync("#Input_Summary", "Kysyi kuparin hintaa");
        await page.SelectOptionAsync("#Input_Direction", "Outbound");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}#contacts");
        await Expect(page.Locator("#contact-list > li").First).ToContainTextAsync("Puhelu, lähtevä");
        await Expect(page.Locator("#contact-list > li").First).ToContainTextAsync("Kysyi kuparin hintaa");

        // Feedback: an empty text is refused beside the field, in Finnish and in Swedish; then corrected and handled.
        await page.Locator("#feedback-list .correct").First.ClickAsync();
        var feedbackUrl = page.Url;
        await Expect(page.Locator("#Input_Text")).ToHaveValueAsync("Nouto myöhästyi");
        await Expect(page.Locator("#Input_Rating")).ToHaveValueAsync("2");
        await Infrastructure.Browser.CheckPageAsync(page, "form-feedback-correct");
        await page.FillAsync("#Input_Text", "");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_Text-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "form-feedback-correct-errors");
        await page.GotoAsync(url + "/set-language?culture=sv&returnUrl=" + Uri.EscapeDataString(new Uri(feedbackUrl).AbsolutePath));
        await page.FillAsync("#Input_Text", "");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_Text-error")).ToHaveTextAsync("Obligatorisk uppgift.");
        await page.GotoAsync(url + "/set-language?culture=fi&returnUrl=" + Uri.EscapeDataString(new Uri(feedbackUrl).AbsolutePath));
        await page.FillAsync("#Input_Text", "Nouto myöhästyi kaksi päivää");
        await page.CheckAsync("#Input_Handled");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}#feedback");
        await Expect(page.Locator("#feedback-list > li").First).ToContainTextAsync("Nouto myöhästyi kaksi päivää");
        await Expect(page.Locator("#feedback-list > li").First).ToContainTextAsync("Käsitelty");
        await Infrastructure.Browser.CheckPageAsync(page, "person-page-corrected");

        // The person withdraws the consent: the page says what happens, then the information is gone.
        await page.Locator("#additional-info-list .withdraw-consent").First.ClickAsync();
        await Expect(page.Locator("#withdraw-item")).ToContainTextAsync("Toivoo yhteydenotot aamupäivisin.");
        await Expect(page.Locator("#withdraw-effect")).ToContainTextAsync("poistetaan heti");
        await Infrastructure.Browser.CheckPageAsync(page, "form-withdraw-consent");
        await page.ClickAsync("#withdraw");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}#additional-info");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Suostumus peruttu ja lisätieto poistettu.");
        await Expect(page.Locator("#additional-info-list")).ToHaveCountAsync(0);
        var left = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/additional-info");
        Assert.Equal(0, left.GetArrayLength());
    }

    [Fact]
    public async Task SearchNamesTheNumberAPersonWasFoundByToRolesThatMaySearchByIt()
    {
        var reception = await _browser.App.CreateUserAsync(Roles.VehicleReception);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var consumer = await reception.Client.CreateConsumerAsync(new { firstName = "Veikko", lastName = "Rautio", city = "Kemi", source = "Consumer" });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        var tag = Random.Shared.Next(100_000, 999_999);
        var relationship = await PostAsync(reception.Client, "/api/relationships",
            new { subjectId, customerNumber = $"RA-{tag}", startDate = "2025-03-01", source = "Consumer" });
        await PostAsync(reception.Client, $"/api/relationships/{relationship.GetProperty("id").GetGuid()}/contracts",
            new { contractNumber = $"RA-{tag}-2", title = "Romuautojen nouto", startDate = "2025-03-01" });
        var registration = $"RZ{Random.Shared.Next(100, 999)}-{Random.Shared.Next(100, 999)}";
        await VehicleCertificatesTests.IssueAsync(reception.Client,
            VehicleCertificatesTests.Certificate(consumer.GetProperty("id").GetGuid(), VehicleCertificatesTests.NewIdentityCode(), registration: registration));

        // Customer service: typed without its hyphen, the number's start finds both numbers, each named as recorded.
        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/search?q=ra{tag}");
        var row = page.Locator("#results tbody tr", new() { HasText = "Rautio Veikko" });
        await Expect(row.Locator(".matched")).ToHaveTextAsync($"asiakasnumero RA-{tag}, sopimusnumero RA-{tag}-2");
        await Infrastructure.Browser.CheckPageAsync(page, "search-codes");

        // Customer service may not read vehicles: the registration number finds nobody for it.
        await page.GotoAsync(_browser.BaseUrl + $"/search?q={Uri.EscapeDataString(registration)}");
        await Expect(page.Locator("#no-results")).ToBeVisibleAsync();

        // Reception may: the registration number is named.
        var desk = await _browser.SignedInPageAsync(reception.Email, RegisterFactory.UserPassword);
        await desk.GotoAsync(_browser.BaseUrl + $"/search?q={Uri.EscapeDataString(registration.ToLowerInvariant())}");
        await Expect(desk.Locator("#results tbody tr", new() { HasText = "Rautio Veikko" }).Locator(".matched"))
            .ToHaveTextAsync($"rekisterinumero {registration}");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
