using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class DisclosuresTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private async Task<Guid> ConsumerAsync(HttpClient client) =>
        (await client.CreateConsumerAsync(new
        {
            firstName = "Luovu",
            lastName = "Tettava" + Guid.NewGuid().ToString("N")[..6],
            email = $"luovu.{Guid.NewGuid():N}@example.fi",
            phone = "040 765 4321",
            street = "Rantatie 5",
            postalCode = "28100",
            city = "Pori",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<Outcome<DisclosureResult>> DiscloseAsync(DisclosureOrder order) =>
        InScopeAsync(s => s.GetRequiredService<DiscloseData>().DiscloseAsync(order, CancellationToken.None));

    private static object Input(string name, string country, string? safeguard = null, string? details = null, string kind = "Other",
        string[]? categories = null, long? version = null) => new
        {
            name,
            countryCode = country,
            kind,
            role = "Processor",
            legalBasis = "LegitimateInterest",
            categoryKeys = categories ?? [Categories.Name.Id, Categories.Address.Id],
            safeguard,
            safeguardDetails = details,
            version,
        };

    [Fact]
    public async Task ARecipientOutsideTheEeaWithoutSafeguardsIsRefusedByTheRegistryAndEveryDisclosureToItIsRefused()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = await ConsumerAsync(service.Client);

        // The registry refuses it, beside the safeguard field.
        var refused = await dpo.Client.PostAsJsonAsync("/api/recipients", Input(Unique("Cloud Inc"), "US"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("EU/EEA", problem.GetProperty("errors").GetProperty("safeguard")[0].GetString(), StringComparison.Ordinal);

        // One that came in some other way (configuration, an older version) receives nothing either: 409 with the reason.
        var outside = new Recipient
        {
            Id = Guid.CreateVersion7(),
            Name = Unique("Offshore Collections LLC"),
            CountryCode = "US",
            Kind = RecipientKind.CollectionAgency,
            Role = RecipientRole.Controller,
            LegalBasis = LegalBasis.LegitimateInterest,
            CategoryKeys = Recipient.JoinKeys(Recipients.CollectionAgency.Select(c => c.Id)),
        };
        await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<RegisterDbContext>();
            db.Add(outside);
            return await db.SaveChangesAsync();
        });
        var outcome = await DiscloseAsync(new DisclosureOrder(outside.Id, [subjectId], [Categories.Name.Id, Categories.Address.Id], Purposes.Invoicing));
        Assert.False(outcome.IsOk);
        Assert.Equal("no-transfer-safeguard", outcome.Conflict!.Reason);
        Assert.Equal("recipientId", outcome.Conflict.Field);
        Assert.Empty((await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/recipients/{outside.Id}/disclosures"))
            .GetProperty("items").EnumerateArray());
        Assert.Empty((await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/disclosures")).EnumerateArray());

        // With standard contractual clauses recorded, the same recipient may receive its categories.
        var current = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/recipients/{outside.Id}");
        var changed = await dpo.Client.PutAsJsonAsync($"/api/recipients/{outside.Id}", Input(outside.Name, "US", "StandardContractualClauses",
            "SCC 2021/914, allekirjoitettu 1.3.2025", "CollectionAgency", [.. Recipients.CollectionAgency.Select(c => c.Id)],
            current.GetProperty("version").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var allowed = await DiscloseAsync(new DisclosureOrder(outside.Id, [subjectId], [Categories.Name.Id, Categories.Email.Id], Purposes.Invoicing));
        Assert.True(allowed.IsOk);
        Assert.Equal([Categories.Name.Id], allowed.Value!.CategoryKeys);
        Assert.Equal([Categories.Email.Id], allowed.Value.WithheldCategoryKeys);
    }

    [Fact]
    public async Task TheAccessReportListsTheTwoDisclosuresMadeOfAPerson()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = await ConsumerAsync(dpo.Client);
        var recipients = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/recipients");
        var group = recipients.EnumerateArray().First(r => r.GetProperty("kind").GetString() == "GroupCompany");
        var agency = recipients.EnumerateArray().First(r => r.GetProperty("kind").GetString() == "CollectionAgency");

        var first = await DiscloseAsync(new DisclosureOrder(group.GetProperty("id").GetGuid(), [subjectId],
            [Categories.Name.Id, Categories.Phone.Id], Purposes.CustomerRelationship));
        var second = await DiscloseAsync(new DisclosureOrder(agency.GetProperty("id").GetGuid(), [subjectId],
            [Categories.Name.Id, Categories.Address.Id, Categories.Invoice.Id, Categories.Email.Id], Purposes.Invoicing));
        Assert.True(first.IsOk && second.IsOk);
        Assert.DoesNotContain(Categories.Email.Id, second.Value!.CategoryKeys);

        var report = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/access-report?format=json&lang=fi");
        var disclosed = report.GetProperty("recipients").GetProperty("disclosed").EnumerateArray().ToList();
        Assert.Equal(2, disclosed.Count);
        Assert.Equal(group.GetProperty("name").GetString(), disclosed[0].GetProperty("recipient").GetString());
        Assert.Equal(["Nimi", "Puhelinnumero"], disclosed[0].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(agency.GetProperty("name").GetString(), disclosed[1].GetProperty("recipient").GetString());
        Assert.Equal("Laskutus ja sopimukset", disclosed[1].GetProperty("purpose").GetString());
        Assert.DoesNotContain("Sähköpostiosoite", disclosed[1].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Järjestelmään kirjatut tietojenne luovutukset:", report.GetProperty("recipients").GetProperty("disclosures").GetString());

        // The letter names both, in words.
        var letter = await dpo.Client.GetStringAsync($"/api/subjects/{subjectId}/access-report?format=html&lang=fi");
        Assert.Contains($"{group.GetProperty("name").GetString()}: Nimi, Puhelinnumero (asiakassuhteen hoitaminen)", letter, StringComparison.Ordinal);
        Assert.Contains($"{agency.GetProperty("name").GetString()}: Nimi, Osoite, Laskutustiedot", letter, StringComparison.Ordinal);

        // Art 19: both are among those to be told of a rectification or erasure, with when they received the data.
        var notify = await InScopeAsync(s => CustomerRegister.Requests.Art19Recipients.ListAsync(
            s.GetRequiredService<RegisterDbContext>(), subjectId, "fi", CancellationToken.None));
        Assert.Contains(notify, n => n.Recipient == agency.GetProperty("name").GetString() && n.Reason.StartsWith("Sille on luovutettu", StringComparison.Ordinal));
        Assert.Contains(notify, n => n.Recipient == group.GetProperty("name").GetString());

        // Staff see the same log, and every disclosure was audited per person.
        var log = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/disclosures");
        Assert.Equal(2, log.GetArrayLength());
    }

    private HttpClient WithKey(string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key);
        return client;
    }

    private async Task<HttpClient> KeyAsync(HttpClient admin, Guid? recipientId)
    {
        var created = await admin.PostAsJsonAsync("/api/clients",
            new { name = Unique("Konserni"), permissions = new[] { Permissions.GroupCompanyRead }, recipientId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return WithKey((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!);
    }

    [Fact]
    public async Task AKeyScopedToARecipientReadsOnlyItsCategoriesAndEachReadIsLoggedAsADisclosure()
    {
        var admin = await app.AdminAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = await ConsumerAsync(dpo.Client);

        // A recipient that may receive the name and address only: its key reads no email or phone.
        var created = await admin.PostAsJsonAsync("/api/recipients", Input(Unique("Kuljetus Oy"), "FI"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recipient = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = await KeyAsync(admin, recipient.GetProperty("id").GetGuid());
        var body = await key.GetFromJsonAsync<JsonElement>($"/api/group/subjects/{subjectId}");
        Assert.Equal([Categories.Name.Id, Categories.Address.Id], body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Luovu", body.GetProperty("firstName").GetString());
        Assert.Equal("Pori", body.GetProperty("city").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("phone").ValueKind);
        await key.GetFromJsonAsync<JsonElement>($"/api/group/subjects/{subjectId}");

        var log = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/disclosures")).EnumerateArray().ToList();
        Assert.Equal(2, log.Count);
        Assert.All(log, d =>
        {
            Assert.Equal(recipient.GetProperty("id").GetGuid(), d.GetProperty("recipientId").GetGuid());
            Assert.Equal("client", d.GetProperty("actorKind").GetString());
            Assert.Equal("customer_relationship", d.GetProperty("purpose").GetString());
        });

        // Ended, the recipient receives nothing more: 409 with the reason, nothing logged.
        var ended = await admin.PostAsJsonAsync($"/api/recipients/{recipient.GetProperty("id").GetGuid()}/end",
            new { version = recipient.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var refused = await key.GetAsync($"/api/group/subjects/{subjectId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(2, (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/disclosures")).GetArrayLength());

        // A key without a recipient discloses nothing; an unknown recipient is refused at creation.
        Assert.Equal(HttpStatusCode.Conflict, (await (await KeyAsync(admin, null)).GetAsync($"/api/group/subjects/{subjectId}")).StatusCode);
        var unknown = await admin.PostAsJsonAsync("/api/clients",
            new { name = Unique("Tuntematon"), permissions = new[] { Permissions.GroupCompanyRead }, recipientId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
