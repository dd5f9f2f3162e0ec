using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The register with its shipped sign-in limits (appsettings.json: 10 attempts per address, 30 per account, lockout
/// after 5 wrong passwords per account and address) over hour-long windows, so that no window ends during a test however
/// slow the machine; one trusted proxy, a test clock and a password hasher that counts verifications. Each request gets
/// the client address named in <see cref="TestPeerAddress.Header"/>.
/// </summary>
public sealed class SignInAbuseFactory : RegisterFactory
{
    public const string Proxy = "10.9.9.9";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public VerificationCounter Verifications { get; } = new();

    protected override bool GenerousSignInLimits => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Network:KnownProxies:0", Proxy);
        builder.UseSetting("Auth:SignInWindowSeconds", "3600");
        builder.UseSetting("Auth:AccountWindowSeconds", "3600");
        builder.ConfigureServices(s =>
        {
            TestPeerAddress.AddFirst(s);
            s.AddSingleton<TimeProvider>(Clock);
            s.RemoveAll<IPasswordHasher<AppUser>>();
            s.AddScoped<IPasswordHasher<AppUser>>(sp => new CountingHasher(
                new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), Verifications));
        });
    }

    public HttpClient From(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(TestPeerAddress.Header, address);
        return client;
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });
}

public sealed class VerificationCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

file sealed class CountingHasher(IPasswordHasher<AppUser> inner, VerificationCounter counter) : IPasswordHasher<AppUser>
{
    public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        counter.Add();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

[Trait(Category.Name, Category.Integration)]
public sealed class SignInAbuseTests(SignInAbuseFactory app) : IClassFixture<SignInAbuseFactory>
{
    private static int _peers;

    [Fact]
    public async Task TwoHundredWrongSignInsFromOneAddressEndIn429sWhileTheUserSignsInFromAnother()
    {
        var user = await app.CreateUserAsync(Roles.CustomerService);
        var attacker = app.From(NewAddress());

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 200; i++)
        {
            last = await SignInAbuseFactory.LoginAsync(attacker, user.Email, "guess number " + i);
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");

        var real = await SignInAbuseFactory.LoginAsync(app.From(NewAddress()), user.Email, RegisterFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsFromOneAddressLockOnlyThatAddressOut()
    {
        var user = await app.CreateUserAsync(Roles.CustomerService);
        var stranger = app.From(NewAddress());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAbuseFactory.LoginAsync(stranger, user.Email, "wrong " + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAbuseFactory.LoginAsync(stranger, user.Email, RegisterFactory.UserPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAbuseFactory.LoginAsync(app.From(NewAddress()), user.Email, RegisterFactory.UserPassword)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var later = app.From(stranger.DefaultRequestHeaders.GetValues(TestPeerAddress.Header).Single());
        Assert.Equal(HttpStatusCode.OK, (await SignInAbuseFactory.LoginAsync(later, user.Email, RegisterFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task EveryRefusalVerifiesExactlyOnePasswordHash()
    {
        var disabled = await app.CreateUserAsync(Roles.Marketing);
        Assert.Equal(HttpStatusCode.OK, (await (await app.AdminAsync()).PostAsync($"/api/users/{disabled.Id}/disable", null)).StatusCode);
        var locked = await app.CreateUserAsync(Roles.Marketing);
        var lockedFrom = app.From(NewAddress());
        for (var i = 0; i < 5; i++)
        {
            await SignInAbuseFactory.LoginAsync(lockedFrom, locked.Email, "wrong " + i);
        }

        var cases = new (string Name, HttpClient From, string Email, string Password, HttpStatusCode Status)[]
        {
            ("unknown", app.From(NewAddress()), $"nobody-{Guid.NewGuid():N}@register.test", "some password here", HttpStatusCode.Unauthorized),
            ("wrong", app.From(NewAddress()), locked.Email, "not the password", HttpStatusCode.Unauthorized),
            ("disabled", app.From(NewAddress()), disabled.Email, RegisterFactory.UserPassword, HttpStatusCode.Unauthorized),
            ("locked", lockedFrom, locked.Email, RegisterFactory.UserPassword, HttpStatusCode.Unauthorized),
            ("right", app.From(NewAddress()), locked.Email, RegisterFactory.UserPassword, HttpStatusCode.OK),
        };
        foreach (var c in cases)
        {
            var before = app.Verifications.Count;
            var response = await SignInAbuseFactory.LoginAsync(c.From, c.Email, c.Password);
            Assert.Equal(c.Status, response.StatusCode);
            Assert.True(app.Verifications.Count - before == 1, $"{c.Name}: {app.Verifications.Count - before} verifications");
        }
    }

    [Fact]
    public async Task AForgedForwardedForDodgesNothingButATrustedProxysIsUsed()
    {
        var direct = app.From(NewAddress());
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginWithForwardedAsync(direct, "198.18.0." + (i + 1))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginWithForwardedAsync(direct, "198.18.0.99")).StatusCode);

        // Through the trusted proxy each forwarded client has its own count.
        var proxy = app.From(SignInAbuseFactory.Proxy);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginWithForwardedAsync(proxy, "198.18.1." + (i + 1))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginWithForwardedAsync(proxy, "198.18.2.1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginWithForwardedAsync(proxy, "198.18.2.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginWithForwardedAsync(proxy, "198.18.3.1")).StatusCode);
    }

    [Fact]
    public async Task AnAccountIsLimitedOverAllAddresses()
    {
        // Creating the user spends two of the account's 30 attempts: the first password change and the first sign-in.
        var user = await app.CreateUserAsync(Roles.Marketing);
        for (var i = 2; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAbuseFactory.LoginAsync(app.From(NewAddress()), user.Email, "wrong")).StatusCode);
        }

        var refused = await SignInAbuseFactory.LoginAsync(app.From(NewAddress()), user.Email.ToUpperInvariant(), RegisterFactory.UserPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task RefreshAndPasswordChangeAreLimitedPerAddress()
    {
        var client = app.From(NewAddress());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "forged" + i })).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/change-password",
                new { email = $"n{i}@register.test", currentPassword = "whatever it is", newPassword = "a brand new passphrase" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "forged" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/change-password",
            new { email = "n@register.test", currentPassword = "whatever it is", newPassword = "a brand new passphrase" })).StatusCode);
    }

    [Theory]
    [InlineData("fi", "Liian monta yritystä")]
    [InlineData("en", "Too many attempts")]
    public async Task TheSignInPageSaysSoInTheUsersLanguage(string culture, string message)
    {
        var browser = app.From(NewAddress());
        var form = await browser.GetStringAsync($"/Account/Login?culture={culture}");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        HttpResponseMessage response = null!;
        for (var i = 0; i < 11; i++)
        {
            response = await browser.PostAsync($"/Account/Login?culture={culture}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = $"nobody{i}@register.test",
                ["password"] = "some wrong password",
                ["__RequestVerificationToken"] = token,
            }));
            Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task ThePasswordPageIsLimitedAndThePageSignOutEndsTheUsersTokens()
    {
        var user = await app.CreateUserAsync(Roles.CustomerService);
        var browser = app.From(NewAddress());
        var signedIn = await browser.PostAsync("/Account/Login", Form(await TokenAsync(browser, "/Account/Login"),
            ("email", user.Email), ("password", RegisterFactory.UserPassword)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var token = await TokenAsync(browser, "/Account/ChangePassword?culture=sv");
        HttpResponseMessage response = null!;
        for (var i = 0; i < 9 && response?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            response = await browser.PostAsync("/Account/ChangePassword?culture=sv", Form(token,
                ("currentPassword", "not my password " + i), ("newPassword", "a new staff passphrase"), ("confirmPassword", "a new staff passphrase")));
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        response = await browser.PostAsync("/Account/ChangePassword?culture=sv", Form(token,
            ("currentPassword", "not my password"), ("newPassword", "a new staff passphrase"), ("confirmPassword", "a new staff passphrase")));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("För många försök", await response.Content.ReadAsStringAsync());

        // Signing out on the page ends the user's bearer tokens too.
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
        var home = await TokenAsync(browser, "/");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/Account/Logout", Form(home))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("disable")]
    [InlineData("logout")]
    public async Task OldTokensStopAtOnce(string change)
    {
        var user = await app.CreateUserAsync(Roles.CustomerService);
        var from = app.From(NewAddress());
        var login = await (await SignInAbuseFactory.LoginAsync(from, user.Email, RegisterFactory.UserPassword)).Content.ReadFromJsonAsync<JsonElement>();
        var client = app.From(NewAddress());
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode); // the user's state is now cached

        var done = change switch
        {
            "password" => await from.PostAsJsonAsync("/api/auth/change-password",
                new { email = user.Email, currentPassword = RegisterFactory.UserPassword, newPassword = "another staff passphrase 2026" }),
            "disable" => await (await app.AdminAsync()).PostAsync($"/api/users/{user.Id}/disable", null),
            _ => await client.PostAsync("/api/auth/logout", null),
        };
        Assert.True(done.IsSuccessStatusCode, $"{change}: {(int)done.StatusCode}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
        var refresh = await from.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page);
        return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref _peers);
        return $"203.0.{n / 250}.{(n % 250) + 1}";
    }

    private static Task<HttpResponseMessage> LoginWithForwardedAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = $"nobody-{Guid.NewGuid():N}@register.test", password = "any password at all" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }
}

[Trait(Category.Name, Category.Integration)]
public sealed class SignInSettingsStartTests
{
    [Theory]
    [InlineData("Network:KnownProxies:0", "not-an-address")]
    [InlineData("Auth:SignInPermitLimit", "0")]
    public void AnInvalidSettingStopsTheStart(string key, string value)
    {
        using var app = new SettingFactory(key, value);

        Assert.ThrowsAny<Exception>(() => app.Services);
    }

    private sealed class SettingFactory(string key, string value) : RegisterFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}
