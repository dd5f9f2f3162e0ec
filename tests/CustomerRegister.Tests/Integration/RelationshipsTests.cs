using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class RelationshipsTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static string NewNumber(string prefix = "") => prefix + Random.Shared.NextInt64(10_000_000, 99_999_999);

    private static async Task<(Guid ConsumerId, Guid SubjectId)> ConsumerAsync(HttpClient client, string last = "Korhonen")
    {
        var consumer = await client.CreateConsumerAsync(new { firstName = "Ilkka", lastName = last, source = "Consumer" });
        return (consumer.GetProperty("id").GetGuid(), consumer.GetProperty("subjectId").GetGuid());
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<JsonElement> RelationshipAsync(HttpClient client, Guid? subjectId, string number, Guid? organisationId = null) =>
        CreateAsync(client, "/api/relationships", new
        {
            subjectId,
            organisationId,
            customerNumber = number,
            startDate = "2024-03-01",
            source = "OwnSystems",
        });

    [Fact]
    public async Task AConsumerRelationshipIsStoredWithItsNumberNormalisedAndReadBack()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var (_, subjectId) = await ConsumerAsync(service.Client);
        var digits = NewNumber();

        var created = await RelationshipAsync(service.Client, subjectId, "as " + digits);

        Assert.Equal("AS-" + digits, created.GetProperty("customerNumber").GetString());
        Assert.Equal("Active", created.GetProperty("status").GetString());
        Assert.Equal("2024-03-01", created.GetProperty("startDate").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("endDate").ValueKind);
        Assert.Equal(subjectId, created.GetProperty("subjectId").GetGuid());
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        var read = await service.Client.GetFromJsonAsync<JsonElement>($"/api/relationships/{created.GetProperty("id").GetGuid()}");
        Assert.Equal("AS-" + digits, read.GetProperty("customerNumber").GetString());
        var list = await service.Client.GetFromJsonAsync<JsonElement>($"/api/relationships?subjectId={subjectId}");
        Assert.Single(list.EnumerateArray());
    }

    [Fact]
    public async Task ADuplicateCustomerNumberAnswers409NamingTheField()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var (_, first) = await ConsumerAsync(service.Client);
        var (_, second) = await ConsumerAsync(service.Client);
        var number = NewNumber();
        await RelationshipAsync(service.Client, first, number);

        var duplicate = await service.Client.PostAsJsonAsync("/api/relationships",
            new { subjectId = second, customerNumber = number, startDate = "2024-01-01", source = "OwnSystems" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(duplicate)).TryGetProperty("customerNumber", out _));
        var list = await service.Client.GetFromJsonAsync<JsonElement>($"/api/relationships?subjectId={second}");
        Assert.Empty(list.EnumerateArray());
    }

    [Fact]
    public async Task InvalidInputIsRefusedNamingEachField()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var (_, subjectId) = await ConsumerAsync(service.Client);

        var response = await service.Client.PostAsJsonAsync("/api/relationships", new
        {
            subjectId,
            customerNumber = "ABC/1",
            startDate = "2024-03-01",
            endDate = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[] { "customerNumber", "endDate", "source" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named: {errors}");
        }

        var both = await service.Client.PostAsJsonAsync("/api/relationships", new
        {
            subjectId,
            organisationId = Guid.NewGuid(),
            customerNumber = "123456789012345678901",
            source = "OwnSystems",
        });
        var bothErrors = await RegisterData.ErrorsOf(both);
        Assert.True(bothErrors.TryGetProperty("subjectId", out _));
        Assert.True(bothErrors.TryGetProperty("customerNumber", out _));
        Assert.True(bothErrors.TryGetProperty("startDate", out _));

        var unknownSubject = await service.Client.PostAsJsonAsync("/api/relationships",
            new { subjectId = Guid.NewGuid(), customerNumber = NewNumber(), startDate = "2024-01-01", source = "OwnSystems" });
        Assert.True((await RegisterData.ErrorsOf(unknownSubject)).TryGetProperty("subjectId", out _));

        var badStatus = await service.Client.PostAsync("/api/relationships", new StringContent(
            $$"""{"subjectId":"{{subjectId}}","customerNumber":"{{NewNumber()}}","startDate":"2024-01-01","status":"Paused","source":"OwnSystems"}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(badStatus)).TryGetProperty("status", out _));
    }

    [Fact]
    public async Task AStaleWriteAnswers409AndOverwritesNothing()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var (_, subjectId) = await ConsumerAsync(service.Client);
        var id = (await RelationshipAsync(service.Client, subjectId, NewNumber())).GetProperty("id").GetGuid();
        var kept = NewNumber();

        var first = await service.Client.PutAsJsonAsync($"/api/relationships/{id}",
            new { customerNumber = kept, startDate = "2024-02-01", status = "Suspended", version = 1 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var stale = await service.Client.PutAsJsonAsync($"/api/relationships/{id}",
            new { customerNumber = NewNumber(), startDate = "2020-01-01", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleEnd = await service.Client.PostAsJsonAsync($"/api/relationships/{id}/end", new { version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, staleEnd.StatusCode);

        var now = await service.Client.GetFromJsonAsync<JsonElement>($"/api/relationships/{id}");
        Assert.Equal(kept, now.GetProperty("customerNumber").GetString());
        Assert.Equal("2024-02-01", now.GetProperty("startDate").GetString());
        Assert.Equal("Suspended", now.GetProperty("status").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task EndingARelationshipRecordsItsEndDateAndClosesContractsAndServices()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var (_, subjectId) = await ConsumerAsync(service.Client);
        var id = (await RelationshipAsync(service.Client, subjectId, NewNumber())).GetProperty("id").GetGuid();
        var contract = await CreateAsync(service.Client, $"/api/relationships/{id}/contracts",
            new { contractNumber = NewNumber("S"), title = "Metalliromun nouto", startDate = "2024-03-01" });
        var ordered = await CreateAsync(service.Client, $"/api/relationships/{id}/services",
            new { serviceName = "Romunouto", orderedDate = "2024-03-02", contractId = contract.GetProperty("id").GetGuid() });

        var ended = await service.Client.PostAsJsonAsync($"/api/relationships/{id}/end", new { endDate = "2025-06-30", version = 1 });

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var body = await ended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ended", body.GetProperty("status").GetString());
        Assert.Equal("2025-06-30", body.GetProperty("endDate").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt64());
        var storedEnd = await app.Database.ScalarAsync($"SELECT end_date FROM customer_relationships WHERE customer_number = '{body.GetProperty("customerNumber").GetString()}'");
        Assert.Equal("2025-06-30", storedEnd switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
        });

        var contractNow = await service.Client.GetFromJsonAsync<JsonElement>($"/api/contracts/{contract.GetProperty("id").GetGuid()}");
        Assert.Equal("Ended", contractNow.GetProperty("status").GetString());
        Assert.Equal("2025-06-30", contractNow.GetProperty("endDate").GetString());
        var serviceNow = await service.Client.GetFromJsonAsync<JsonElement>($"/api/services/{ordered.GetProperty("id").GetGuid()}");
        Assert.Equal("Cancelled", serviceNow.GetProperty("status").GetString());
        var cancel = Assert.Single(serviceNow.GetProperty("events").EnumerateArray());
        Assert.Equal("Cancelled", cancel.GetProperty("kind").GetString());
        Assert.Equal("2025-06-30", cancel.GetProperty("date").GetString());

        var again = await service.Client.PostAsJsonAsync($"/api/relationships/{id}/end", new { version = 2 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var future = await service.Client.PutAsJsonAsync($"/api/relationships/{id}",
            new { customerNumber = body.GetProperty("customerNumber").GetString(), startDate = "2024-03-01", endDate = "2999-01-01", version = 2 });
        Assert.True((await RegisterData.ErrorsOf(future)).TryGetProperty("endDate", out _));
        var endedWithoutDate = await service.Client.PutAsJsonAsync($"/api/relationships/{id}",
            new { customerNumber = body.GetProperty("customerNumber").GetString(), startDate = "2024-03-01", status = "Ended", version = 2 });
        Assert.True((await RegisterData.ErrorsOf(endedWithoutDate)).TryGetProperty("endDate", out _));
    }

    [Fact]
    public async Task CustomerAndContractNumbersFindTheCustomerAndSurviveAnUpdateOfTheCustomer()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var (consumerId, subjectId) = await ConsumerAsync(service.Client, "Hakunen");
        var number = NewNumber("K");
        var id = (await RelationshipAsync(service.Client, subjectId, number)).GetProperty("id").GetGuid();
        var contractNumber = NewNumber("SOP-");
        await CreateAsync(service.Client, $"/api/relationships/{id}/contracts",
            new { contractNumber, title = "Jätehuolto", startDate = "2024-03-01" });

        await service.Client.PutAsJsonAsync($"/api/consumers/{consumerId}", new { firstName = "Ilkka", lastName = "Hakula", version = 1 });

        foreach (var query in new[] { number, number.ToLowerInvariant(), contractNumber, contractNumber.Replace("-", " ", StringComparison.Ordinal) })
        {
            var hits = await service.Client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}");
            var hit = Assert.Single(hits.EnumerateArray());
            Assert.Equal(consumerId, hit.GetProperty("id").GetGuid());
            Assert.Contains("customer_number", hit.GetProperty("matchedFields").EnumerateArray().Select(f => f.GetString()));
        }

        var renumbered = NewNumber("K");
        var put = await service.Client.PutAsJsonAsync($"/api/relationships/{id}", new { customerNumber = renumbered, startDate = "2024-03-01", version = 1 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Empty((await service.Client.GetFromJsonAsync<JsonElement>($"/api/search?q={number}")).EnumerateArray());
        Assert.Single((await service.Client.GetFromJsonAsync<JsonElement>($"/api/search?q={renumbered}")).EnumerateArray());
    }

    [Fact]
    public async Task AnOrganisationsRelationshipIsNotPersonalUnlessItIsASoleTrader()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var company = (await service.Client.CreateOrganisationAsync(new { name = "Kierrätys Oy", source = "PublicSources" })).GetProperty("id").GetGuid();
        var trader = await service.Client.CreateOrganisationAsync(new { name = "Toiminimi Laine", isSoleTrader = true, source = "CustomerOrganisation" });

        var companyRelationship = await RelationshipAsync(service.Client, null, NewNumber(), company);
        var traderRelationship = await RelationshipAsync(service.Client, null, NewNumber(), trader.GetProperty("id").GetGuid());

        Assert.Equal(JsonValueKind.Null, companyRelationship.GetProperty("subjectId").ValueKind);
        Assert.Equal(trader.GetProperty("subjectId").GetGuid(), traderRelationship.GetProperty("subjectId").GetGuid());
        var hits = await service.Client.GetFromJsonAsync<JsonElement>($"/api/search?q={companyRelationship.GetProperty("customerNumber").GetString()}");
        Assert.Equal(company, Assert.Single(hits.EnumerateArray()).GetProperty("id").GetGuid());
        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{trader.GetProperty("subjectId").GetGuid()}");
        Assert.Single(picture.GetProperty("sections").GetProperty("relationships").EnumerateArray());
    }

    [Fact]
    public async Task ADuplicateContractNumberAnswers409AndAStaleContractWriteIsRefused()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var (_, subjectId) = await ConsumerAsync(service.Client);
        var id = (await RelationshipAsync(service.Client, subjectId, NewNumber())).GetProperty("id").GetGuid();
        var number = NewNumber("C");
        var contract = await CreateAsync(service.Client, $"/api/relationships/{id}/contracts", new { contractNumber = number, title = "Jäte", startDate = "2024-03-01" });

        var duplicate = await service.Client.PostAsJsonAsync($"/api/relationships/{id}/contracts", new { contractNumber = number, title = "Toinen", startDate = "2024-03-01" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(duplicate)).TryGetProperty("contractNumber", out _));

        var contractId = contract.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await service.Client.PutAsJsonAsync($"/api/contracts/{contractId}",
            new { contractNumber = number, title = "Jätehuolto", startDate = "2024-03-01", endDate = "2026-12-31", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.Client.PutAsJsonAsync($"/api/contracts/{contractId}",
            new { contractNumber = number, title = "Ylikirjoitus", startDate = "2024-03-01", version = 1 })).StatusCode);
        var now = await service.Client.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}");
        Assert.Equal("Jätehuolto", now.GetProperty("title").GetString());
        Assert.Equal("2026-12-31", now.GetProperty("endDate").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.PostAsJsonAsync($"/api/relationships/{Guid.NewGuid()}/contracts",
            new { contractNumber = NewNumber(), title = "X", startDate = "2024-03-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/contracts/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ServicesAreSuspendedResumedAndCancelledThroughEventsThatKeepTheHistory()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var organisation = (await service.Client.CreateOrganisationAsync(new { name = "Rakennus Oy", source = "PublicSources" })).GetProperty("id").GetGuid();
        var contact = await CreateAsync(service.Client, $"/api/organisations/{organisation}/contacts",
            new { firstName = "Sari", lastName = "Niemi", source = "CustomerOrganisation" });
        var id = (await RelationshipAsync(service.Client, null, NewNumber(), organisation)).GetProperty("id").GetGuid();
        var ordered = await CreateAsync(service.Client, $"/api/relationships/{id}/services", new { serviceName = "Lavapalvelu", orderedDate = "2024-04-01" });
        var serviceId = ordered.GetProperty("id").GetGuid();

        var suspended = await CreateAsync(service.Client, $"/api/services/{serviceId}/events", new
        {
            kind = "Suspended",
            date = "2024-06-01",
            reason = "Kesätauko",
            reportedBy = "ContactPerson",
            contactPersonId = contact.GetProperty("id").GetGuid(),
            version = 1,
        });
        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());

        var invalid = await service.Client.PostAsJsonAsync($"/api/services/{serviceId}/events", new { kind = "Suspended", reportedBy = "Customer", version = 2 });
        Assert.Equal(HttpStatusCode.Conflict, invalid.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(invalid)).TryGetProperty("kind", out _));
        var stale = await service.Client.PostAsJsonAsync($"/api/services/{serviceId}/events", new { kind = "Resumed", reportedBy = "Customer", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var missingContact = await service.Client.PostAsJsonAsync($"/api/services/{serviceId}/events", new { kind = "Resumed", reportedBy = "ContactPerson", version = 2 });
        Assert.True((await RegisterData.ErrorsOf(missingContact)).TryGetProperty("contactPersonId", out _));

        await CreateAsync(service.Client, $"/api/services/{serviceId}/events", new { kind = "Resumed", date = "2024-08-01", reportedBy = "Customer", version = 2 });
        var cancelled = await CreateAsync(service.Client, $"/api/services/{serviceId}/events",
            new { kind = "Cancelled", date = "2024-12-31", reason = "Toiminta päättyy", reportedBy = "Staff", version = 3 });

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(["Suspended", "Resumed", "Cancelled"], cancelled.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(service.Id, cancelled.GetProperty("events")[2].GetProperty("recordedByUserId").GetGuid());
        var listed = await service.Client.GetFromJsonAsync<JsonElement>($"/api/relationships/{id}/services");
        Assert.Equal(3, Assert.Single(listed.EnumerateArray()).GetProperty("events").GetArrayLength());
        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{contact.GetProperty("subjectId").GetGuid()}");
        Assert.False(picture.GetProperty("sections").TryGetProperty("relationships", out _));
    }

    [Fact]
    public async Task MarketingMayReadButNotWriteAndTheAuditorMayDoNeither()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var auditor = await app.CreateUserAsync(Roles.Auditor);
        var (_, subjectId) = await ConsumerAsync(service.Client);
        var id = (await RelationshipAsync(service.Client, subjectId, NewNumber())).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await marketing.Client.GetAsync($"/api/relationships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.PostAsJsonAsync("/api/relationships",
            new { subjectId, customerNumber = NewNumber(), startDate = "2024-01-01", source = "OwnSystems" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.PostAsJsonAsync($"/api/relationships/{id}/end", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.PostAsJsonAsync($"/api/relationships/{id}/services", new { serviceName = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Client.GetAsync($"/api/relationships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/relationships/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.PutAsJsonAsync($"/api/relationships/{Guid.NewGuid()}",
            new { customerNumber = NewNumber(), startDate = "2024-01-01", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/services/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ChangesAreAuditedWithFieldNamesButNoValuesAndThePictureShowsTheRelationship()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var (_, subjectId) = await ConsumerAsync(service.Client);
        var number = NewNumber("AUD");
        var id = (await RelationshipAsync(service.Client, subjectId, number)).GetProperty("id").GetGuid();
        await service.Client.PutAsJsonAsync($"/api/relationships/{id}", new { customerNumber = number, startDate = "2024-05-01", version = 1 });
        await CreateAsync(service.Client, $"/api/relationships/{id}/services", new { serviceName = "Salainen palvelu", orderedDate = "2024-05-02" });

        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        var relationship = Assert.Single(picture.GetProperty("sections").GetProperty("relationships").EnumerateArray());
        Assert.Equal(number, relationship.GetProperty("relationship").GetProperty("customerNumber").GetString());
        Assert.Equal("Salainen palvelu", Assert.Single(relationship.GetProperty("services").EnumerateArray()).GetProperty("serviceName").GetString());

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={subjectId}&limit=500");
        var items = trail.GetProperty("items").EnumerateArray().ToList();
        var update = items.Single(e => e.GetProperty("action").GetString() == "relationship.update");
        Assert.Equal(["start_date"], update.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains(items, e => e.GetProperty("action").GetString() == "relationship.create");
        Assert.Contains(items, e => e.GetProperty("action").GetString() == "service.create");
        var read = items.Single(e => e.GetProperty("action").GetString() == "subject.read");
        Assert.Contains("customer.relationship", read.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain(number, trail.GetRawText());
        Assert.DoesNotContain("Salainen", trail.GetRawText());
    }
}
