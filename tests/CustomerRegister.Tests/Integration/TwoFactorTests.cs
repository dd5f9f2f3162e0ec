using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Audit;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register on a clock the tests move, so authenticator codes change when the test says so.</summary>
public class TwoFactorFactory : RegisterFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual bool ForAllRoles => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:TwoFactorForAllRoles", ForAllRoles ? "true" : "false");
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class TwoFactorForAllRolesFactory : TwoFactorFactory
{
    protected override bool ForAllRoles => true;
}

/// <summary>Second factor through HTTP: enrolment, codes at sign-in, replays, recovery codes, removal, who needs it.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class TwoFactorTests : IDisposable
{
    private readonly TwoFactorFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ARoleThatNeedsASecondFactorCannotUseTheApiBeforeEnrollingAndTheSecretIsStoredProtected()
    {
        var (id, email) = await CreateUserAsync(Roles.DataProtectionOfficer);
        var login = await Login(email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var client = Bearer(await TokenOf(login));

        var refused = await client.GetAsync("/api/search?q=maki");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TwoFactorApi.EnrolmentRequiredType, problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/auth/me")).StatusCode);
        var status = await client.GetFromJsonAsync<JsonElement>("/api/auth/two-factor");
        Assert.True(status.GetProperty("required").GetBoolean());
        Assert.False(status.GetProperty("enabled").GetBoolean());

        var enrol = await (await client.PostAsync("/api/auth/two-factor/enrol", null)).Content.ReadFromJsonAsync<JsonElement>();
        var key = enrol.GetProperty("sharedKey").GetString()!;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        Assert.StartsWith("otpauth://totp/", enrol.GetProperty("authenticatorUri").GetString());

        var malformed = await client.PostAsJsonAsync("/api/auth/two-factor/confirm", new { code = "12ab" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(malformed)).TryGetProperty("code", out _));
        var wrong = await client.PostAsJsonAsync("/api/auth/two-factor/confirm", new { code = WrongCode(key) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/search?q=maki")).StatusCode);

        var confirmed = await client.PostAsJsonAsync("/api/auth/two-factor/confirm", new { code = CodeAt(key, _app.Clock) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var recovery = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")
            .EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(TwoFactorRules.RecoveryCodeCount, recovery.Count);
        Assert.Equal(recovery.Count, recovery.Distinct().Count());

        // The same token now opens what the roles grant.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=maki")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/api/auth/two-factor/enrol", null)).StatusCode);

        // Neither the key nor a recovery code is in the database as it is, in the audit trail or in the log.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
            var stored = await db.Set<UserTwoFactor>().SingleAsync(t => t.UserId == id);
            Assert.NotNull(stored.EnabledAt);
            Assert.DoesNotContain(key.Replace(" ", ""), stored.ProtectedSecret, StringComparison.Ordinal);
            var hashes = await db.Set<UserRecoveryCode>().Where(c => c.UserId == id).Select(c => c.CodeHash).ToListAsync();
            Assert.Equal(recovery.Count, hashes.Count);
            Assert.All(hashes, h => Assert.Equal(32, h.Length));
            var trail = await db.Set<AuditEvent>().Where(e => e.EntityId == id.ToString()).ToListAsync();
            Assert.Contains(trail, e => e.Action == "auth.two_factor.enrol" && e.Outcome == "ok");
            Assert.Contains(trail, e => e.Action == "auth.two_factor.enrol" && e.Outcome == "failed");
            var raw = JsonSerializer.Serialize(trail);
            Assert.DoesNotContain(key.Replace(" ", ""), raw, StringComparison.Ordinal);
            Assert.DoesNotContain(recovery[0], raw, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(key.Replace(" ", ""), StringComparison.Ordinal) || recovery.Any(r => l.Contains(r, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignInNeedsACurrentCodeOnceAndARecoveryCodeOnce()
    {
        var (_, email) = await CreateUserAsync(Roles.DataProtectionOfficer);
        var (key, recovery) = await EnrolAsync(email);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));

        var missing = await Login(email);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(TwoFactorApi.CodeRequiredType, (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        var wrong = await Login(email, code: WrongCode(key));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(TwoFactorApi.CodeInvalidType, (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Login(email, code: "12 34")).StatusCode);

        var code = CodeAt(key, _app.Clock);
        var signedIn = await Login(email, code: code);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(await TokenOf(signedIn)).GetAsync("/api/search?q=maki")).StatusCode);

        // The same code again, even within its own 30 seconds, is a replay; a wrong password is refused before any code.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(email, code: code)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(email, password: "not the password at all", code: code)).StatusCode);

        // The code of a step already passed is also spent once a later step was used.
        var earlier = CodeAt(key, _app.Clock, stepOffset: -1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(email, code: earlier)).StatusCode);

        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await Login(email, code: CodeAt(key, _app.Clock))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Login(email, recoveryCode: recovery[3].ToLowerInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(email, recoveryCode: recovery[3])).StatusCode);
        var status = await Bearer(await TokenOf(await Login(email, recoveryCode: recovery[4]))).GetFromJsonAsync<JsonElement>("/api/auth/two-factor");
        Assert.Equal(TwoFactorRules.RecoveryCodeCount - 2, status.GetProperty("recoveryCodesLeft").GetInt32());

        var trail = await AuditActionsAsync();
        Assert.Contains(("auth.two_factor.recovery_code", "ok"), trail);
        Assert.Contains(("auth.two_factor.recovery_code", "failed"), trail);
        Assert.Contains(("auth.two_factor.code", "failed"), trail);
    }

    [Fact]
    public async Task WrongCodesLockTheAccountLikeWrongPasswords()
    {
        var (_, email) = await CreateUserAsync(Roles.Billing);
        var (key, _) = await EnrolAsync(email);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(email, code: WrongCode(key))).StatusCode);
        }

        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(email, code: CodeAt(key, _app.Clock))).StatusCode);
    }

    [Fact]
    public async Task RemovingTheAuthenticatorNeedsACurrentCodeAndARequiredRoleMustEnrolAgain()
    {
        var (_, email) = await CreateUserAsync(Roles.VehicleReception);
        var (key, _) = await EnrolAsync(email);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        var client = Bearer(await TokenOf(await Login(email, code: CodeAt(key, _app.Clock))));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/auth/two-factor/disable", new { code = WrongCode(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/auth/two-factor/disable", new { })).StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/auth/two-factor/disable", new { code = CodeAt(key, _app.Clock) })).StatusCode);

        var refused = await client.GetAsync("/api/search?q=maki");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(TwoFactorApi.EnrolmentRequiredType, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Login(email)).StatusCode);
        Assert.Contains(("auth.two_factor.disable", "ok"), await AuditActionsAsync());
    }

    [Fact]
    public async Task ARoleWithoutRevealSignsInWithItsPasswordAlone()
    {
        var (_, email) = await CreateUserAsync(Roles.Marketing);
        var login = await Login(email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var client = Bearer(await TokenOf(login));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=maki")).StatusCode);
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/api/auth/two-factor")).GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task WithTheSettingOnEveryRoleMustEnrol()
    {
        using var app = new TwoFactorForAllRolesFactory();
        var admin = await app.AdminAsync();
        var email = $"mk-{Guid.NewGuid():N}@register.test";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Markkinoija", roles = new[] { Roles.Marketing }, password = RegisterFactory.InitialPassword })).StatusCode);
        await app.ChangePasswordAsync(email, RegisterFactory.InitialPassword, RegisterFactory.UserPassword);
        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = RegisterFactory.UserPassword });
        var client = Bearer(app, await TokenOf(login));
        var refused = await client.GetAsync("/api/search?q=maki");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(TwoFactorApi.EnrolmentRequiredType, await refused.Content.ReadAsStringAsync());
    }

    private async Task<(Guid Id, string Email)> CreateUserAsync(string role)
    {
        var admin = await _app.AdminAsync();
        var email = $"tf-{Guid.NewGuid():N}@register.test";
        var response = await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Staff " + role, roles = new[] { role }, password = RegisterFactory.InitialPassword });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await _app.ChangePasswordAsync(email, RegisterFactory.InitialPassword, RegisterFactory.UserPassword);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetGuid(), email);
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string email)
    {
        var client = Bearer(await TokenOf(await Login(email)));
        var key = (await (await client.PostAsync("/api/auth/two-factor/enrol", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("sharedKey").GetString()!;
        var confirmed = await client.PostAsJsonAsync("/api/auth/two-factor/confirm", new { code = CodeAt(key, _app.Clock) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return (key, (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")
            .EnumerateArray().Select(c => c.GetString()!).ToList());
    }

    private Task<HttpResponseMessage> Login(string email, string password = RegisterFactory.UserPassword, string? code = null, string? recoveryCode = null) =>
        _app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password, code, recoveryCode });

    private async Task<List<(string Action, string Outcome)>> AuditActionsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        return (await db.Set<AuditEvent>().Select(e => new { e.Action, e.Outcome }).ToListAsync()).Select(e => (e.Action, e.Outcome)).ToList();
    }

    private static async Task<string> TokenOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"Sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private HttpClient Bearer(string token) => Bearer(_app, token);

    private static HttpClient Bearer(RegisterFactory app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static string CodeAt(string key, TimeProvider clock, int stepOffset = 0) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", ""))).ComputeTotp(clock.GetUtcNow().UtcDateTime.AddSeconds(30 * stepOffset));

    /// <summary>A six-digit code that is none of the codes the window accepts now.</summary>
    private string WrongCode(string key)
    {
        var valid = Enumerable.Range(-1, 3).Select(o => CodeAt(key, _app.Clock, o)).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }
}
