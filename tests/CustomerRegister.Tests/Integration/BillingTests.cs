using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class BillingTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    internal const string Iban = "FI2112345600000785";
    internal const string OtherIban = "FI5542345670000081";

    internal static object Consumer(string? bankAccount = null) => new
    {
        firstName = "Aino",
        lastName = "Mäkinen",
        street = "Rautatienkatu 5 B 12",
        postalCode = "33100",
        city = "Tampere",
        bankAccount,
        source = "Consumer",
    };

    private static string Number() => "INV-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private static object Invoice(Guid? consumerId = null, Guid? organisationId = null, string? number = null, decimal amount = 120.50m) => new
    {
        consumerId,
        organisationId,
        invoiceNumber = number ?? Number(),
        issueDate = "2025-03-10",
        dueDate = "2025-03-24",
        amount,
        source = "OwnSystems",
    };

    private async Task<StaffUser> BillingClerkAsync() => await app.CreateUserAsync(Roles.Billing, Roles.CustomerService);

    private static async Task<JsonElement> CreateInvoiceAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/invoices", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private string IdLiteral(Guid id) => app.Database.Provider == Data.DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    [Fact]
    public async Task AnInvoiceKeepsTheBillingNameAndAddressItWasIssuedWithWhenTheProfileChanges()
    {
        var clerk = await BillingClerkAsync();
        var consumer = await clerk.Client.CreateConsumerAsync(Consumer());
        var invoice = await CreateInvoiceAsync(clerk.Client, Invoice(consumer.GetProperty("id").GetGuid()));

        var update = await clerk.Client.PutAsJsonAsync($"/api/consumers/{consumer.GetProperty("id").GetGuid()}", new
        {
            firstName = "Aino",
            lastName = "Lahtinen",
            street = "Hämeenkatu 1",
            postalCode = "20100",
            city = "Turku",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var read = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoice.GetProperty("id").GetGuid()}");
        var billedTo = read.GetProperty("billedTo");
        Assert.Equal("Aino Mäkinen", billedTo.GetProperty("name").GetString());
        Assert.Equal("Rautatienkatu 5 B 12", billedTo.GetProperty("street").GetString());
        Assert.Equal("33100", billedTo.GetProperty("postalCode").GetString());
        Assert.Equal("Tampere", billedTo.GetProperty("city").GetString());
        Assert.Equal(consumer.GetProperty("subjectId").GetGuid(), read.GetProperty("subjectId").GetGuid());
        Assert.Equal("Tampere", await app.Database.ScalarAsync(
            $"SELECT billing_city FROM invoices WHERE id = '{IdLiteral(invoice.GetProperty("id").GetGuid())}'"));
    }

    [Fact]
    public async Task TheFinancialYearEndAndVoucherRetentionFollowTheIssueDate()
    {
        var clerk = await BillingClerkAsync();
        var consumer = await clerk.Client.CreateConsumerAsync(Consumer());

        var invoice = await CreateInvoiceAsync(clerk.Client, Invoice(consumer.GetProperty("id").GetGuid()));

        Assert.Equal("2025-12-31", invoice.GetProperty("financialYearEnd").GetString());
        Assert.Equal("2031-12-31", invoice.GetProperty("retainedUntil").GetString());
        Assert.Equal("Open", invoice.GetProperty("status").GetString());
        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        Assert.Equal(120.50m, invoice.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task ADuplicateInvoiceNumberAnswers409NamingTheField()
    {
        var clerk = await BillingClerkAsync();
        var consumerId = (await clerk.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();
        var number = Number();
        await CreateInvoiceAsync(clerk.Client, Invoice(consumerId, number: number));

        var duplicate = await clerk.Client.PostAsJsonAsync("/api/invoices", Invoice(consumerId, number: number));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(duplicate)).TryGetProperty("invoiceNumber", out _));
    }

    [Fact]
    public async Task AnInvalidInvoiceIsRefusedNamingEachField()
    {
        var clerk = await BillingClerkAsync();

        var response = await clerk.Client.PostAsJsonAsync("/api/invoices", new
        {
            invoiceNumber = "",
            issueDate = "2025-03-10",
            dueDate = "2025-03-01",
            amount = 0.001m,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[] { "consumerId", "invoiceNumber", "dueDate", "amount", "source" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named: {errors}");
        }

        var unknown = await clerk.Client.PostAsJsonAsync("/api/invoices", Invoice(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(unknown)).TryGetProperty("consumerId", out _));
    }

    [Fact]
    public async Task UnknownBillingRecordsAnswer404()
    {
        var clerk = await BillingClerkAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync($"/api/invoices/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync($"/api/collection-cases/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync($"/api/metal-credits/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.PostAsJsonAsync($"/api/invoices/{Guid.NewGuid()}/payments",
            new { amount = 1m, method = "Cash", source = "OwnSystems" })).StatusCode);
    }

    [Fact]
    public async Task AnOrdinaryOrganisationsInvoiceIsNotPersonalButASoleTradersIs()
    {
        var clerk = await BillingClerkAsync();
        var company = await clerk.Client.CreateOrganisationAsync(new
        {
            name = "Romu Oy " + Guid.NewGuid().ToString("N")[..6],
            street = "Tehtaankatu 3",
            postalCode = "00140",
            city = "Helsinki",
            isSoleTrader = false,
            source = "CustomerOrganisation",
        });
        var trader = await clerk.Client.CreateOrganisationAsync(new
        {
            name = "Toiminimi Virtanen",
            isSoleTrader = true,
            source = "CustomerOrganisation",
        });

        var companyInvoice = await CreateInvoiceAsync(clerk.Client, Invoice(organisationId: company.GetProperty("id").GetGuid()));
        var traderInvoice = await CreateInvoiceAsync(clerk.Client, Invoice(organisationId: trader.GetProperty("id").GetGuid()));

        Assert.Equal(JsonValueKind.Null, companyInvoice.GetProperty("subjectId").ValueKind);
        Assert.Equal("Tehtaankatu 3", companyInvoice.GetProperty("billedTo").GetProperty("street").GetString());
        Assert.Equal(trader.GetProperty("subjectId").GetGuid(), traderInvoice.GetProperty("subjectId").GetGuid());

        var listed = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices?organisationId={company.GetProperty("id").GetGuid()}");
        Assert.Single(listed.EnumerateArray());
    }

    [Fact]
    public async Task PaymentsMarkTheInvoicePaidAndAPaidInvoiceCannotBeCancelled()
    {
        var clerk = await BillingClerkAsync();
        var consumerId = (await clerk.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();
        var invoice = await CreateInvoiceAsync(clerk.Client, Invoice(consumerId, amount: 100m));
        var id = invoice.GetProperty("id").GetGuid();

        var first = await clerk.Client.PostAsJsonAsync($"/api/invoices/{id}/payments",
            new { amount = 40m, method = "BankTransfer", reference = "RF18539007547034", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("Open", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var second = await clerk.Client.PostAsJsonAsync($"/api/invoices/{id}/payments",
            new { amount = 60m, method = "Card", source = "OwnSystems" });
        var paid = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        Assert.Equal(100m, paid.GetProperty("paid").GetDecimal());
        Assert.Equal(2, paid.GetProperty("payments").GetArrayLength());

        var cancel = await clerk.Client.PostAsJsonAsync($"/api/invoices/{id}/cancel", new { version = paid.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(cancel)).TryGetProperty("status", out _));

        var badPayment = await clerk.Client.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = -5m });
        Assert.Equal(HttpStatusCode.BadRequest, badPayment.StatusCode);
        var errors = await RegisterData.ErrorsOf(badPayment);
        Assert.True(errors.TryGetProperty("amount", out _) && errors.TryGetProperty("method", out _) && errors.TryGetProperty("source", out _));
    }

    [Fact]
    public async Task CancellingWithAStaleVersionAnswers409AndACancelledInvoiceTakesNoPayments()
    {
        var clerk = await BillingClerkAsync();
        var consumerId = (await clerk.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();
        var id = (await CreateInvoiceAsync(clerk.Client, Invoice(consumerId))).GetProperty("id").GetGuid();

        var cancelled = await clerk.Client.PostAsJsonAsync($"/api/invoices/{id}/cancel", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var stale = await clerk.Client.PostAsJsonAsync($"/api/invoices/{id}/cancel", new { version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var payment = await clerk.Client.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 1m, method = "Cash", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Conflict, payment.StatusCode);
    }

    [Fact]
    public async Task OpenInvoicesGoToCollectionAndReturnWhenTheCaseCloses()
    {
        var clerk = await BillingClerkAsync();
        var consumer = await clerk.Client.CreateConsumerAsync(Consumer());
        var consumerId = consumer.GetProperty("id").GetGuid();
        var a = (await CreateInvoiceAsync(clerk.Client, Invoice(consumerId, amount: 50m))).GetProperty("id").GetGuid();
        var b = (await CreateInvoiceAsync(clerk.Client, Invoice(consumerId, amount: 70m))).GetProperty("id").GetGuid();

        var opened = await clerk.Client.PostAsJsonAsync("/api/collection-cases",
            new { invoiceIds = new[] { a, b }, agencyName = "Perintä Oy", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var collection = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(consumer.GetProperty("subjectId").GetGuid(), collection.GetProperty("subjectId").GetGuid());
        Assert.Equal("InCollection", (await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{a}")).GetProperty("status").GetString());

        var again = await clerk.Client.PostAsJsonAsync("/api/collection-cases",
            new { invoiceIds = new[] { a }, agencyName = "Toinen Perintä Oy", source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(again)).TryGetProperty("invoiceIds", out _));

        await clerk.Client.PostAsJsonAsync($"/api/invoices/{b}/payments", new { amount = 70m, method = "BankTransfer", source = "OwnSystems" });
        var caseId = collection.GetProperty("id").GetGuid();
        var closed = await clerk.Client.PostAsJsonAsync($"/api/collection-cases/{caseId}/close", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("Open", (await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{a}")).GetProperty("status").GetString());
        Assert.Equal("Paid", (await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{b}")).GetProperty("status").GetString());

        var badCase = await clerk.Client.PostAsJsonAsync("/api/collection-cases", new { invoiceIds = Array.Empty<Guid>() });
        var errors = await RegisterData.ErrorsOf(badCase);
        Assert.True(errors.TryGetProperty("invoiceIds", out _) && errors.TryGetProperty("agencyName", out _));
    }

    [Fact]
    public async Task AnInvoiceNotYetDueIsNotOverdueAndCannotGoToCollection()
    {
        var clerk = await BillingClerkAsync();
        var consumerId = (await clerk.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();
        var today = CustomerRegister.Infrastructure.HelsinkiTime.Today(TimeProvider.System);
        var dueToday = (await CreateInvoiceAsync(clerk.Client, new
        {
            consumerId,
            invoiceNumber = Number(),
            issueDate = today.AddDays(-14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            dueDate = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            amount = 10m,
            source = "OwnSystems",
        })).GetProperty("id").GetGuid();

        var refused = await clerk.Client.PostAsJsonAsync("/api/collection-cases",
            new { invoiceIds = new[] { dueToday }, agencyName = "Perintä Oy", source = "OwnSystems" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(refused)).TryGetProperty("invoiceIds", out _));
        Assert.Equal("Open", (await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{dueToday}")).GetProperty("status").GetString());

        // Due today is open but not yet overdue in the customer's list either.
        Assert.Equal(1, (await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices?consumerId={consumerId}&state=Open")).GetArrayLength());
        Assert.Equal(0, (await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices?consumerId={consumerId}&state=Overdue")).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.Client.GetAsync($"/api/invoices?consumerId={consumerId}&state=late")).StatusCode);
    }

    [Fact]
    public async Task TheMarketingRoleIsRefusedBilling()
    {
        var clerk = await BillingClerkAsync();
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var consumer = await clerk.Client.CreateConsumerAsync(Consumer());
        var invoice = await CreateInvoiceAsync(clerk.Client, Invoice(consumer.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.GetAsync($"/api/invoices/{invoice.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await marketing.Client.GetAsync($"/api/invoices?consumerId={consumer.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await marketing.Client.PostAsJsonAsync("/api/invoices", Invoice(consumer.GetProperty("id").GetGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.PostAsJsonAsync("/api/metal-credits", new { amount = 1m })).StatusCode);

        var picture = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{consumer.GetProperty("subjectId").GetGuid()}");
        Assert.False(picture.GetProperty("sections").TryGetProperty("billing", out _));
    }

    [Fact]
    public async Task ThePersonsPictureShowsTheBillingSectionWithAccountsMasked()
    {
        var clerk = await BillingClerkAsync();
        var consumer = await clerk.Client.CreateConsumerAsync(Consumer(Iban));
        var consumerId = consumer.GetProperty("id").GetGuid();
        var invoiceId = (await CreateInvoiceAsync(clerk.Client, Invoice(consumerId))).GetProperty("id").GetGuid();
        await clerk.Client.PostAsJsonAsync($"/api/invoices/{invoiceId}/payments", new { amount = 20m, method = "Cash", source = "OwnSystems" });
        await clerk.Client.PostAsJsonAsync("/api/collection-cases", new { invoiceIds = new[] { invoiceId }, agencyName = "Perintä Oy", source = "OwnSystems" });
        await clerk.Client.PostAsJsonAsync("/api/metal-credits", new { consumerId, amount = 5m, source = "OwnSystems" });

        var picture = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{consumer.GetProperty("subjectId").GetGuid()}");

        var billing = picture.GetProperty("sections").GetProperty("billing");
        var invoice = Assert.Single(billing.GetProperty("invoices").EnumerateArray());
        Assert.Single(invoice.GetProperty("payments").EnumerateArray());
        Assert.Single(billing.GetProperty("collectionCases").EnumerateArray());
        var payout = Assert.Single(billing.GetProperty("metalCreditPayouts").EnumerateArray());
        Assert.Equal("FI21 **** **** **07 85", payout.GetProperty("bankAccount").GetString());
        RegisterData.AssertNoAccountDigits(billing.GetRawText(), Iban);
    }

    [Fact]
    public async Task BillingAuditEventsNameFieldsButHoldNoValues()
    {
        var clerk = await BillingClerkAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var consumer = await clerk.Client.CreateConsumerAsync(Consumer(Iban));
        var number = Number();
        var invoiceId = (await CreateInvoiceAsync(clerk.Client, Invoice(consumer.GetProperty("id").GetGuid(), number: number)))
            .GetProperty("id").GetGuid();
        await clerk.Client.GetAsync($"/api/invoices/{invoiceId}");
        await clerk.Client.PostAsJsonAsync("/api/metal-credits",
            new { consumerId = consumer.GetProperty("id").GetGuid(), amount = 5m, material = "aluminium", source = "OwnSystems" });

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={consumer.GetProperty("subjectId").GetGuid()}&limit=500");

        var events = trail.GetProperty("items").EnumerateArray().ToList();
        var create = Assert.Single(events, e => e.GetProperty("action").GetString() == "invoice.create");
        var fields = create.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("billing_name", fields);
        Assert.Contains("billing_street", fields);
        Assert.Equal("invoicing_and_contracts", create.GetProperty("purpose").GetString());
        Assert.Contains(events, e => e.GetProperty("action").GetString() == "invoice.read");
        Assert.Contains(events, e => e.GetProperty("action").GetString() == "metal_credit.create");
        var raw = trail.GetRawText();
        Assert.DoesNotContain(number, raw);
        Assert.DoesNotContain("Rautatienkatu", raw);
        Assert.DoesNotContain("aluminium", raw);
        Assert.DoesNotContain("120.5", raw);
    }
}
