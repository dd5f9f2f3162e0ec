using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class OrganisationsTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task ADuplicateBusinessIdAnswers409NamingTheField()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        await service.Client.CreateOrganisationAsync(new { name = "Kierrätys Oy", businessId = "0245974-7", source = "PublicSources" });

        var again = await service.Client.PostAsJsonAsync("/api/organisations", new { name = "Toinen Oy", businessId = "0245974-7", source = "PublicSources" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(again)).TryGetProperty("businessId", out _));
    }

    [Fact]
    public async Task AnInvalidBusinessIdNamesTheReason()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);

        var response = await service.Client.PostAsJsonAsync("/api/organisations", new { name = "Virhe Oy", businessId = "0245974-8", source = "PublicSources" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await RegisterData.ErrorsOf(response)).GetProperty("businessId")[0].GetString();
        Assert.Contains("check", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ContactPersonsAreSubjectsWithTheirOwnPicture()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var organisation = await service.Client.CreateOrganisationAsync(new
        {
            name = "Metallipaja Oy",
            businessId = "1572860-0",
            street = "Teollisuustie 3",
            postalCode = "40320",
            city = "Jyväskylä",
            source = "CustomerOrganisation",
        });
        Assert.Equal(JsonValueKind.Null, organisation.GetProperty("subjectId").ValueKind);
        var orgId = organisation.GetProperty("id").GetGuid();

        var created = await service.Client.PostAsJsonAsync($"/api/organisations/{orgId}/contacts", new
        {
            firstName = "Pekka",
            lastName = "Järvinen",
            title = "Hankintapäällikkö",
            position = "Johto",
            phone = "+358 50 765 4321",
            email = "Pekka.Jarvinen@Metallipaja.FI",
            source = "CustomerOrganisation",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contact = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("+358507654321", contact.GetProperty("phone").GetString());
        Assert.Equal("Pekka.Jarvinen@metallipaja.fi", contact.GetProperty("email").GetString());

        var contacts = await service.Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{orgId}/contacts");
        Assert.Single(contacts.EnumerateArray());

        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{contact.GetProperty("subjectId").GetGuid()}");
        Assert.Equal("ContactPerson", picture.GetProperty("kind").GetString());
        var role = Assert.Single(picture.GetProperty("contactRoles").EnumerateArray());
        Assert.Equal("Metallipaja Oy", role.GetProperty("organisationName").GetString());
        Assert.Equal(JsonValueKind.Null, picture.GetProperty("consumer").ValueKind);
    }

    [Fact]
    public async Task ASoleTraderIsADataSubject()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);

        var organisation = await service.Client.CreateOrganisationAsync(new
        {
            name = "Toiminimi Matti Mäkelä",
            businessId = "0112038-9",
            isSoleTrader = true,
            source = "Consumer",
        });

        var subjectId = organisation.GetProperty("subjectId").GetGuid();
        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        Assert.Equal("SoleTrader", picture.GetProperty("kind").GetString());
        Assert.Equal("0112038-9", picture.GetProperty("soleTraderBusiness").GetProperty("businessId").GetString());
    }

    [Fact]
    public async Task AStaleOrganisationWriteAnswers409()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var organisation = await service.Client.CreateOrganisationAsync(new { name = "Versio Oy", source = "PartnerNetwork" });
        var id = organisation.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await service.Client.PutAsJsonAsync($"/api/organisations/{id}", new { name = "Versio Ab", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.Client.PutAsJsonAsync($"/api/organisations/{id}", new { name = "Versio AS", version = 1 })).StatusCode);
        Assert.Equal("Versio Ab", (await service.Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task AContactForAnUnknownOrganisationAnswers404()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);

        var response = await service.Client.PostAsJsonAsync($"/api/organisations/{Guid.NewGuid()}/contacts",
            new { firstName = "A", lastName = "B", source = "CustomerOrganisation" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheOrganisationListPagesWithAKeyset()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        for (var i = 0; i < 3; i++)
        {
            await service.Client.CreateOrganisationAsync(new { name = "Lista Oy " + i, source = "PublicSources" });
        }

        var first = await service.Client.GetFromJsonAsync<JsonElement>("/api/organisations?limit=2");
        var next = first.GetProperty("nextAfter").GetGuid();
        var second = await service.Client.GetFromJsonAsync<JsonElement>($"/api/organisations?limit=2&after={next}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.Count >= 3);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order().ToList(), ids);
    }
}
