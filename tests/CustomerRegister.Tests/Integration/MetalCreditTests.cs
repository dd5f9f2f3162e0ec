using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using static CustomerRegister.Tests.Integration.BillingTests;

namespace CustomerRegister.Tests.Integration;

/// <summary>Metal-credit payouts: the account kept encrypted and masked, revealed only with the permission and a purpose.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class MetalCreditTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private async Task<StaffUser> BillingClerkAsync() => await app.CreateUserAsync(Roles.Billing, Roles.CustomerService);

    private string IdLiteral(Guid id) => app.Database.Provider == Data.DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    [Fact]
    public async Task APayoutStoresTheAccountEncryptedAndMaskedDefaultingToTheConsumersAccount()
    {
        var clerk = await BillingClerkAsync();
        var withAccount = await clerk.Client.CreateConsumerAsync(Consumer(Iban));
        var withoutAccount = await clerk.Client.CreateConsumerAsync(Consumer());

        var defaulted = await clerk.Client.PostAsJsonAsync("/api/metal-credits", new
        {
            consumerId = withAccount.GetProperty("id").GetGuid(),
            paidOn = "2025-05-02",
            amount = 48.20m,
            weightKg = 212.5m,
            material = "copper",
            source = "OwnSystems",
        });
        Assert.Equal(HttpStatusCode.Created, defaulted.StatusCode);
        var payout = await defaulted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FI21 **** **** **07 85", payout.GetProperty("bankAccount").GetString());
        Assert.False(payout.GetProperty("bankAccountRevealed").GetBoolean());

        var given = await clerk.Client.PostAsJsonAsync("/api/metal-credits", new
        {
            consumerId = withoutAccount.GetProperty("id").GetGuid(),
            amount = 10m,
            bankAccount = OtherIban,
            source = "Consumer",
        });
        var givenPayout = await given.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FI55 **** **** **00 81", givenPayout.GetProperty("bankAccount").GetString());

        var id = IdLiteral(givenPayout.GetProperty("id").GetGuid());
        Assert.Equal("FI55 **** **** **00 81", await app.Database.ScalarAsync($"SELECT bank_account_masked FROM metal_credit_payouts WHERE id = '{id}'"));
        var cipher = Assert.IsType<byte[]>(await app.Database.ScalarAsync($"SELECT bank_account_cipher FROM metal_credit_payouts WHERE id = '{id}'"));
        Assert.DoesNotContain("42345670000081", Encoding.UTF8.GetString(cipher), StringComparison.Ordinal);

        var none = await clerk.Client.PostAsJsonAsync("/api/metal-credits", new
        {
            consumerId = withoutAccount.GetProperty("id").GetGuid(),
            amount = 10m,
            source = "Consumer",
        });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(none)).TryGetProperty("bankAccount", out _));

        var invalid = await clerk.Client.PostAsJsonAsync("/api/metal-credits", new
        {
            consumerId = withoutAccount.GetProperty("id").GetGuid(),
            amount = 10m,
            bankAccount = "FI2112345600000786",
            source = "Consumer",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.DoesNotContain("FI2112345600000786", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RevealingAPayoutAccountNeedsThePermissionAndAStatedPurposeAndIsAudited()
    {
        var clerk = await BillingClerkAsync();
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var consumer = await clerk.Client.CreateConsumerAsync(Consumer(Iban));
        var created = await clerk.Client.PostAsJsonAsync("/api/metal-credits",
            new { consumerId = consumer.GetProperty("id").GetGuid(), amount = 12m, source = "OwnSystems" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var revealed = await Reveal(clerk.Client, id, "invoicing_and_contracts");
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var body = await revealed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FI21 1234 5600 0007 85", body.GetProperty("bankAccount").GetString());
        Assert.True(body.GetProperty("bankAccountRevealed").GetBoolean());

        Assert.Equal(HttpStatusCode.BadRequest, (await Reveal(clerk.Client, id, null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Reveal(clerk.Client, id, "sales_and_marketing")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Reveal(service.Client, id, "invoicing_and_contracts")).StatusCode);

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={consumer.GetProperty("subjectId").GetGuid()}&limit=500");
        var reveals = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "metal_credit.reveal").ToList();
        Assert.Contains(reveals, e => e.GetProperty("outcome").GetString() == "ok" && e.GetProperty("actorId").GetGuid() == clerk.Id);
        Assert.Contains(reveals, e => e.GetProperty("outcome").GetString() == "denied" && e.GetProperty("actorId").GetGuid() == service.Id);
        RegisterData.AssertNoAccountDigits(trail.GetRawText(), Iban);
    }

    private static Task<HttpResponseMessage> Reveal(HttpClient client, Guid id, string? purpose)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/metal-credits/{id}?reveal=bankAccount");
        if (purpose is not null)
        {
            request.Headers.Add("X-Purpose", purpose);
        }

        return client.SendAsync(request);
    }
}
