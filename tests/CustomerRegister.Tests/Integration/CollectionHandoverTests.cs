using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The collection hand-over through the API: the agency's file, parsed as CSV, holds only what collection needs (no
/// email, phone or marketing data), the identity code only when the agency's recipient record allows it, every sending
/// logged as a disclosure; the agency's status file comes back in all or nothing, each refusal naming its row.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class CollectionHandoverTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private const string Email = "velallinen.testi@example.fi";
    private const string Phone = "0401234567";

    /// <summary>The app runs on the real clock here: the agency reports as of today (a status cannot predate the case).</summary>
    private static string Today => CustomerRegister.Infrastructure.HelsinkiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A person with email, phone, a marketing permission and an identity code on a scrapping certificate; an overdue invoice with a payment, in a case.</summary>
    private async Task<(Guid SubjectId, Guid CaseId, string IdentityCode, string InvoiceNumber, string Agency)> OverdueCaseAsync(
        StaffUser clerk, IReadOnlyList<DataCategory> agencyCategories)
    {
        var agency = "Perintä " + Tag() + " Oy";
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var recipient = await dpo.Client.PostAsJsonAsync("/api/recipients", new
        {
            name = agency,
            businessId = (string?)null,
            countryCode = "FI",
            kind = "CollectionAgency",
            role = "Controller",
            legalBasis = "LegitimateInterest",
            categoryKeys = agencyCategories.Select(c => c.Id).ToArray(),
            safeguard = "None",
        });
        Assert.True(recipient.StatusCode == HttpStatusCode.Created, $"{(int)recipient.StatusCode}: {await recipient.Content.ReadAsStringAsync()}");

        var consumer = await clerk.Client.CreateConsumerAsync(new
        {
            firstName = "Veikko",
            lastName = "Velallinen" + Tag(),
            street = "Perintäkuja 3",
            postalCode = "00100",
            city = "Helsinki",
            email = Email,
            phone = Phone,
            source = "Consumer",
        });
        var consumerId = consumer.GetProperty("id").GetGuid();
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        var consent = await clerk.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents", new
        {
            channel = "Email",
            purpose = "sales_and_marketing",
            kind = "PermissionGranted",
            source = "Consumer",
            wordingVersion = "email-2026-01",
            evidence = "webform-4711",
        });
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);

        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var code = VehicleCertificatesTests.NewIdentityCode();
        await VehicleCertificatesTests.IssueAsync(reception.Client, VehicleCertificatesTests.Certificate(consumerId, code));

        var number = "INV-" + Tag().ToUpperInvariant();
        var invoice = await clerk.Client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId,
            invoiceNumber = number,
            issueDate = "2025-03-10",
            dueDate = "2025-03-24",
            amount = 200m,
            source = "OwnSystems",
        });
        var invoiceId = (await invoice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var paid = await clerk.Client.PostAsJsonAsync($"/api/invoices/{invoiceId}/payments", new
        {
            amount = 50m,
            method = "BankTransfer",
            reference = "RF18539007547034",
            source = "OwnSystems",
        });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var opened = await clerk.Client.PostAsJsonAsync("/api/collection-cases", new { invoiceIds = new[] { invoiceId }, agencyName = agency, source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (subjectId, (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), code, number, agency);
    }

    private async Task<StaffUser> ClerkAsync() => await app.CreateUserAsync(Roles.Billing, Roles.CustomerService);

    private sealed record ParsedFile(IReadOnlyList<string> Headers, List<Dictionary<string, string>> Rows, string Text);

    private static async Task<ParsedFile> ExportAsync(HttpClient client, Guid caseId)
    {
        var response = await client.GetAsync($"/api/collection-cases/{caseId}/export");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Parse(bytes);
    }

    private static ParsedFile Parse(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ';' });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v));
        }

        return new ParsedFile(reader.Headers, rows, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task TheAgencysFileHoldsOnlyWhatCollectionNeedsAndNoEmailPhoneOrMarketingData()
    {
        var clerk = await ClerkAsync();
        var (subjectId, caseId, code, number, _) = await OverdueCaseAsync(clerk, Recipients.CollectionAgency);

        var file = await ExportAsync(clerk.Client, caseId);

        Assert.Equal(
            ["case_reference", "row_type", "debtor_name", "street", "postal_code", "city", "invoice_number", "issue_date", "due_date", "amount",
             "payment_date", "payment_amount", "currency"],
            file.Headers);
        var invoice = Assert.Single(file.Rows, r => r["row_type"] == "INVOICE");
        Assert.Equal(caseId.ToString(), invoice["case_reference"]);
        Assert.StartsWith("Veikko Velallinen", invoice["debtor_name"]);
        Assert.Equal("Perintäkuja 3", invoice["street"]);
        Assert.Equal(number, invoice["invoice_number"]);
        Assert.Equal("2025-03-24", invoice["due_date"]);
        Assert.Equal("200.00", invoice["amount"]);
        var payment = Assert.Single(file.Rows, r => r["row_type"] == "PAYMENT");
        Assert.Equal("50.00", payment["payment_amount"]);
        Assert.Equal(number, payment["invoice_number"]);
        Assert.Equal("", payment["debtor_name"]);

        // Nothing of the contact channels or marketing: neither a column nor a value anywhere in the file.
        Assert.DoesNotContain(file.Headers, h => h.Contains("mail") || h.Contains("phone") || h.Contains("marketing") || h.Contains("identity"));
        Assert.DoesNotContain(Email, file.Text);
        Assert.DoesNotContain(Phone, file.Text);
        Assert.DoesNotContain("040 123 4567", file.Text);
        Assert.DoesNotContain("sales_and_marketing", file.Text);
        Assert.DoesNotContain("PermissionGranted", file.Text);
        Assert.DoesNotContain(code, file.Text);

        // The sending is a disclosure of the person, of the categories the file carries, and the case is marked handed over.
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var disclosures = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/disclosures");
        var logged = Assert.Single(Items(disclosures));
        Assert.Equal(Recipients.CollectionAgency.Select(c => c.Id).Order(), logged.GetProperty("categoryKeys").EnumerateArray().Select(k => k.GetString()!).Order());
        Assert.Equal(Purposes.Invoicing, logged.GetProperty("purpose").GetString());
        var read = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/collection-cases/{caseId}");
        Assert.Equal(JsonValueKind.String, read.GetProperty("handedOverAt").ValueKind);
    }

    [Fact]
    public async Task TheIdentityCodeGoesOnlyWhenTheAgencysRecordAllowsIt()
    {
        var clerk = await ClerkAsync();
        var (_, caseId, code, _, _) = await OverdueCaseAsync(clerk, [.. Recipients.CollectionAgency, Categories.IdentityCode]);

        var file = await ExportAsync(clerk.Client, caseId);

        Assert.Contains("identity_code", file.Headers);
        Assert.Equal(code, Assert.Single(file.Rows, r => r["row_type"] == "INVOICE")["identity_code"]);
        Assert.Equal("", Assert.Single(file.Rows, r => r["row_type"] == "PAYMENT")["identity_code"]);
        Assert.DoesNotContain(Email, file.Text);
    }

    [Fact]
    public async Task AnAgencyNotAllowedTheDebtorsAddressGetsNothingAndNothingIsLogged()
    {
        var clerk = await ClerkAsync();
        var (subjectId, caseId, _, _, _) = await OverdueCaseAsync(clerk, [Categories.Name, Categories.Invoice, Categories.Payment, Categories.Collection]);

        var response = await clerk.Client.GetAsync($"/api/collection-cases/{caseId}/export");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("contact.address", string.Join(" ", (await RegisterData.ErrorsOf(response)).GetProperty("agencyName").EnumerateArray()));
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        Assert.Empty(Items(await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/disclosures")));
    }

    [Fact]
    public async Task TheAgencysStatusFileIsTakenAllOrNothingEachRefusalNamingItsRow()
    {
        var clerk = await ClerkAsync();
        var first = await OverdueCaseAsync(clerk, Recipients.CollectionAgency);
        var second = await OverdueCaseAsync(clerk, Recipients.CollectionAgency);
        await ExportAsync(clerk.Client, first.CaseId);
        await ExportAsync(clerk.Client, second.CaseId);

        // One good row and one bad one: 400 naming row 3, and the good row is not saved either.
        var bad = $"case_reference;status;date;amount_paid\n{first.CaseId};PAID;{Today};150.00\n{second.CaseId};SOLD;{Today};x\n";
        var refused = await PostStatusesAsync(clerk.Client, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await RegisterData.ErrorsOf(refused);
        Assert.Equal(["rows[3].status", "rows[3].amount_paid"], errors.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("Row 3:", errors.GetProperty("rows[3].status")[0].GetString());
        var untouched = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/collection-cases/{first.CaseId}");
        Assert.Equal("Open", untouched.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("agencyStatus").ValueKind);

        // All rows good: the first case paid and closed (its invoice paid), the second in progress with what was collected so far.
        var good = $"case_reference;status;date;amount_paid\r\n{first.CaseId};PAID;{Today};150.00\r\n{second.CaseId};IN_PROGRESS;{Today};20\r\n";
        var taken = await PostStatusesAsync(clerk.Client, good);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var result = await taken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("updated").GetInt32());
        Assert.Equal(1, result.GetProperty("closed").GetInt32());
        var paid = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/collection-cases/{first.CaseId}");
        Assert.Equal("Closed", paid.GetProperty("status").GetString());
        Assert.Equal("Paid", paid.GetProperty("agencyStatus").GetString());
        Assert.Equal(150m, paid.GetProperty("agencyPaid").GetDecimal());
        var invoiceId = paid.GetProperty("invoiceIds")[0].GetGuid();
        Assert.Equal("Paid", (await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}")).GetProperty("status").GetString());
        var progressing = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/collection-cases/{second.CaseId}");
        Assert.Equal("Open", progressing.GetProperty("status").GetString());
        Assert.Equal("InProgress", progressing.GetProperty("agencyStatus").GetString());
        Assert.Equal(Today, progressing.GetProperty("agencyStatusOn").GetString());

        // A closed case cannot be reported again; a multipart upload is read the same way.
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"case_reference;status;date;amount_paid\n{first.CaseId};ENDED;{Today};\n")), "file", "tilanne.csv");
        var again = await clerk.Client.PostAsync("/api/collection-statuses", form);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Row 2: the case is already closed.", (await RegisterData.ErrorsOf(again)).GetProperty("rows[2].case_reference")[0].GetString());

        var noColumns = await PostStatusesAsync(clerk.Client, "reference;state\nx;y\n");
        Assert.Equal(HttpStatusCode.BadRequest, noColumns.StatusCode);
        Assert.Contains("case_reference", (await RegisterData.ErrorsOf(noColumns)).GetProperty("file")[0].GetString());
    }

    private static Task<HttpResponseMessage> PostStatusesAsync(HttpClient client, string csv) =>
        client.PostAsync("/api/collection-statuses", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : list.GetProperty("items").EnumerateArray();
}
