using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// A person's marketing refusals outlive them, whichever way they leave the register (erasure on request, or the
/// retention sweep's purge of a profile), and come back when the same email, phone or postal address is entered again.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class MarketingBanTests(RetentionFactory app) : IClassFixture<RetentionFactory>
{
    private sealed record Address(string Email, string Phone, string LocalPhone, string Street, string PostalCode);

    private static Address NewAddress()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        return new Address($"kielto.{tag}@example.fi", $"+358 40 {digits}", $"040{digits}", $"Kieltotie {Random.Shared.Next(1, 999)} {tag}", "33100");
    }

    [Fact]
    public async Task AnErasedConsumersProhibitionsOnEveryChannelComeBackWithTheSameEmailPhoneAndAddress()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var address = NewAddress();
        var subjectId = await ConsumerAsync(dpo.Client, address, address.Phone);
        foreach (var channel in new[] { "Email", "Sms", "Phone", "Post" })
        {
            await EntryAsync(dpo.Client, subjectId, channel, "Prohibition");
        }

        await EraseAsync(dpo.Client, subjectId);
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE subject_id = '{Literal(subjectId)}'"));

        // The same person again, typed a little differently: every channel is under the prohibition from birth.
        var again = await ConsumerAsync(dpo.Client, address with { Email = address.Email.ToUpperInvariant() }, address.LocalPhone);
        foreach (var channel in new[] { "Email", "Sms", "Phone", "Post" })
        {
            await AssertRefusedAsync(dpo.Client, again, channel);
        }
    }

    [Fact]
    public async Task APurgedConsumersEmailReEnteredIsStillBannedFromEmailMarketing()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var address = NewAddress();
        var subjectId = await ConsumerAsync(dpo.Client, address, address.Phone);
        var prohibition = await EntryAsync(dpo.Client, subjectId, "Email", "Prohibition");
        await EntryAsync(dpo.Client, subjectId, "Post", "Prohibition");
        var relationship = await PostOkAsync(dpo.Client, "/api/relationships", new
        {
            subjectId,
            customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            startDate = "2015-03-01",
            source = "OwnSystems",
        });

        // Cooperation ended 25 months ago (the profile period is 24): the profile is due.
        var ended = app.Today.AddMonths(-25).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await app.Database.ExecuteAsync($"UPDATE customer_relationships SET end_date = '{ended}', status = 'Ended' "
                                        + $"WHERE id = '{Literal(relationship.GetProperty("id").GetGuid())}'");
        await SweepAsync(dpo.Client);
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM retention_purged_subjects WHERE subject_id = '{Literal(subjectId)}'"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM consumers WHERE subject_id = '{Literal(subjectId)}' AND email IS NOT NULL"));

        // The prohibition in force stays in the old ledger (the consent-evidence rule never removes it)...
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM marketing_consents WHERE id = '{Literal(prohibition)}'"));

        // ...and the address, which is gone, is remembered only as a keyed hash: the returning email is still banned.
        var again = await ConsumerAsync(dpo.Client, address, null);
        await AssertRefusedAsync(dpo.Client, again, "Email");
        await AssertRefusedAsync(dpo.Client, again, "Post");
        var ledger = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{again}/marketing-consents");
        Assert.All(ledger.GetProperty("ledger").EnumerateArray(),
            e => Assert.StartsWith("marketing_ban:", e.GetProperty("evidence").GetString(), StringComparison.Ordinal));

        // The ban is the address's, not the person's: the same email at another street is free for post.
        var moved = await ConsumerAsync(dpo.Client, address with { Street = "Muu katu 5" }, null);
        await AssertRefusedAsync(dpo.Client, moved, "Email");
        Assert.Equal("allowed_unless_refused", (await Decision(dpo.Client, moved, "Post")).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AContactPersonsRefusalOfB2bEmailSurvivesErasureAndThePurge()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var organisation = (await dpo.Client.CreateOrganisationAsync(new { name = "Kieltäjä Oy " + Guid.NewGuid().ToString("N")[..6], source = "OwnSystems" }))
            .GetProperty("id").GetGuid();
        var erased = NewAddress();
        var purged = NewAddress();
        var toErase = await ContactAsync(dpo.Client, organisation, erased.Email);
        var toPurge = await ContactAsync(dpo.Client, organisation, purged.Email);

        // B2B email is allowed unless refused: the refusal is recorded as a withdrawn permission.
        foreach (var subject in new[] { toErase, toPurge })
        {
            Assert.Equal("allowed_unless_refused", (await Decision(dpo.Client, subject, "Email")).GetProperty("reason").GetString());
            await EntryAsync(dpo.Client, subject, "Email", "PermissionWithdrawn");
        }

        await EraseAsync(dpo.Client, toErase);

        // A prospect never became a customer: purged 24 months after the last contact (here: after being entered).
        var old = app.Clock.GetUtcNow().UtcDateTime.AddMonths(-25).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await app.Database.ExecuteAsync($"UPDATE subjects SET created_at = '{old}' WHERE id = '{Literal(toPurge)}'");
        await SweepAsync(dpo.Client);
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM retention_purged_subjects WHERE subject_id = '{Literal(toPurge)}'"));

        var other = (await dpo.Client.CreateOrganisationAsync(new { name = "Uusi Oy " + Guid.NewGuid().ToString("N")[..6], source = "PublicSources" }))
            .GetProperty("id").GetGuid();
        foreach (var email in new[] { erased.Email, purged.Email })
        {
            var again = await ContactAsync(dpo.Client, other, email);
            await AssertRefusedAsync(dpo.Client, again, "Email");
        }

        // Another contact of the same organisation stays free.
        var free = await ContactAsync(dpo.Client, other, NewAddress().Email);
        Assert.True((await Decision(dpo.Client, free, "Email")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task AnErasedSoleTradersPostProhibitionComesBackWithTheSameBusinessAddress()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var address = NewAddress();
        async Task<Guid> SoleTraderAsync(string name) => (await dpo.Client.CreateOrganisationAsync(new
        {
            name,
            street = address.Street,
            postalCode = address.PostalCode,
            city = "Tampere",
            isSoleTrader = true,
            source = "PublicSources",
        })).GetProperty("subjectId").GetGuid();
        var trader = await SoleTraderAsync("Toiminimi Kieltäjä");
        await EntryAsync(dpo.Client, trader, "Post", "Prohibition");

        await EraseAsync(dpo.Client, trader);

        await AssertRefusedAsync(dpo.Client, await SoleTraderAsync("Toiminimi Palaaja"), "Post");
    }

    private static async Task<Guid> ConsumerAsync(HttpClient client, Address address, string? phone) =>
        (await client.CreateConsumerAsync(new
        {
            firstName = "Kieltäjä",
            lastName = "Kuluttaja",
            email = address.Email,
            phone,
            street = address.Street,
            postalCode = address.PostalCode,
            city = "Tampere",
            source = "PublicSources",
        })).GetProperty("subjectId").GetGuid();

    private static async Task<Guid> ContactAsync(HttpClient client, Guid organisation, string email) =>
        (await PostOkAsync(client, $"/api/organisations/{organisation}/contacts",
            new { firstName = "Kaisa", lastName = "Yhteyshenkilö", email, source = "PublicSources" })).GetProperty("subjectId").GetGuid();

    private static async Task<Guid> EntryAsync(HttpClient client, Guid subjectId, string channel, string kind) =>
        (await PostOkAsync(client, $"/api/subjects/{subjectId}/marketing-consents",
            new { channel, purpose = "sales_and_marketing", kind, source = "Consumer", evidence = "letter-1" })).GetProperty("id").GetGuid();

    private static Task<JsonElement> Decision(HttpClient client, Guid subjectId, string channel) =>
        client.GetFromJsonAsync<JsonElement>($"/api/marketing/can-contact?subjectId={subjectId}&channel={channel}&purpose=sales_and_marketing");

    private static async Task AssertRefusedAsync(HttpClient client, Guid subjectId, string channel)
    {
        var decision = await Decision(client, subjectId, channel);
        Assert.False(decision.GetProperty("allowed").GetBoolean(), $"{channel}: {decision}");
        Assert.Equal("prohibited", decision.GetProperty("reason").GetString());
    }

    private async Task EraseAsync(HttpClient client, Guid subjectId)
    {
        var id = (await client.CreateRequestAsync(new { type = "Erasure", channel = "Phone", requesterName = "Soittaja", text = "Poistakaa tietoni." })).Id();
        await client.StepAsync(id, "match", new { subjectId });
        await client.StepAsync(id, "verify-identity", new { method = "StrongElectronicIdentification" });
        await client.StepAsync(id, "start", new { });
        var response = await client.PostAsJsonAsync($"/api/requests/{id}/erase", new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"erase: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task SweepAsync(HttpClient client) =>
        Assert.True((await PostOkAsync(client, "/api/retention/run", new { })).GetProperty("swept").GetBoolean());

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql), CultureInfo.InvariantCulture);

    private string Literal(Guid id) => app.Database.Provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();
}
