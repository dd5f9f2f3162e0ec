using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>
/// The real application on a fresh database of the provider under test, signed into through HTTP like a client.
/// </summary>
public class RegisterFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@register.test";
    public const string AdminPassword = "test-admin passphrase 2026";
    public const string UserPassword = "staff member passphrase 2026";

    /// <summary>The password an administrator chooses for a new user, who must replace it at first sign-in.</summary>
    public const string InitialPassword = "chosen by the administrator 2026";

    public RegisterFactory()
        : this(new TestDatabase())
    {
    }

    protected RegisterFactory(TestDatabase database)
    {
        Database = database;
        Authenticators = new Authenticators(AuthenticatorServices.ClockOf(this), database);
    }

    /// <summary>The test users' authenticator apps (second factor), filled as users enrol; shared by every app on the same database.</summary>
    public Authenticators Authenticators { get; }

    public TestDatabase Database { get; }

    public CapturedLogs Logs { get; } = new();

    public StringWriter ConsoleOutput { get; } = new();

    /// <summary>When false, no REGISTER_ADMIN_* settings are given and the first admin gets a one-time password.</summary>
    protected virtual bool AdminFromEnvironment => true;

    /// <summary>When true, sign-in rate limits are out of the way of tests that sign in often from one (unknown) address.</summary>
    protected virtual bool GenerousSignInLimits => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Register", Database.ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Database.Folder, "keys"));
        builder.UseSetting("Audit:SealIntervalSeconds", "3600");
        builder.UseSetting("Recordings:Path", Path.Combine(Database.Folder, "recordings"));

        // Tests that move the clock by days would otherwise set off nightly profiling they did not ask for.
        builder.UseSetting("Profiling:NightlyEnabled", "false");
        if (AdminFromEnvironment)
        {
            builder.UseSetting("REGISTER_ADMIN_EMAIL", AdminEmail);
            builder.UseSetting("REGISTER_ADMIN_PASSWORD", AdminPassword);
        }

        if (GenerousSignInLimits)
        {
            builder.UseSetting("Auth:SignInPermitLimit", "100000");
            builder.UseSetting("Auth:AccountPermitLimit", "100000");
        }

        builder.ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(s => s.AddKeyedSingleton<TextWriter>(DatabaseInitializer.ConsoleKey, ConsoleOutput));
    }

    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>POST /api/auth/login; a user who has enrolled an authenticator here also sends a fresh code.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        if (!Authenticators.IsEnrolled(email))
        {
            return await Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });
        }

        var (code, recoveryCode) = Authenticators.Next(email);
        return await Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password, code, recoveryCode });
    }

    /// <summary>
    /// A client signed in as the user. A user whose roles require a second factor enrols an authenticator on the first
    /// sign-in; later sign-ins reuse that user's still valid token (a code works once per 30-second step, and the tests
    /// sign in as the administrator many times a step).
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        if (_tokens.TryGetValue((email, password), out var cached))
        {
            var reused = Bearer(cached);
            if ((await reused.GetAsync("/api/auth/me")).IsSuccessStatusCode)
            {
                return reused;
            }

            _tokens.TryRemove((email, password), out _);
        }

        var response = await LoginAsync(email, password);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var client = Bearer(token);
        if (!Authenticators.IsEnrolled(email))
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/auth/two-factor");
            if (!status.GetProperty("required").GetBoolean() || status.GetProperty("enabled").GetBoolean())
            {
                return client;
            }

            await Authenticators.EnrolAsync(client, email);
        }

        _tokens[(email, password)] = token;
        return client;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Email, string Password), string> _tokens = new();

    private HttpClient Bearer(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Serves an existing test database (which the factory then owns and drops).</summary>
    public static RegisterFactory On(TestDatabase database) => new ExistingDatabase(database);

    public Task<HttpClient> AdminAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// <summary>
    /// The administrator creates a user with these roles and a chosen password, which the user replaces with
    /// <see cref="UserPassword"/>; returns that user's signed-in client.
    /// </summary>
    public async Task<StaffUser> CreateUserAsync(params string[] roles)
    {
        var admin = await AdminAsync();
        var email = $"staff-{Guid.NewGuid():N}@register.test";
        var response = await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Staff " + string.Join('+', roles), roles, password = InitialPassword });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetGuid();
        await ChangePasswordAsync(email, InitialPassword, UserPassword);
        return new StaffUser(id, email, await SignInAsync(email, UserPassword));
    }

    public async Task ChangePasswordAsync(string email, string currentPassword, string newPassword)
    {
        var changed = await Anonymous().PostAsJsonAsync("/api/auth/change-password", new { email, currentPassword, newPassword });
        Assert.True(changed.StatusCode == System.Net.HttpStatusCode.NoContent,
            $"Password change failed: {(int)changed.StatusCode} {await changed.Content.ReadAsStringAsync()}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }

    /// <summary>Stops the app but keeps its database, for a test that starts the app again on it.</summary>
    protected void DisposeHostOnly(bool disposing) => base.Dispose(disposing);
}

file sealed class ExistingDatabase(TestDatabase database) : RegisterFactory(database);

public sealed record StaffUser(Guid Id, string Email, HttpClient Client);

/// <summary>A factory whose first administrator is created with a generated one-time password.</summary>
public sealed class OneTimeAdminFactory : RegisterFactory
{
    protected override bool AdminFromEnvironment => false;
}
