using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class UsersTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task AdministratorCreatesACustomerServiceUserWhoIsRefusedUserManagement()
    {
        var admin = await app.AdminAsync();
        var email = $"cs-{Guid.NewGuid():N}@register.test";

        var created = await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Asiakaspalvelija", roles = new[] { Roles.CustomerService }, password = RegisterFactory.UserPassword });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([Roles.CustomerService], body.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("oneTimePassword").ValueKind);

        await app.ChangePasswordAsync(email, RegisterFactory.UserPassword, RegisterFactory.UserPassword + " own");
        var cs = await app.SignInAsync(email, RegisterFactory.UserPassword + " own");
        Assert.Equal(HttpStatusCode.Forbidden, (await cs.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cs.PostAsJsonAsync("/api/users",
            new { email = "x@register.test", displayName = "X", roles = new[] { Roles.Administrator } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cs.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cs.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task UserCreatedWithoutPasswordGetsAOneTimePassword()
    {
        var admin = await app.AdminAsync();
        var email = $"otp-{Guid.NewGuid():N}@register.test";

        var body = await (await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Laskuttaja", roles = new[] { Roles.Billing } })).Content.ReadFromJsonAsync<JsonElement>();
        var oneTime = body.GetProperty("oneTimePassword").GetString()!;
        Assert.True(body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await app.LoginAsync(email, oneTime)).StatusCode);
    }

    [Fact]
    public async Task RoleChangesAndDisablingTakeEffectOnExistingTokens()
    {
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync("/api/audit")).StatusCode);

        var roles = await admin.PutAsJsonAsync($"/api/users/{user.Id}/roles", new { roles = new[] { Roles.Auditor } });
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/audit")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{user.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(user.Email, RegisterFactory.UserPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{user.Id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.LoginAsync(user.Email, RegisterFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task BadUserRequestsNameEachField()
    {
        var admin = await app.AdminAsync();

        var empty = await admin.PostAsJsonAsync("/api/users", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.True(errors.TryGetProperty("roles", out _));

        var badRole = await admin.PostAsJsonAsync("/api/users",
            new { email = "r@register.test", displayName = "R", roles = new[] { "Janitor" } });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("Janitor", await badRole.Content.ReadAsStringAsync());

        var badEmail = await admin.PostAsJsonAsync("/api/users",
            new { email = "not-an-email", displayName = "E", roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.True((await badEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));

        var weak = await admin.PostAsJsonAsync("/api/users",
            new { email = "w@register.test", displayName = "W", roles = Array.Empty<string>(), password = "aaaaaaaaaaaaa" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync("w@register.test", "aaaaaaaaaaaaa")).StatusCode);
    }

    [Fact]
    public async Task DuplicateEmailAnswers409()
    {
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync(Roles.Marketing);

        var again = await admin.PostAsJsonAsync("/api/users",
            new { email = user.Email.ToUpperInvariant(), displayName = "Copy", roles = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task UnknownUserAnswers404()
    {
        var admin = await app.AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/users/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{Guid.NewGuid()}/disable", null)).StatusCode);
    }

    [Fact]
    public async Task TheLastAdministratorCannotBeDisabledOrDemoted()
    {
        var admin = await app.AdminAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var id = me.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/users/{id}/disable", null)).StatusCode);

        // Demoting takes a second administrator: nobody changes their own roles.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { Roles.Auditor } })).StatusCode);
    }
}
