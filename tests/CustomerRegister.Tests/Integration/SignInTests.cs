using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class SignInTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task AdministratorFromEnvironmentSignsInThroughTheApi()
    {
        var response = await app.LoginAsync(RegisterFactory.AdminEmail, RegisterFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.True(body.GetProperty("expiresIn").GetInt32() > 0);

        var me = await (await app.AdminAsync()).GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(RegisterFactory.AdminEmail, me.GetProperty("email").GetString());
        Assert.Contains(Permissions.UsersManage, me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task ARefreshTokenGivesANewTokenUntilTheAccountIsDisabled()
    {
        var user = await app.CreateUserAsync(Roles.Marketing);
        var login = await (await app.LoginAsync(user.Email, RegisterFactory.UserPassword)).Content.ReadFromJsonAsync<JsonElement>();
        var refreshToken = login.GetProperty("refreshToken").GetString();

        var refreshed = await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        await (await app.AdminAsync()).PostAsync($"/api/users/{user.Id}/disable", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "forged" })).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithProblemDetails()
    {
        var response = await app.LoginAsync(RegisterFactory.AdminEmail, "not the password at all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownEmailIsRefusedTheSameWay()
    {
        var response = await app.LoginAsync("nobody@register.test", "whatever password here");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAddressOutEvenAgainstTheRightPassword()
    {
        var user = await app.CreateUserAsync(Roles.CustomerService);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(user.Email, "wrong password " + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(user.Email, RegisterFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task MissingFieldsAreNamed()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task AnApiCallWithoutATokenAnswers401()
    {
        var response = await app.Anonymous().GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AForgedTokenIsRefused()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8forged-token-value");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }
}

[Trait(Category.Name, Category.Integration)]
public sealed class OneTimePasswordTests(OneTimeAdminFactory app) : IClassFixture<OneTimeAdminFactory>
{
    [Fact]
    public async Task FirstAdministratorGetsAOneTimePasswordThatMustBeReplaced()
    {
        _ = app.Services; // starts the host, which creates the first administrator
        var printed = app.ConsoleOutput.ToString();
        var match = System.Text.RegularExpressions.Regex.Match(printed, @"One-time password:\s+(\S+)");
        Assert.True(match.Success, "The one-time password was not printed: " + printed);
        var oneTime = match.Groups[1].Value;
        Assert.Contains(FirstAdministrator.DefaultEmail, printed);

        var first = await app.LoginAsync(FirstAdministrator.DefaultEmail, oneTime);
        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Contains("password-change-required", await first.Content.ReadAsStringAsync());

        var weak = await app.Anonymous().PostAsJsonAsync("/api/auth/change-password",
            new { email = FirstAdministrator.DefaultEmail, currentPassword = oneTime, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));

        var change = await app.Anonymous().PostAsJsonAsync("/api/auth/change-password",
            new { email = FirstAdministrator.DefaultEmail, currentPassword = oneTime, newPassword = "the administrator's own passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(FirstAdministrator.DefaultEmail, oneTime)).StatusCode);
        var admin = await app.SignInAsync(FirstAdministrator.DefaultEmail, "the administrator's own passphrase");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/users")).StatusCode);

        // The secret went to the console once, never to the log.
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(oneTime, StringComparison.Ordinal));
    }
}
