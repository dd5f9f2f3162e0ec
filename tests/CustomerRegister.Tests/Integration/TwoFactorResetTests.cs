using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>An administrator resets another user's authenticator (a lost phone); never their own.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class TwoFactorResetTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task ALostPhoneIsResetByAnotherAdministratorAndTheUserEnrolsAgain()
    {
        var admin = await app.AdminAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/users/{dpo.Id}")).GetProperty("twoFactorEnabled").GetBoolean());

        var reset = await admin.PostAsync($"/api/users/{dpo.Id}/two-factor/reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.False((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactorEnabled").GetBoolean());

        // The old code no longer matters: the password alone signs in, and the token opens only the enrolment.
        app.Authenticators.Forget(dpo.Email);
        var login = await app.LoginAsync(dpo.Email, RegisterFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/requests")).StatusCode);
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/auth/two-factor")).GetProperty("required").GetBoolean());

        var me = (await admin.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/users/{me}/two-factor/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{Guid.NewGuid()}/two-factor/reset", null)).StatusCode);
    }
}
