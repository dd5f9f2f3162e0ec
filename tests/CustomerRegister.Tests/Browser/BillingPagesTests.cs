using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The billing staff's day in the browser: the desk lists the overdue invoice first, a payment typed the Finnish way
/// lowers the balance, the overdue invoice goes to collection; customer service gets no desk.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class BillingPagesTests : IAsyncLifetime
{
    private const string Iban = "FI2112345600000785";

    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    /// <summary>The app runs on the real clock here, so "overdue" is a due date in the past, not a moved clock.</summary>
    private static DateOnly Today => HelsinkiTime.Today(TimeProvider.System);

    [Fact]
    public async Task BillingFindsTheOverdueInvoiceFirstRecordsAPaymentAndHandsItToCollection()
    {
        var clerk = await _browser.App.CreateUserAsync(Roles.Billing);
        var lastName = "Laskutettava" + Tag();
        var (subjectId, consumerId) = await ConsumerAsync(lastName);
        var overdue = await InvoiceAsync(clerk.Client, consumerId, Today.AddDays(-40), Today.AddDays(-10), 100m);
        var notDue = await InvoiceAsync(clerk.Client, consumerId, Today, Today.AddDays(14), 40m);

        var page = await _browser.SignedInPageAsync(clerk.Email, RegisterFactory.UserPassword);
        await page.ClickAsync("#nav-billing");
        await page.WaitForPageAsync(_browser.BaseUrl + "/billing");
        await page.FillAsync("#Customer", lastName.ToLowerInvariant());
        await page.ClickAsync("#filter");
        var rows = page.Locator("#invoices tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToHaveIdAsync($"invoice-{overdue.Id}");
        await Expect(rows.First).ToContainTextAsync("10 pv");
        await Expect(rows.First).ToContainTextAsync("100,00\u00a0€");
        await Expect(rows.First).ToContainTextAsync(Display(Today.AddDays(-10)));
        await Expect(rows.Nth(1)).ToHaveIdAsync($"invoice-{notDue.Id}");
        await Expect(rows.First.Locator($"a[href='/subjects/{subjectId}']")).ToHaveTextAsync($"Eino {lastName}");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-desk");

        // Only the overdue one under "Myöhässä".
        await page.SelectOptionAsync("#State", "Overdue");
        await page.ClickAsync("#filter");
        await Expect(rows).ToHaveCountAsync(1);

        await rows.First.Locator("a", new() { HasText = overdue.Number }).ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + $"/billing/invoices/{overdue.Id}");
        await Expect(page.Locator("#days-overdue")).ToHaveTextAsync("10 päivää myöhässä");
        await Expect(page.Locator("#balance")).ToHaveTextAsync("100,00\u00a0€");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-invoice");

        // A bad amount is refused beside the field, in Finnish, and nothing is saved.
        await page.FillAsync("#Payment_Amount", "12,5O");
        await page.ClickAsync("#record-payment");
        await Expect(page.Locator("#Payment_Amount-error")).ToHaveTextAsync("Anna summa euroina ja sentteinä, esim. 1\u00a0234,50.");
        await Expect(page.Locator("#Payment_Amount")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Payment_Amount")).ToHaveValueAsync("12,5O");
        await Expect(page.Locator("#payments-none")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "billing-invoice-error");

        await page.FillAsync("#Payment_Amount", "12,50");
        await page.ClickAsync("#record-payment");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Maksu kirjattu.");
        await Expect(page.Locator("#balance")).ToHaveTextAsync("87,50\u00a0€");
        await Expect(page.Locator("#paid")).ToHaveTextAsync("12,50\u00a0€");
        await Expect(page.Locator("#payments tbody tr")).ToContainTextAsync("Tilisiirto");

        await page.FillAsync("#Collection_AgencyName", "Perintä Oy");
        await page.ClickAsync("#open-collection");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Lasku siirretty perintään.");
        await Expect(page.Locator("#invoice-state")).ToHaveTextAsync("Perinnässä");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("Avoin");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-invoice-collection");

        // The desk now lists the case; the invoice not yet due cannot go to collection.
        await page.GotoAsync(_browser.BaseUrl + "/billing");
        await Expect(page.Locator("#cases tbody tr", new() { HasText = lastName })).ToContainTextAsync("87,50\u00a0€");
        await page.GotoAsync(_browser.BaseUrl + $"/billing/invoices/{notDue.Id}");
        await Expect(page.Locator("#collection-not-yet")).ToBeVisibleAsync();
        await Expect(page.Locator("#open-collection")).ToHaveCountAsync(0);

        // Closing the case returns the unpaid invoice to open.
        await page.GotoAsync(_browser.BaseUrl + $"/billing/invoices/{overdue.Id}");
        await page.ClickAsync("#close-case");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Perintä suljettu.");
        await Expect(page.Locator("#invoice-state")).ToHaveTextAsync("Avoin");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("Suljettu");
        await Expect(page.Locator("#open-collection")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ABadAmountIsRefusedBesideTheFieldInSwedishToo()
    {
        var clerk = await _browser.App.CreateUserAsync(Roles.Billing);
        var (_, consumerId) = await ConsumerAsync("Svensk" + Tag());
        var invoice = await InvoiceAsync(clerk.Client, consumerId, Today, Today.AddDays(14), 20m);

        var page = await _browser.SignedInPageAsync(clerk.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/set-language?culture=sv&returnUrl=/billing/invoices/{invoice.Id}");
        await page.FillAsync("#Payment_Amount", "tolv euro");
        await page.ClickAsync("#record-payment");
        await Expect(page.Locator("#Payment_Amount-error")).ToHaveTextAsync("Ange beloppet i euro och cent, t.ex. 1\u00a0234,50.");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");

        // Cancelling an unpaid invoice, as of the version read.
        await page.ClickAsync("#cancel-invoice");
        await Expect(page.Locator("#invoice-state")).ToHaveTextAsync("Makulerad");
        await Expect(page.Locator("#record-payment")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ACancelOnAVersionChangedMeanwhileIsRefusedAndShowsTheInvoiceAsItIsNow()
    {
        var clerk = await _browser.App.CreateUserAsync(Roles.Billing);
        var (_, consumerId) = await ConsumerAsync("Vanhentunut" + Tag());
        var invoice = await InvoiceAsync(clerk.Client, consumerId, Today.AddDays(-30), Today.AddDays(-2), 30m);
        var page = await _browser.SignedInPageAsync(clerk.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/billing/invoices/{invoice.Id}");

        // Meanwhile a colleague hands it to collection and closes the case: open again, but a newer version.
        var opened = await clerk.Client.PostAsJsonAsync("/api/collection-cases",
            new { invoiceIds = new[] { invoice.Id }, agencyName = "Perintä Oy", source = "OwnSystems" });
        var collection = await opened.Content.ReadFromJsonAsync<JsonElement>();
        (await clerk.Client.PostAsJsonAsync($"/api/collection-cases/{collection.GetProperty("id").GetGuid()}/close",
            new { version = collection.GetProperty("version").GetInt64() })).EnsureSuccessStatusCode();

        await page.ClickAsync("#cancel-invoice");
        await Expect(page.Locator("#action-errors")).ToContainTextAsync("Joku muu muutti tätä tietoa sillä välin.");
        await Expect(page.Locator("#invoice-state")).ToHaveTextAsync("Avoin");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("Suljettu");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-invoice-stale");
        var now = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoice.Id}");
        Assert.Equal("Open", now.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CustomerServiceHasNoBillingDeskButReadsAnInvoiceWithoutItsActions()
    {
        var clerk = await _browser.App.CreateUserAsync(Roles.Billing);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var (_, consumerId) = await ConsumerAsync("Palveltava" + Tag());
        var invoice = await InvoiceAsync(clerk.Client, consumerId, Today.AddDays(-30), Today.AddDays(-5), 55m);

        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await Expect(page.Locator("#nav-search")).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-billing")).ToHaveCountAsync(0);

        await page.GotoAsync(_browser.BaseUrl + "/billing");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
        Assert.DoesNotContain(invoice.Number, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(_browser.BaseUrl + $"/billing/invoices/{invoice.Id}");
        await Expect(page.Locator("#balance")).ToHaveTextAsync("55,00\u00a0€");
        await Expect(page.Locator("#record-payment")).ToHaveCountAsync(0);
        await Expect(page.Locator("#open-collection")).ToHaveCountAsync(0);
        await Expect(page.Locator("#cancel-invoice")).ToHaveCountAsync(0);

        // Nor may customer service reach the billing forms.
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{Guid.NewGuid()}/invoices/new");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
    }

    [Fact]
    public async Task AnInvoiceIsCreatedForAPersonAndAPayoutGoesToTheStoredAccountAndBack()
    {
        var clerk = await _browser.App.CreateUserAsync(Roles.Billing);
        var lastName = "Romuttaja" + Tag();
        var (subjectId, _) = await ConsumerAsync(lastName);
        var number = "P-" + Tag();

        var page = await _browser.SignedInPageAsync(clerk.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}/invoices/new");
        await Expect(page.Locator("#billed-to")).ToContainTextAsync($"Eino {lastName}");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-new-invoice");
        await page.FillAsync("#Input_InvoiceNumber", number);
        await page.FillAsync("#Input_Amount", "1 234,5");
        await page.ClickAsync("#create-invoice");
        await page.WaitForPageAsync(new Regex("/billing/invoices/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Lasku luotu.");
        await Expect(page.Locator("#amount")).ToHaveTextAsync("1\u00a0234,50\u00a0€");
        await Expect(page.Locator("#due-date")).ToHaveTextAsync(Display(Today.AddDays(14)));

        // The same number again is refused beside the field; the form keeps what was typed.
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}/invoices/new");
        await page.FillAsync("#Input_InvoiceNumber", number);
        await page.FillAsync("#Input_Amount", "10");
        await page.ClickAsync("#create-invoice");
        await Expect(page.Locator("#Input_InvoiceNumber-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Amount")).ToHaveValueAsync("10");

        // A payout from the scrap-yard flow goes back where it came from; a foreign returnUrl is ignored.
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}/payouts/new?returnUrl=https://example.com/");
        await Expect(page.Locator("a.button.secondary", new() { HasText = "Peruuta" })).ToHaveAttributeAsync("href", $"/subjects/{subjectId}");
        var back = $"/subjects/{subjectId}#billing";
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}/payouts/new?returnUrl={Uri.EscapeDataString(back)}");
        await Expect(page.Locator("#stored-account")).ToHaveTextAsync("FI21 **** **** **07 85");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-payout");
        await page.FillAsync("#Input_Amount", "abc");
        await page.FillAsync("#Input_WeightKg", "12,5");
        await page.ClickAsync("#save-payout");
        await Expect(page.Locator("#Input_Amount-error")).ToHaveTextAsync("Anna summa euroina ja sentteinä, esim. 1\u00a0234,50.");
        await Expect(page.Locator("#Input_WeightKg")).ToHaveValueAsync("12,5");
        await Infrastructure.Browser.CheckPageAsync(page, "billing-payout-error");

        await page.FillAsync("#Input_Amount", "45,20");
        await page.FillAsync("#Input_Material", "Kupari");
        await page.ClickAsync("#save-payout");
        await page.WaitForPageAsync(_browser.BaseUrl + back);

        var picture = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        var payout = picture.GetProperty("sections").GetProperty("billing").GetProperty("metalCreditPayouts")[0];
        Assert.Equal(45.20m, payout.GetProperty("amount").GetDecimal());
        Assert.Equal(12.5m, payout.GetProperty("weightKg").GetDecimal());
        Assert.Equal("FI21 **** **** **07 85", payout.GetProperty("bankAccount").GetString());
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static string Display(DateOnly day) => day.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    private async Task<(Guid SubjectId, Guid ConsumerId)> ConsumerAsync(string lastName)
    {
        var reception = await _browser.App.CreateUserAsync(Roles.VehicleReception);
        var created = await reception.Client.CreateConsumerAsync(new
        {
            firstName = "Eino",
            lastName,
            street = "Satamakatu 4",
            postalCode = "48100",
            city = "Kotka",
            bankAccount = Iban,
            source = "Consumer",
        });
        return (created.GetProperty("subjectId").GetGuid(), created.GetProperty("id").GetGuid());
    }

    private static async Task<(Guid Id, string Number)> InvoiceAsync(HttpClient client, Guid consumerId, DateOnly issued, DateOnly due, decimal amount)
    {
        var number = "L-" + Tag();
        var response = await client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId,
            invoiceNumber = number,
            issueDate = issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            dueDate = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            amount,
            source = "OwnSystems",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), number);
    }
}
