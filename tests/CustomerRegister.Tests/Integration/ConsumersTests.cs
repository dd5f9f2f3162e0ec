using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class ConsumersTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private const string Iban = "FI2112345600000785";

    private static object Consumer(string? bankAccount = null, string last = "Mäkinen") => new
    {
        firstName = "Aino",
        lastName = last,
        street = "Rautatienkatu 5 B 12",
        postalCode = "33100",
        city = "Tampere",
        phone = "040 123 4567",
        email = "aino.makinen@example.fi",
        bankAccount,
        source = "Consumer",
    };

    [Fact]
    public async Task AConsumerIsStoredNormalisedAndReadBackWithTheBankAccountMasked()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);

        var created = await reception.Client.CreateConsumerAsync(Consumer(Iban));

        Assert.Equal("+358401234567", created.GetProperty("phone").GetString());
        Assert.Equal("FI21 **** **** **07 85", created.GetProperty("bankAccount").GetString());
        Assert.False(created.GetProperty("bankAccountRevealed").GetBoolean());
        Assert.Equal("Consumer", created.GetProperty("source").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        var id = created.GetProperty("id").GetGuid();

        var read = await reception.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{id}");
        Assert.Equal("FI21 **** **** **07 85", read.GetProperty("bankAccount").GetString());
        Assert.Equal(created.GetProperty("subjectId").GetGuid(), read.GetProperty("subjectId").GetGuid());
    }

    [Fact]
    public async Task RevealingTheBankAccountNeedsThePermissionAndAPurposeAndIsAudited()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var id = (await reception.Client.CreateConsumerAsync(Consumer(Iban))).GetProperty("id").GetGuid();

        var revealed = await Reveal(reception.Client, id, "invoicing_and_contracts");
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var body = await revealed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FI21 1234 5600 0007 85", body.GetProperty("bankAccount").GetString());
        Assert.True(body.GetProperty("bankAccountRevealed").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await Reveal(service.Client, id, "invoicing_and_contracts")).StatusCode);

        var wrongPurpose = await Reveal(reception.Client, id, "sales_and_marketing");
        Assert.Equal(HttpStatusCode.BadRequest, wrongPurpose.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(wrongPurpose)).TryGetProperty("X-Purpose", out _));

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={body.GetProperty("subjectId").GetGuid()}&limit=500");
        var reveals = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "consumer.reveal").ToList();
        Assert.Contains(reveals, e => e.GetProperty("outcome").GetString() == "ok" && e.GetProperty("actorId").GetGuid() == reception.Id
            && e.GetProperty("purpose").GetString() == "invoicing_and_contracts");
        Assert.Contains(reveals, e => e.GetProperty("outcome").GetString() == "denied" && e.GetProperty("actorId").GetGuid() == service.Id);
        RegisterData.AssertNoAccountDigits(trail.GetRawText(), Iban);
    }

    [Fact]
    public async Task TheBankAccountIsEncryptedAtRest()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var id = (await reception.Client.CreateConsumerAsync(Consumer("FI5542345670000081"))).GetProperty("id").GetGuid();

        var cipher = await app.Database.ScalarAsync($"SELECT bank_account_cipher FROM consumers WHERE id = '{IdLiteral(id)}'");

        var bytes = Assert.IsType<byte[]>(cipher);
        Assert.True(bytes.Length > 16);
        Assert.False(Encoding.UTF8.GetString(bytes).Contains("42345670000081", StringComparison.Ordinal));
        Assert.False(Convert.ToHexString(bytes).Contains("4234567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CustomerServiceMayNotSetABankAccount()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);

        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsJsonAsync("/api/consumers", Consumer(Iban))).StatusCode);
        var withoutAccount = await service.Client.CreateConsumerAsync(Consumer());
        Assert.Equal(JsonValueKind.Null, withoutAccount.GetProperty("bankAccount").ValueKind);
    }

    [Fact]
    public async Task InvalidIdentifiersAreRefusedNamingEachFieldAndReasonWithoutEchoingTheValue()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);

        var response = await reception.Client.PostAsJsonAsync("/api/consumers", new
        {
            firstName = "",
            lastName = "Virtanen",
            postalCode = "3310",
            phone = "12",
            email = "no-at-sign.fi",
            bankAccount = "FI2112345600000786",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[] { "firstName", "postalCode", "phone", "email", "bankAccount", "source" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named: {errors}");
        }

        Assert.DoesNotContain("FI2112345600000786", errors.GetRawText());
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync("SELECT COUNT(*) FROM consumers WHERE last_name = 'Virtanen'")));
    }

    [Fact]
    public async Task AnUnknownSourceIsNamed()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);

        var response = await service.Client.PostAsync("/api/consumers", new StringContent(
            """{"firstName":"A","lastName":"B","source":"Aliens"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(response)).TryGetProperty("source", out _));
    }

    [Fact]
    public async Task AStaleWriteAnswers409AndOverwritesNothing()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var created = await service.Client.CreateConsumerAsync(Consumer());
        var id = created.GetProperty("id").GetGuid();

        var first = await service.Client.PutAsJsonAsync($"/api/consumers/{id}", new
        {
            firstName = "Aino",
            lastName = "Lahtinen",
            city = "Tampere",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());

        var stale = await service.Client.PutAsJsonAsync($"/api/consumers/{id}", new
        {
            firstName = "Aino",
            lastName = "Korhonen",
            city = "Turku",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var now = await service.Client.GetFromJsonAsync<JsonElement>($"/api/consumers/{id}");
        Assert.Equal("Lahtinen", now.GetProperty("lastName").GetString());
        Assert.Equal("Tampere", now.GetProperty("city").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AnUpdateIsAuditedWithTheChangedFieldNamesOnly()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var created = await service.Client.CreateConsumerAsync(Consumer());
        var id = created.GetProperty("id").GetGuid();

        await service.Client.PutAsJsonAsync($"/api/consumers/{id}", new
        {
            firstName = "Aino",
            lastName = "Mäkinen",
            street = "Hämeenkatu 1",
            postalCode = "33100",
            city = "Tampere",
            phone = "040 123 4567",
            email = "aino.makinen@example.fi",
            version = 1,
        });

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={created.GetProperty("subjectId").GetGuid()}");
        var update = trail.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "consumer.update");
        Assert.Equal(["street"], update.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("Hämeenkatu", trail.GetRawText());
    }

    [Fact]
    public async Task TheBankAccountIsChangedOnItsOwnEndpoint()
    {
        var billing = await app.CreateUserAsync(Roles.Billing, Roles.CustomerService);
        var created = await billing.Client.CreateConsumerAsync(Consumer());
        var id = created.GetProperty("id").GetGuid();

        var set = await billing.Client.PutAsJsonAsync($"/api/consumers/{id}/bank-account", new { bankAccount = "FI55 4234 5670 0000 81", version = 1 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("FI55 **** **** **00 81", (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bankAccount").GetString());

        var stale = await billing.Client.PutAsJsonAsync($"/api/consumers/{id}/bank-account", new { bankAccount = (string?)null, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await service.Client.PutAsJsonAsync($"/api/consumers/{id}/bank-account", new { bankAccount = (string?)null, version = 2 })).StatusCode);
    }

    [Fact]
    public async Task RolesWithoutCustomerAccessAreRefusedAndUnknownIdsAnswer404()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var auditor = await app.CreateUserAsync(Roles.Auditor);
        var id = (await service.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await marketing.Client.GetAsync($"/api/consumers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.PostAsJsonAsync("/api/consumers", Consumer())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Client.GetAsync($"/api/consumers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/consumers/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/subjects/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task TheListPagesWithAKeyset()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        for (var i = 0; i < 5; i++)
        {
            await service.Client.CreateConsumerAsync(Consumer(last: "Sivutus" + i));
        }

        var seen = new List<Guid>();
        string? after = null;
        do
        {
            var page = await service.Client.GetFromJsonAsync<JsonElement>($"/api/consumers?limit=2{(after is null ? "" : "&after=" + after)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetGuid().ToString();
        }
        while (after is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.True(seen.Count >= 5);
        Assert.Equal(seen.Order().ToList(), seen);
    }

    private static Task<HttpResponseMessage> Reveal(HttpClient client, Guid id, string purpose)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/consumers/{id}?reveal=bankAccount");
        request.Headers.Add("X-Purpose", purpose);
        return client.SendAsync(request);
    }

    private string IdLiteral(Guid id) => app.Database.Provider == Data.DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();
}
