using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Search;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>One person findable by every field of the search index, and a signed-in user of every role that may search.</summary>
public sealed class SearchPermissionFixture : RegisterFactory, IAsyncLifetime
{
    /// <summary>Field → a query that finds the person by that field only, and the id of the record found.</summary>
    public Dictionary<string, (string Query, Guid Target)> Samples { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> ReadPermissions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var role in SearchPermissionTests.SearchingRoles)
        {
            Clients[role] = (await CreateUserAsync(role)).Client;
        }

        var dpo = Clients[Roles.DataProtectionOfficer];
        var reception = Clients[Roles.VehicleReception];
        var letters = new string([.. Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26)))]);
        var lastName = "Hakuoikeus" + letters;
        var phone = "040 " + Random.Shared.Next(100, 999) + " " + Random.Shared.Next(1000, 9999);
        var email = $"haku.{letters}@example.fi";
        var consumer = await dpo.CreateConsumerAsync(new { firstName = "Hilkka", lastName, phone, email, source = "Consumer" });
        var consumerId = consumer.GetProperty("id").GetGuid();
        var subjectId = consumer.GetProperty("subjectId").GetGuid();

        BusinessId? businessId = null;
        while (businessId is null)
        {
            BusinessId.TryCreate(Random.Shared.Next(1_000_000, 9_999_999), out businessId);
        }

        var soleTrader = await dpo.CreateOrganisationAsync(new
        {
            name = "Toiminimi " + letters,
            businessId = businessId.Value,
            isSoleTrader = true,
            source = "PublicSources",
        });

        var customerNumber = "HK-" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var relationship = await PostAsync(dpo, "/api/relationships",
            new { subjectId, customerNumber, startDate = "2024-03-01", source = "OwnSystems" });
        var contractNumber = "SP-" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        await PostAsync(dpo, $"/api/relationships/{relationship.GetProperty("id").GetGuid()}/contracts",
            new { contractNumber, title = "Jätehuolto", startDate = "2024-03-01" });
        var registration = "QY" + Random.Shared.Next(100, 999) + "-" + Random.Shared.Next(100, 999);
        await VehicleCertificatesTests.IssueAsync(reception,
            VehicleCertificatesTests.Certificate(consumerId, VehicleCertificatesTests.NewIdentityCode(), registration: registration));

        Samples[SearchIndex.NameField] = (lastName, consumerId);
        Samples[SearchIndex.PhoneField] = (phone, consumerId);
        Samples[SearchIndex.EmailField] = (email, consumerId);
        Samples[SearchIndex.BusinessIdField] = (businessId.Value, soleTrader.GetProperty("id").GetGuid());
        Samples[SearchIndex.CustomerNumberField] = (contractNumber, consumerId);
        Samples[SearchIndex.RegistrationField] = (registration, consumerId);

        using var scope = Services.CreateScope();
        ReadPermissions = SearchIndex.ReadPermissions(scope.ServiceProvider.GetRequiredService<RegisterDbContext>()
            .GetService<IDesignTimeModel>().Model);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

[Trait(Category.Name, Category.Integration)]
public sealed class SearchPermissionTests(SearchPermissionFixture app) : IClassFixture<SearchPermissionFixture>
{
    /// <summary>Every role that may use the search at all.</summary>
    public static IReadOnlyList<string> SearchingRoles { get; } =
        [.. Roles.PermissionsByRole.Where(r => r.Value.Contains(Permissions.CustomerRead)).Select(r => r.Key)];

    /// <summary>Every field of the search index as every role: a new field or role is covered without editing the test.</summary>
    public static TheoryData<string, string> RolesAndFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in SearchingRoles)
        {
            foreach (var field in SearchIndex.Sources.Keys)
            {
                data.Add(role, field);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndFields))]
    public async Task AFieldFindsThePersonOnlyForRolesThatMayReadItsCategory(string role, string field)
    {
        Assert.True(app.Samples.TryGetValue(field, out var sample), $"Give the search field {field} a sample in {nameof(SearchPermissionFixture)}.");
        var mayRead = app.ReadPermissions[field].All(p => Roles.PermissionsByRole[role].Contains(p));

        var hits = (await app.Clients[role].GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(sample.Query)}"))
            .EnumerateArray().ToList();

        var matched = hits.Where(h => h.GetProperty("matchedFields").EnumerateArray().Any(f => f.GetString() == field)).ToList();
        // A number field's hit names the number as recorded; a caller who may not search by it sees it nowhere.
        var named = hits.SelectMany(h => h.GetProperty("codes").EnumerateArray()).Select(c => c.GetProperty("value").GetString()).ToList();
        if (mayRead)
        {
            Assert.Contains(matched, h => h.GetProperty("id").GetGuid() == sample.Target);
            if (SearchIndex.CodeFields.Contains(field))
            {
                Assert.Contains(sample.Query, named);
            }
        }
        else
        {
            Assert.Empty(matched);
            Assert.DoesNotContain(hits, h => h.GetProperty("id").GetGuid() == sample.Target);
            Assert.DoesNotContain(sample.Query, named);
        }
    }

    [Fact]
    public void TheRegistrationNumberIsSearchableOnlyWithVehicleRead()
    {
        Assert.Equal([Permissions.VehicleRead], app.ReadPermissions[SearchIndex.RegistrationField]);
        Assert.Contains(SearchingRoles, r => !Roles.PermissionsByRole[r].Contains(Permissions.VehicleRead));
    }
}
