using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>A register of its own with a few people in it, so that counts of hits are exact.</summary>
public sealed class SearchFixture : RegisterFactory, IAsyncLifetime
{
    public HttpClient Client { get; private set; } = null!;

    public Guid MakiId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public async Task InitializeAsync()
    {
        Client = (await CreateUserAsync(Roles.CustomerService)).Client;
        MakiId = (await Client.CreateConsumerAsync(new
        {
            firstName = "Matti",
            lastName = "Mäki-Petäjä",
            phone = "040 123 4567",
            email = "matti.maki@example.fi",
            source = "Consumer",
        })).GetProperty("id").GetGuid();
        await Client.CreateConsumerAsync(new { firstName = "Maija", lastName = "Mäkelä", phone = "050 999 8888", source = "Consumer" });
        await Client.CreateConsumerAsync(new { firstName = "Erkki", lastName = "Virtanen", source = "Consumer" });
        OrganisationId = (await Client.CreateOrganisationAsync(new
        {
            name = "Mäkiranta Metalli Oy",
            businessId = "0245974-7",
            source = "PublicSources",
        })).GetProperty("id").GetGuid();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

[Trait(Category.Name, Category.Integration)]
public sealed class SearchTests(SearchFixture app) : IClassFixture<SearchFixture>
{
    private readonly HttpClient _client = app.Client;
    private readonly Guid _makiId = app.MakiId;
    private readonly Guid _organisationId = app.OrganisationId;

    [Theory]
    [InlineData("maki", 2)]
    [InlineData("mak", 3)]
    [InlineData("MÄKI", 2)]
    [InlineData("mäki-petäjä", 1)]
    [InlineData("petaja", 1)]
    [InlineData("matti mak", 1)]
    [InlineData("ma", 3)]
    [InlineData("virt", 1)]
    [InlineData("makiranta", 1)]
    [InlineData("nobody", 0)]
    public async Task NamesAreFoundByPrefixIgnoringCaseAndAccents(string query, int expected)
    {
        var hits = await SearchAsync(query);

        Assert.Equal(expected, hits.Count);
    }

    [Theory]
    [InlineData("040 123 4567")]
    [InlineData("0401234567")]
    [InlineData("+358 40 123 4567")]
    [InlineData("00358401234567")]
    [InlineData("040-123")]
    public async Task APhoneNumberInAnyCommonFormatFindsThePerson(string query)
    {
        var hit = Assert.Single(await SearchAsync(query));

        Assert.Equal(_makiId, hit.GetProperty("id").GetGuid());
        Assert.Contains("phone", hit.GetProperty("matchedFields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task EmailAndBusinessIdFindTheirOwners()
    {
        Assert.Equal(_makiId, Assert.Single(await SearchAsync("Matti.Maki@")).GetProperty("id").GetGuid());
        var organisation = Assert.Single(await SearchAsync("0245974-7"));
        Assert.Equal(_organisationId, organisation.GetProperty("id").GetGuid());
        Assert.Equal("Organisation", organisation.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task AChangedNameIsFoundByTheNewNameOnly()
    {
        var id = (await _client.CreateConsumerAsync(new { firstName = "Kalle", lastName = "Vanhanimi", source = "Consumer" }))
            .GetProperty("id").GetGuid();
        Assert.Single(await SearchAsync("vanhanimi"));

        await _client.PutAsJsonAsync($"/api/consumers/{id}", new { firstName = "Kalle", lastName = "Uusinimi", version = 1 });

        Assert.Empty(await SearchAsync("vanhanimi"));
        Assert.Single(await SearchAsync("uusinimi"));
    }

    [Fact]
    public async Task TheSearchIsAuditedWithoutTheQuery()
    {
        await SearchAsync("virtanen");
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/audit?limit=500");

        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "search");
        Assert.DoesNotContain("virtanen", trail.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("virtanen", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    public async Task ATooShortQueryAnswers400(string query)
    {
        var response = await _client.GetAsync($"/api/search?q={query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(response)).TryGetProperty("q", out _));
    }

    private async Task<List<JsonElement>> SearchAsync(string query) =>
        [.. (await _client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}")).EnumerateArray()];
}
