using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class ApiClientTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task AClientKeyGrantsOnlyItsScopedPermissions()
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Group auditor", permissions = new[] { Permissions.AuditRead } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("apiKey").GetString()!;
        var id = body.GetProperty("client").GetProperty("id").GetGuid();

        // Audit.Read is beyond the integration permissions: the DPO approves the key first.
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.OK, (await dpo.Client.PostAsync($"/api/clients/{id}/approve", null)).StatusCode);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);

        // The key is stored only as a hash: the listing never shows it again.
        var listing = await admin.GetStringAsync("/api/clients");
        Assert.DoesNotContain(key, listing);
        Assert.DoesNotContain(key["crk_000000000000_".Length..], listing);

        // Its calls are audited as the client.
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?actorId={id}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("actorKind").GetString() == "client");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/clients/{id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/audit")).StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("crk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("crk_short_x")]
    public async Task ABadKeyAnswers401(string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task AClientNeedsKnownPermissions()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/clients", new { name = "x", permissions = new[] { "Everything.Ever" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("permissions", out _));
    }
}
