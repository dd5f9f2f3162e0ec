using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// Restricted people (Art 18) in every list: a consumer with a relationship, a contract and an invoice, a sole trader,
/// and a contact person beside a free one, all restricted by the DPO through restriction requests.
/// </summary>
public sealed class RestrictedListsFixture : RequestsFactory, IAsyncLifetime
{
    public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

    public Guid ConsumerId { get; private set; }

    public Guid ConsumerSubjectId { get; private set; }

    public Guid RelationshipId { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid SoleTraderId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid RestrictedContactId { get; private set; }

    public Guid FreeContactId { get; private set; }

    public async Task InitializeAsync()
    {
        foreach (var role in new[] { Roles.DataProtectionOfficer, Roles.CustomerService, Roles.Billing })
        {
            Clients[role] = (await CreateUserAsync(role)).Client;
        }

        var clerk = (await CreateUserAsync(Roles.Billing, Roles.CustomerService)).Client;
        var dpo = Clients[Roles.DataProtectionOfficer];

        var consumer = await clerk.CreateConsumerAsync(new
        {
            firstName = "Rauni",
            lastName = "Rajattu",
            street = "Kiistakuja 3",
            postalCode = "00100",
            city = "Helsinki",
            source = "Consumer",
        });
        ConsumerId = consumer.GetProperty("id").GetGuid();
        ConsumerSubjectId = consumer.GetProperty("subjectId").GetGuid();
        RelationshipId = (await PostAsync(clerk, "/api/relationships", new
        {
            subjectId = ConsumerSubjectId,
            customerNumber = "RJ-" + Random.Shared.NextInt64(10_000_000, 99_999_999),
            startDate = "2024-03-01",
            source = "OwnSystems",
        })).Id();
        ContractId = (await PostAsync(clerk, $"/api/relationships/{RelationshipId}/contracts", new
        {
            contractNumber = "RS-" + Random.Shared.NextInt64(10_000_000, 99_999_999),
            title = "Jätehuolto",
            startDate = "2024-03-01",
        })).Id();
        InvoiceId = (await PostAsync(clerk, "/api/invoices", new
        {
            consumerId = ConsumerId,
            invoiceNumber = "INV-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            issueDate = "2025-03-10",
            dueDate = "2025-03-24",
            amount = 120.50m,
            source = "OwnSystems",
        })).Id();

        BusinessId? businessId = null;
        while (businessId is null)
        {
            BusinessId.TryCreate(Random.Shared.Next(1_000_000, 9_999_999), out businessId);
        }

        var soleTrader = await clerk.CreateOrganisationAsync(new
        {
            name = "Rajattu Romu Tmi",
            businessId = businessId.Value,
            isSoleTrader = true,
            source = "PublicSources",
        });
        SoleTraderId = soleTrader.Id();

        OrganisationId = (await clerk.CreateOrganisationAsync(new { name = "Avoin Metalli Oy", source = "PublicSources" })).Id();
        var restrictedContact = await PostAsync(clerk, $"/api/organisations/{OrganisationId}/contacts",
            new { firstName = "Reijo", lastName = "Rajattu", source = "CustomerOrganisation" });
        RestrictedContactId = restrictedContact.Id();
        FreeContactId = (await PostAsync(clerk, $"/api/organisations/{OrganisationId}/contacts",
            new { firstName = "Vapaa", lastName = "Vieno", source = "CustomerOrganisation" })).Id();

        foreach (var subjectId in new[]
                 {
                     ConsumerSubjectId, soleTrader.GetProperty("subjectId").GetGuid(), restrictedContact.GetProperty("subjectId").GetGuid(),
                 })
        {
            var request = (await dpo.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: subjectId))).Id();
            await dpo.StepAsync(request, "start");
            Assert.Equal("Completed", (await dpo.StepAsync(request, "restrict", new { ground = "AccuracyContested" })).State());
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

[Trait(Category.Name, Category.Integration)]
public sealed class RestrictedListsTests(RestrictedListsFixture app) : IClassFixture<RestrictedListsFixture>
{
    private HttpClient Dpo => app.Clients[Roles.DataProtectionOfficer];

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string path)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(path);
        var items = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items");
        return [.. items.EnumerateArray().Select(e => e.Id())];
    }

    /// <summary>Every page of a keyset-paged list.</summary>
    private static async Task<List<Guid>> AllPagesAsync(HttpClient client, string path)
    {
        var ids = new List<Guid>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}?limit=200{(after is null ? "" : "&after=" + after)}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.Id()));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetString();
        }
        while (after is not null);
        return ids;
    }

    [Theory]
    [InlineData(Roles.CustomerService)]
    [InlineData(Roles.Billing)]
    public async Task ARestrictedSoleTraderIsOutOfTheOrganisationListAndNotFoundForAllButTheDpo(string role)
    {
        var client = app.Clients[role];

        Assert.DoesNotContain(app.SoleTraderId, await AllPagesAsync(client, "/api/organisations"));
        Assert.Contains(app.OrganisationId, await AllPagesAsync(client, "/api/organisations"));
        Assert.Contains(app.SoleTraderId, await AllPagesAsync(Dpo, "/api/organisations"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/organisations/{app.SoleTraderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/organisations/{app.SoleTraderId}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Dpo.GetAsync($"/api/organisations/{app.SoleTraderId}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.CustomerService)]
    [InlineData(Roles.Billing)]
    public async Task ARestrictedContactPersonIsOutOfTheOrganisationsContactsForAllButTheDpo(string role)
    {
        var client = app.Clients[role];
        var path = $"/api/organisations/{app.OrganisationId}/contacts";

        Assert.Equal([app.FreeContactId], await IdsAsync(client, path));
        Assert.Equal(new[] { app.FreeContactId, app.RestrictedContactId }.Order(), (await IdsAsync(Dpo, path)).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/contacts/{app.RestrictedContactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/contacts/{app.FreeContactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Dpo.GetAsync($"/api/contacts/{app.RestrictedContactId}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.CustomerService)]
    [InlineData(Roles.Billing)]
    public async Task ARestrictedConsumerIsOutOfTheConsumerListAndNotFoundForAllButTheDpo(string role)
    {
        var client = app.Clients[role];

        Assert.DoesNotContain(app.ConsumerId, await AllPagesAsync(client, "/api/consumers"));
        Assert.Contains(app.ConsumerId, await AllPagesAsync(Dpo, "/api/consumers"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/consumers/{app.ConsumerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Dpo.GetAsync($"/api/consumers/{app.ConsumerId}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.CustomerService)]
    [InlineData(Roles.Billing)]
    public async Task ARestrictedPersonsRelationshipsAndContractsAreOutOfListsForAllButTheDpo(string role)
    {
        var client = app.Clients[role];
        var path = $"/api/relationships?subjectId={app.ConsumerSubjectId}";

        Assert.Empty(await IdsAsync(client, path));
        Assert.Equal([app.RelationshipId], await IdsAsync(Dpo, path));
        foreach (var single in new[]
                 {
                     $"/api/relationships/{app.RelationshipId}", $"/api/relationships/{app.RelationshipId}/contracts",
                     $"/api/relationships/{app.RelationshipId}/services", $"/api/contracts/{app.ContractId}",
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(single)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Dpo.GetAsync(single)).StatusCode);
        }
    }

    [Fact]
    public async Task ARestrictedPersonsOwnListsAnswer404ForAllButTheDpoWhileThePictureShowsTheLimit()
    {
        var service = app.Clients[Roles.CustomerService];
        foreach (var list in new[] { "contact-history", "feedback", "additional-info", "marketing-consents", "survey-responses", "event-invitations", "web-events", "retention" })
        {
            var path = $"/api/subjects/{app.ConsumerSubjectId}/{list}";
            Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Dpo.GetAsync(path)).StatusCode);
        }

        var picture = await service.GetFromJsonAsync<JsonElement>($"/api/subjects/{app.ConsumerSubjectId}");
        Assert.Equal("Restriction", picture.GetProperty("sections").GetProperty("processingLimits")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ARestrictedPersonsInvoicesAreOutOfTheInvoiceListForAllButTheDpo()
    {
        var billing = app.Clients[Roles.Billing];
        var path = $"/api/invoices?consumerId={app.ConsumerId}";

        Assert.Empty(await IdsAsync(billing, path));
        Assert.Empty(await IdsAsync(app.Clients[Roles.CustomerService], path));
        Assert.Equal([app.InvoiceId], await IdsAsync(Dpo, path));
        Assert.Equal(HttpStatusCode.NotFound, (await billing.GetAsync($"/api/invoices/{app.InvoiceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Dpo.GetAsync($"/api/invoices/{app.InvoiceId}")).StatusCode);
    }

    [Fact]
    public async Task AClosedRequestsRequesterDetailsAreReadOnlyWithRequestHandle()
    {
        var service = app.Clients[Roles.CustomerService];
        var email = $"pyytaja.{Guid.NewGuid():N}@example.fi";
        var open = (await Dpo.CreateRequestAsync(RequestData.Intake(email: email, name: "Pirkko Pyytäjä"))).Id();
        var openRead = await service.GetFromJsonAsync<JsonElement>($"/api/requests/{open}");
        Assert.Equal("Pirkko Pyytäjä", openRead.GetProperty("requesterName").GetString());

        var closed = (await Dpo.CreateRequestAsync(RequestData.Intake(email: email, name: "Pirkko Pyytäjä"))).Id();
        await Dpo.StepAsync(closed, "withdraw", new { note = "Pirkko soitti ja perui." });

        var asService = await service.GetFromJsonAsync<JsonElement>($"/api/requests/{closed}");
        var asDpo = await Dpo.GetFromJsonAsync<JsonElement>($"/api/requests/{closed}");

        Assert.Equal("Withdrawn", asService.State());
        foreach (var field in new[] { "requesterName", "requesterEmail", "requesterPhone", "requesterAddress", "text", "responseLetter", "resolution" })
        {
            Assert.Equal(JsonValueKind.Null, asService.GetProperty(field).ValueKind);
        }

        Assert.DoesNotContain("Pirkko", asService.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(email, asService.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Pirkko Pyytäjä", asDpo.GetProperty("requesterName").GetString());
        Assert.Equal(email, asDpo.GetProperty("requesterEmail").GetString());
        Assert.Contains("Pirkko soitti", asDpo.GetRawText(), StringComparison.Ordinal);
    }
}
