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

    public RegisterFactory()
        : this(new TestDatabase())
    {
    }

    protected RegisterFactory(TestDatabase database) => Database = database;

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

    public async Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        await Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var response = await LoginAsync(email, password);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Serves an existing test database (which the factory then owns and drops).</summary>
    public static RegisterFactory On(TestDatabase database) => new ExistingDatabase(database);

    public Task<HttpClient> AdminAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// <summary>The administrator creates a user with these roles; returns that user's signed-in client.</summary>
    public async Task<StaffUser> CreateUserAsync(params string[] roles)
    {
        var admin = await AdminAsync();
        var email = $"staff-{Guid.NewGuid():N}@register.test";
        var response = await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Staff " + string.Join('+', roles), roles, password = UserPassword });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetGuid();
        return new StaffUser(id, email, await SignInAsync(email, UserPassword));
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
