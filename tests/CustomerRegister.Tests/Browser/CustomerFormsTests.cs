using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>Customer service does its writes in the browser: forms call the API's use cases, errors sit beside the fields.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class CustomerFormsTests : IAsyncLifetime
{
    private static readonly Regex SubjectUrl = new("/subjects/([0-9a-f-]{36})$");

    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task CustomerServiceCreatesAPersonLogsACallAndBansEmailWhichTheCheckThenRefuses()
    {
        // Customer service who also keeps the metal-credit accounts (Billing.Write shows the bank account field).
        var staff = await _browser.App.CreateUserAsync(Roles.CustomerService, Roles.Billing);
        var page = await _browser.SignedInPageAsync(staff.Email, RegisterFactory.UserPassword);
        var url = _browser.BaseUrl;

        // A wrong phone and a bad IBAN first: each refusal beside its field, the input kept.
        await page.GotoAsync(url + "/consumers/new");
        await Expect(page.Locator("#Input_FirstName")).ToBeFocusedAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "form-consumer-new");
        await FillConsumerAsync(page, phone: "040 12", iban: "FI21 1234 5600 0007 86");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Phone-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_BankAccount-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Phone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Input_FirstName")).ToHaveValueAsync("Eero");
        await Expect(page.Locator("#Input_Email-error")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "form-consumer-new-errors");
        var phoneFi = await page.Locator("#Input_Phone-error").TextContentAsync();
        var ibanFi = await page.Locator("#Input_BankAccount-error").TextContentAsync();

        // The same refusal in Swedish after switching the language.
        await page.GotoAsync(url + "/set-language?culture=sv&returnUrl=%2Fconsumers%2Fnew");
        await FillConsumerAsync(page, phone: "040 12", iban: "FI21 1234 5600 0007 86");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_Phone-error")).ToBeVisibleAsync();
        var phoneSv = await page.Locator("#Input_Phone-error").TextContentAsync();
        await Expect(page.Locator("#form-errors")).ToHaveTextAsync("Kontrollera de markerade fälten.");
        await page.GotoAsync(url + "/set-language?culture=fi&returnUrl=%2Fconsumers%2Fnew");

        // Then valid: the new person's page.
        await FillConsumerAsync(page, phone: "044 397 8225", iban: "FI21 1234 5600 0007 85");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(SubjectUrl);
        var subjectId = Guid.Parse(SubjectUrl.Match(page.Url).Groups[1].Value);
        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Mäkinen, Eero");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tallennettu.");
        await Expect(page.Locator("#consumer-phone")).ToHaveTextAsync("044 397 8225");

        // Edit it.
        await page.GotoAsync(url + $"/consumers/{subjectId}/edit");
        await Expect(page.Locator("#Input_Phone")).ToHaveValueAsync("044 397 8225");
        await Infrastructure.Browser.CheckPageAsync(page, "form-consumer-edit");
        await page.FillAsync("#Input_City", "Jyväskylä");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}");

        // A stale edit: someone changes the person through the API meanwhile; the input stays, the saved values show.
        await page.GotoAsync(url + $"/consumers/{subjectId}/edit");
        var picture = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        var consumer = picture.GetProperty("consumer");
        var put = await staff.Client.PutAsJsonAsync($"/api/consumers/{consumer.GetProperty("id").GetGuid()}", new
        {
            firstName = "Eero",
            lastName = "Mäkinen",
            street = "Rantatie 60",
            postalCode = "40110",
            city = "Jyväskylä",
            phone = "044 397 8225",
            email = "eero.makinen@example.com",
            source = "Consumer",
            version = consumer.GetProperty("version").GetInt64(),
        });
        put.EnsureSuccessStatusCode();
        await page.FillAsync("#Input_Street", "Kauppakatu 1");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#form-stale")).ToBeVisibleAsync();
        await Expect(page.Locator("#form-stale")).ToContainTextAsync("Joku muu muutti");
        await Expect(page.Locator("#Input_Street")).ToHaveValueAsync("Kauppakatu 1");
        await Expect(page.Locator("#current-values")).ToContainTextAsync("Rantatie 60");
        await Infrastructure.Browser.CheckPageAsync(page, "form-consumer-edit-stale");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}");
        await Expect(page.Locator("#consumer")).ToContainTextAsync("Kauppakatu 1");

        // Find the person from the search box in the header with a phone number typed with spaces (the plain form).
        await page.GotoAsync(url + "/");
        await page.Locator("#global-q").PressSequentiallyAsync("044 397 8225");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(new Regex("/search\\?q="));
        await page.Locator("#results a", new() { HasText = "Mäkinen Eero" }).ClickAsync();
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}");

        // Log a call in a few keystrokes: an inbound call is preset, the summary has the focus, Enter saves.
        await page.GotoAsync(url + $"/subjects/{subjectId}/contacts/new");
        await Expect(page.Locator("#Input_Summary")).ToBeFocusedAsync();
        await Expect(page.Locator("#Input_Channel")).ToHaveValueAsync("Phone");
        await Expect(page.Locator("#Input_Direction")).ToHaveValueAsync("Inbound");
        await Infrastructure.Browser.CheckPageAsync(page, "form-contact-log");
        await page.Keyboard.TypeAsync("Kysyi kuparin kilohintaa");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}#contacts");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Yhteydenotto kirjattu.");
        var history = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/contact-history");
        var logged = history.GetProperty("items")[0];
        Assert.Equal("Kysyi kuparin kilohintaa", logged.GetProperty("summary").GetString());
        Assert.Equal("Phone", logged.GetProperty("channel").GetString());
        Assert.Equal("Inbound", logged.GetProperty("direction").GetString());

        // An email prohibition: preset by the link, one click to confirm; the source is recorded.
        await page.GotoAsync(url + $"/subjects/{subjectId}/marketing/new?kind=ban&channel=Email");
        await Expect(page.Locator("#Input_Kind")).ToHaveValueAsync("Prohibition");
        await Expect(page.Locator("#Input_Channel")).ToHaveValueAsync("Email");
        await Expect(page.Locator("#Input_Source")).ToHaveValueAsync("Consumer");
        await Infrastructure.Browser.CheckPageAsync(page, "form-marketing-ban");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}#marketing");

        // The marketing check now refuses email for this person.
        var check = await staff.Client.GetFromJsonAsync<JsonElement>(
            $"/api/marketing/can-contact?subjectId={subjectId}&channel=Email&purpose=sales_and_marketing");
        Assert.False(check.GetProperty("allowed").GetBoolean());
        var sms = await staff.Client.GetFromJsonAsync<JsonElement>(
            $"/api/marketing/can-contact?subjectId={subjectId}&channel=Sms&purpose=sales_and_marketing");
        Assert.Equal(check.GetProperty("subjectId").GetGuid(), sms.GetProperty("subjectId").GetGuid());

        // A permission without its evidence is refused beside the fields.
        await page.GotoAsync(url + $"/subjects/{subjectId}/marketing/new?kind=permission&channel=Sms");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_Evidence-error")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "form-marketing-errors");

        // Feedback, additional information with its consent, and the bank account.
        await page.GotoAsync(url + $"/subjects/{subjectId}/feedback/new");
        await Infrastructure.Browser.CheckPageAsync(page, "form-feedback");
        await page.FillAsync("#Input_Text", "Nouto tuli sovittuna päivänä, kiitos.");
        await page.SelectOptionAsync("#Input_Rating", "5");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}#feedback");

        await page.GotoAsync(url + $"/subjects/{subjectId}/additional-info/new");
        await Infrastructure.Browser.CheckPageAsync(page, "form-additional-info");
        await page.FillAsync("#Input_Text", "Toivoo yhteydenotot iltapäivisin.");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_ConsentText-error")).ToBeVisibleAsync();
        await page.FillAsync("#Input_ConsentText", "Saamme tallentaa kertomasi lisätiedon asiakassuhteen hoitamiseksi.");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}#additional-info");

        await page.GotoAsync(url + $"/subjects/{subjectId}/bank-account");
        await Expect(page.Locator("#bank-account-now")).ToHaveTextAsync("FI21 **** **** **07 85");
        await Infrastructure.Browser.CheckPageAsync(page, "form-bank-account");
        await page.FillAsync("#BankAccount", "FI49 5000 9420 0287 30");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/subjects/{subjectId}");
        await Expect(page.Locator("#bank-account")).ToHaveTextAsync("FI49 **** **** **87 30");

        // The identifier rules' reasons, in the page's language (the errors helper words them at the source).
        Assert.Contains("puhelinnumero", phoneFi, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("täsmää", ibanFi, StringComparison.Ordinal);
        Assert.Contains("telefonnummer", phoneSv, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnOrganisationGetsAContactPersonAndARelationshipWhoseServiceIsSuspendedAndResumed()
    {
        var staff = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var page = await _browser.SignedInPageAsync(staff.Email, RegisterFactory.UserPassword);
        var url = _browser.BaseUrl;

        await page.GotoAsync(url + "/organisations/new");
        await Infrastructure.Browser.CheckPageAsync(page, "form-organisation-new");
        await page.FillAsync("#Input_Name", "Romu ja Rauta Oy");
        await page.FillAsync("#Input_BusinessId", "1572860-0");
        await page.FillAsync("#Input_City", "Lahti");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(new Regex("/organisations/[0-9a-f-]{36}$"));
        var organisationId = Guid.Parse(page.Url[^36..]);

        await page.GotoAsync(url + $"/organisations/{organisationId}/edit");
        await Expect(page.Locator("#Input_Name")).ToHaveValueAsync("Romu ja Rauta Oy");
        await Infrastructure.Browser.CheckPageAsync(page, "form-organisation-edit");
        await page.FillAsync("#Input_Street", "Teollisuuskatu 7");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(url + $"/organisations/{organisationId}");

        await page.GotoAsync(url + $"/organisations/{organisationId}/contacts/new");
        await Infrastructure.Browser.CheckPageAsync(page, "form-contact-new");
        await page.FillAsync("#Input_FirstName", "Sanna");
        await page.FillAsync("#Input_LastName", "Öberg");
        await page.FillAsync("#Input_Title", "Talouspäällikkö");
        await page.FillAsync("#Input_Phone", "050 555 1234");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(SubjectUrl);
        await Expect(page.Locator(".contact-role")).ToContainTextAsync("Romu ja Rauta Oy");

        var contacts = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{organisationId}/contacts");
        var contactId = contacts[0].GetProperty("id").GetGuid();
        await page.GotoAsync(url + $"/contacts/{contactId}/edit");
        await Expect(page.Locator("#Input_Phone")).ToHaveValueAsync("050 555 1234");
        await Infrastructure.Browser.CheckPageAsync(page, "form-contact-edit");
        await page.FillAsync("#Input_Position", "Hankinnat");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(SubjectUrl);

        // A relationship: a customer number that breaks the rule first, then a valid one.
        await page.GotoAsync(url + $"/organisations/{organisationId}/relationships/new");
        await Infrastructure.Browser.CheckPageAsync(page, "form-relationship-new");
        await page.FillAsync("#Input_CustomerNumber", "--");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_CustomerNumber-error")).ToBeVisibleAsync();
        await page.FillAsync("#Input_CustomerNumber", "RR 1001");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(new Regex("/relationships/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#relationship h1")).ToContainTextAsync("RR-1001");
        await Infrastructure.Browser.CheckPageAsync(page, "form-relationship");

        await page.ClickAsync("#contract-add");
        await page.FillAsync("#Contract_ContractNumber", "S-2026-1");
        await page.FillAsync("#Contract_Title", "Metalliromun vastaanotto");
        await page.ClickAsync("#contract-save");
        await Expect(page.Locator("#contracts")).ToContainTextAsync("Metalliromun vastaanotto");

        await page.ClickAsync("#service-add");
        await page.FillAsync("#Service_ServiceName", "Lavanvaihto");
        await page.SelectOptionAsync("#Service_ContractId", new SelectOptionValue { Label = "S-2026-1 Metalliromun vastaanotto" });
        await page.ClickAsync("#service-save");
        await Expect(page.Locator("#services .service-status")).ToHaveTextAsync("Käytössä");

        await page.SelectOptionAsync("#service-0-reported-by", "ContactPerson");
        await page.FillAsync("#service-0-reason", "Tehdas kiinni heinäkuun");
        await page.ClickAsync("#service-0-suspend");
        await Expect(page.Locator("#services .service-status")).ToHaveTextAsync("Keskeytetty");
        await Expect(page.Locator("#services .timeline")).ToContainTextAsync("Tehdas kiinni heinäkuun");
        await page.ClickAsync("#service-0-resume");
        await Expect(page.Locator("#services .service-status")).ToHaveTextAsync("Käytössä");

        // Ending needs the tick: the refusal sits beside it.
        await page.ClickAsync("#end-save");
        await Expect(page.Locator("#End_Confirm-error")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "form-relationship-errors");

        // A consumer's relationship form is reached by the person's subject key.
        var consumer = await staff.Client.CreateConsumerAsync(new { firstName = "Aino", lastName = "Virtanen", source = "Consumer" });
        await page.GotoAsync(url + $"/subjects/{consumer.GetProperty("subjectId").GetGuid()}/relationships/new");
        await Expect(page.Locator("#form-subject")).ToContainTextAsync("Virtanen, Aino");
    }

    [Fact]
    public async Task APhoneNumberTypedWithSpacesFindsThePersonWhileTypingAndArrowDownEnterOpensIt()
    {
        var staff = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var created = await staff.Client.CreateConsumerAsync(new { firstName = "Eero", lastName = "Mäkinen", phone = "044 397 8225", source = "Consumer" });
        var subjectId = created.GetProperty("subjectId").GetGuid();
        var page = await _browser.SignedInPageAsync(staff.Email, RegisterFactory.UserPassword);

        await page.Locator("#global-q").PressSequentiallyAsync("044 397 8225");
        await Expect(page.Locator("#global-q-list [role=option]").First).ToContainTextAsync("Mäkinen");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
    }

    private static async Task FillConsumerAsync(IPage page, string phone, string iban)
    {
        await page.FillAsync("#Input_FirstName", "Eero");
        await page.FillAsync("#Input_LastName", "Mäkinen");
        await page.FillAsync("#Input_Phone", phone);
        await page.FillAsync("#Input_Email", "eero.makinen@example.com");
        await page.FillAsync("#Input_Street", "Rantatie 58 B 30");
        await page.FillAsync("#Input_PostalCode", "40110");
        await page.FillAsync("#Input_City", "Jyväskylä");
        await page.FillAsync("#Input_BankAccount", iban);
        await page.SelectOptionAsync("#Input_Source", "Consumer");
    }
}
