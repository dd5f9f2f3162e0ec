using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class RectificationTests(RequestsFactory app) : IClassFixture<RequestsFactory>
{
    private const string Iban = "FI2112345600000785";
    private const string OtherIban = "FI5542345670000081";

    private static string UniquePhone() =>
        "040 " + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    private sealed record Person(Guid Id, Guid SubjectId, string Email, string Phone);

    private async Task<Person> ConsumerAsync(HttpClient client, string? bankAccount = null)
    {
        var email = $"vaara.{Guid.NewGuid():N}@example.fi";
        var phone = UniquePhone();
        var consumer = await client.CreateConsumerAsync(new
        {
            firstName = "Ville",
            lastName = "Väärä",
            email,
            phone,
            bankAccount,
            source = "Consumer",
        });
        return new Person(consumer.GetProperty("id").GetGuid(), consumer.GetProperty("subjectId").GetGuid(), email,
            consumer.GetProperty("phone").GetString()!);
    }

    /// <summary>A rectification request matched to the person, identity verified and started: ready for changes.</summary>
    private static async Task<JsonElement> StartedRequestAsync(HttpClient client, Guid subjectId, bool verify = true, bool start = true)
    {
        var request = await client.CreateRequestAsync(RequestData.Intake("Rectification"));
        var id = request.Id();
        request = await client.StepAsync(id, "match", new { subjectId });
        if (verify)
        {
            request = await client.StepAsync(id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        }

        if (start)
        {
            request = await client.StepAsync(id, "start");
        }

        return request;
    }

    private static Task<HttpResponseMessage> RectifyAsync(HttpClient client, JsonElement request, params object[] changes) =>
        RectifyAsync(client, request.Id(), request.GetProperty("version").GetInt64(), changes);

    private static Task<HttpResponseMessage> RectifyAsync(HttpClient client, Guid id, long version, params object[] changes) =>
        client.PostAsJsonAsync($"/api/requests/{id}/rectify", new { changes, version });

    private static object Change(string table, Guid rowId, string field, string? value) => new { table, rowId, field, value };

    private static async Task<List<Guid>> SearchAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}")).EnumerateArray()
            .Select(h => h.GetProperty("id").GetGuid())];

    [Fact]
    public async Task EmailAndPhoneAreRectifiedTogetherWithBeforeAndAfterKeptOnlyInTheRequest()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId);
        var newEmail = $"oikea.{Guid.NewGuid():N}@example.fi";
        var newPhone = UniquePhone();

        var response = await RectifyAsync(dpo.Client, request,
            Change("consumers", person.Id, "email", newEmail),
            Change("consumers", person.Id, "phone", newPhone));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var consumer = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{person.Id}");
        var storedEmail = consumer.GetProperty("email").GetString()!;
        var storedPhone = consumer.GetProperty("phone").GetString()!;
        Assert.Equal(newEmail, storedEmail, ignoreCase: true);
        Assert.StartsWith("+35840", storedPhone, StringComparison.Ordinal);
        Assert.Equal(2, consumer.GetProperty("version").GetInt64());

        Assert.Contains(person.Id, await SearchAsync(dpo.Client, newEmail));
        Assert.Contains(person.Id, await SearchAsync(dpo.Client, newPhone));
        Assert.DoesNotContain(person.Id, await SearchAsync(dpo.Client, person.Email));
        Assert.DoesNotContain(person.Id, await SearchAsync(dpo.Client, person.Phone));

        var read = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{request.Id()}");
        var changes = read.GetProperty("rectifications").EnumerateArray().ToList();
        var email = Assert.Single(changes, c => c.GetProperty("field").GetString() == "email");
        Assert.Equal(person.Email, email.GetProperty("before").GetString());
        Assert.Equal(storedEmail, email.GetProperty("after").GetString());
        Assert.Equal("contact.email", email.GetProperty("category").GetString());
        Assert.Equal("consumers", email.GetProperty("table").GetString());
        var phone = Assert.Single(changes, c => c.GetProperty("field").GetString() == "phone");
        Assert.Equal(person.Phone, phone.GetProperty("before").GetString());
        Assert.Equal(storedPhone, phone.GetProperty("after").GetString());
        var actions = read.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("rectified", actions);
        Assert.Contains("recipients_listed", actions);
        var notify = read.GetProperty("notify").EnumerateArray().ToList();
        Assert.Contains(notify, n => n.GetProperty("recipient").GetString()!.Contains("Encore", StringComparison.Ordinal));
        Assert.All(notify, n => Assert.False(string.IsNullOrEmpty(n.GetProperty("reason").GetString())));

        var events = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={person.SubjectId}&limit=500");
        var rectify = events.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() is "rectification.apply" or "request.rectify").ToList();
        Assert.Equal(2, rectify.Count);
        Assert.Contains(rectify, e => e.GetRawText().Contains("email", StringComparison.Ordinal) && e.GetRawText().Contains("phone", StringComparison.Ordinal));
        var trail = events.GetRawText();
        foreach (var value in new[] { person.Email, newEmail, person.Phone, storedPhone })
        {
            Assert.DoesNotContain(value, trail, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync(
                $"SELECT COUNT(*) FROM audit_events WHERE fields LIKE '%{value}%' OR entity_id LIKE '%{value}%' OR action LIKE '%{value}%'"),
                CultureInfo.InvariantCulture));
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("fi", "Olemme oikaisseet henkilötietosi", "Sähköpostiosoite", "tietosuojaseloste § 8", "Tietosuojavaltuutetun toimisto")]
    [InlineData("sv", "Vi har rättat dina personuppgifter", "E-postadress", "dataskyddsbeskrivningen § 8", "Dataombudsmannens byrå")]
    [InlineData("en", "We have rectified your personal data", "Email address", "notice § 8", "Office of the Data Protection Ombudsman")]
    public async Task TheRectificationNoticeIsInTheRequestersLanguageAndMailedOnCompletion(
        string language, string opening, string category, string groupReason, string authority)
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var requesterEmail = $"pyytaja.{Guid.NewGuid():N}@example.fi";
        var id = (await dpo.Client.CreateRequestAsync(new
        {
            type = "Rectification",
            channel = "Letter",
            requesterName = "Ville Väärä",
            requesterEmail,
            language,
            subjectId = person.SubjectId,
        })).Id();
        await dpo.Client.StepAsync(id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        var request = await dpo.Client.StepAsync(id, "start");
        var newEmail = $"oikea.{Guid.NewGuid():N}@example.fi";

        var response = await RectifyAsync(dpo.Client, request, Change("consumers", person.Id, "email", newEmail));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var read = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");
        var notice = read.GetProperty("responseLetter").GetString()!;
        Assert.Matches("^(Hei|Hej|Dear|Hello)\\b", notice); // every letter opens with a greeting
        Assert.Contains(opening, notice, StringComparison.Ordinal);
        Assert.Contains("- " + category, notice, StringComparison.Ordinal);
        Assert.Contains(groupReason, notice, StringComparison.Ordinal);
        Assert.Contains(authority, notice, StringComparison.Ordinal);
        Assert.DoesNotContain(newEmail, notice, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.Email, notice, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(read.GetProperty("notify").EnumerateArray(),
            n => n.GetProperty("reason").GetString()!.Contains(groupReason, StringComparison.Ordinal));
        var acknowledgement = Assert.Single(app.MailTo(requesterEmail)); // only the acknowledgement at intake so far
        Assert.DoesNotContain(opening, acknowledgement.TextBody, StringComparison.Ordinal);

        await dpo.Client.StepAsync(id, "complete", new { });

        var sent = Assert.Single(app.MailTo(requesterEmail), m => m.MessageId != acknowledgement.MessageId);
        Assert.Matches("^(Hei|Hej|Dear|Hello)\\b", sent.TextBody); // every letter opens with a greeting
        Assert.Contains(opening, sent.TextBody, StringComparison.Ordinal);
        Assert.Contains(authority, sent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleVersionIsAConflictAndChangesNothing()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId);

        var stale = await RectifyAsync(dpo.Client, request.Id(), request.GetProperty("version").GetInt64() - 1,
            Change("consumers", person.Id, "first_name", "Veli"));
        var staleRow = await dpo.Client.PostAsJsonAsync($"/api/requests/{request.Id()}/rectify", new
        {
            changes = new[] { new { table = "consumers", rowId = person.Id, field = "first_name", value = "Veli", version = 7 } },
            version = request.GetProperty("version").GetInt64(),
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleRow.StatusCode);
        var consumer = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{person.Id}");
        Assert.Equal("Ville", consumer.GetProperty("firstName").GetString());
        Assert.Equal(1, consumer.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AnotherPersonsRowIsRefusedNamingTheRow()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var other = await ConsumerAsync(dpo.Client);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId);

        var response = await RectifyAsync(dpo.Client, request,
            Change("consumers", person.Id, "first_name", "Veli"),
            Change("consumers", other.Id, "first_name", "Veli"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        Assert.True(errors.TryGetProperty("changes[1].rowId", out _), errors.GetRawText());
        Assert.False(errors.TryGetProperty("changes[0].rowId", out _));
        Assert.Equal("Ville", (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{person.Id}")).GetProperty("firstName").GetString());
        Assert.Equal("Ville", (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{other.Id}")).GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task AnInvalidValueRefusesTheWholeBodyNamingEachBadChange()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId);

        var response = await RectifyAsync(dpo.Client, request,
            Change("consumers", person.Id, "email", "not-an-email"),
            Change("consumers", person.Id, "phone", UniquePhone()),
            Change("consumers", person.Id, "postal_code", "1234"),
            Change("consumers", person.Id, "last_name", new string('x', 101)),
            Change("consumers", person.Id, "bank_account_cipher", "x"),
            Change("consumers", person.Id, "version", "5"),
            Change("consumers", person.Id, "no_such_column", "x"),
            Change("no_such_table", person.Id, "email", "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[]
                 {
                     "changes[0].value", "changes[2].value", "changes[3].value", "changes[4].field", "changes[5].field",
                     "changes[6].field", "changes[7].table",
                 })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors.GetRawText()}");
        }

        Assert.False(errors.TryGetProperty("changes[1].value", out _));
        var consumer = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{person.Id}");
        Assert.Equal(person.Phone, consumer.GetProperty("phone").GetString());
        Assert.Equal(1, consumer.GetProperty("version").GetInt64());
        Assert.Empty((await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{request.Id()}")).GetProperty("rectifications").EnumerateArray());
    }

    [Fact]
    public async Task AnInvoiceBillingNameIsKeptAsALegalRecord()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var clerk = await app.CreateUserAsync(Roles.Billing, Roles.CustomerService);
        var person = await ConsumerAsync(clerk.Client);
        var invoiceId = await InvoiceAsync(clerk.Client, person.Id);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId);

        var response = await RectifyAsync(dpo.Client, request, Change("invoices", invoiceId, "billing_name", "Veli Väärä"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await RegisterData.ErrorsOf(response)).GetProperty("changes[0].field")[0].GetString()!;
        Assert.Contains("billing_name", message, StringComparison.Ordinal);
        Assert.Contains("legal record", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnverifiedRequestChangesNothing()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId, verify: false, start: false);
        var early = await dpo.Client.PostAsJsonAsync($"/api/requests/{request.Id()}/start", new { });

        var response = await RectifyAsync(dpo.Client, request, Change("consumers", person.Id, "first_name", "Veli"));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(response)).TryGetProperty("state", out _));
        Assert.Equal("Ville", (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{person.Id}")).GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task OnlyRequestHandlersMayRectify()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var person = await ConsumerAsync(dpo.Client);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId);

        var response = await RectifyAsync(service.Client, request, Change("consumers", person.Id, "first_name", "Veli"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await RectifyAsync(dpo.Client, Guid.NewGuid(), 1, Change("consumers", person.Id, "first_name", "Veli"))).StatusCode);
    }

    [Fact]
    public async Task TheCollectionAgencyIsListedForNotificationWhenThePersonHasACase()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var clerk = await app.CreateUserAsync(Roles.Billing, Roles.CustomerService);
        var person = await ConsumerAsync(clerk.Client);
        var invoiceId = await InvoiceAsync(clerk.Client, person.Id);
        var agency = $"Perintä {Guid.NewGuid():N} Oy";
        var opened = await clerk.Client.PostAsJsonAsync("/api/collection-cases",
            new { invoiceIds = new[] { invoiceId }, agencyName = agency, source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId);

        var response = await RectifyAsync(dpo.Client, request, Change("consumers", person.Id, "street", "Oikeakatu 1"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var notify = body.GetProperty("notify").EnumerateArray().ToList();
        Assert.Equal(2, notify.Count);
        Assert.Contains(notify, n => n.GetProperty("recipient").GetString() == agency);
        var change = Assert.Single(body.GetProperty("rectifications").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, change.GetProperty("before").ValueKind);
        Assert.Equal("Oikeakatu 1", change.GetProperty("after").GetString());
    }

    [Fact]
    public async Task TheBankAccountIsStoredEncryptedAndKeptMaskedInTheRequest()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var clerk = await app.CreateUserAsync(Roles.Billing, Roles.CustomerService);
        var person = await ConsumerAsync(clerk.Client, Iban);
        var request = await StartedRequestAsync(dpo.Client, person.SubjectId);

        var response = await RectifyAsync(dpo.Client, request, Change("consumers", person.Id, "bank_account", OtherIban));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var change = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rectifications").EnumerateArray());
        Assert.Equal("FI21 **** **** **07 85", change.GetProperty("before").GetString());
        Assert.Equal("FI55 **** **** **00 81", change.GetProperty("after").GetString());
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM request_rectifications WHERE before LIKE '%{Iban[4..]}%' OR after LIKE '%{OtherIban[4..]}%'"),
            CultureInfo.InvariantCulture));
        var consumer = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{person.Id}");
        Assert.Equal("FI55 **** **** **00 81", consumer.GetProperty("bankAccount").GetString());

        var identity = await RectifyAsync(dpo.Client, (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{request.Id()}")),
            Change("scrapping_certificates", Guid.NewGuid(), "identity_code", "010190-123A"));
        var message = (await RegisterData.ErrorsOf(identity)).GetProperty("changes[0].field")[0].GetString()!;
        Assert.Contains("identity code", message, StringComparison.Ordinal);
    }

    private static async Task<Guid> InvoiceAsync(HttpClient client, Guid consumerId)
    {
        var response = await client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId,
            invoiceNumber = $"R{Guid.NewGuid():N}"[..20].ToUpperInvariant(),
            issueDate = "2025-03-10",
            dueDate = "2025-03-24",
            amount = 80m,
            source = "OwnSystems",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
