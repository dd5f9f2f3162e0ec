namespace CustomerRegister.Bench;

/// <summary>The real application on a PostgreSQL database, as the bench runs it: a temp key ring, a bench administrator.</summary>
internal static class BenchApp
{
    /// <summary>
    /// One fixed master key for every bench run (synthetic data only), so that a database a previous run seeded can be
    /// measured again with <c>--connection</c> and without <c>seed</c>: its key ring was encrypted with this key.
    /// </summary>
    private static readonly string MasterKey =
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("customer-register-bench"u8));

    public static WebApplication Build(string connection, string keys, int port, string adminEmail, string adminPassword)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Register"] = connection,
            ["DataProtection:KeysPath"] = keys,
            ["DataProtection:MasterKey"] = MasterKey,
            ["REGISTER_ADMIN_EMAIL"] = adminEmail,
            ["REGISTER_ADMIN_PASSWORD"] = adminPassword,
            ["Register:Urls"] = $"http://127.0.0.1:{port}",
            ["Network:RedirectToHttps"] = "false",

            // As behind a TLS-terminating proxy on the same host: the staff pages (their antiforgery cookie is HTTPS-only
            // outside Development) are fetched with X-Forwarded-Proto: https.
            ["Network:KnownProxies:0"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Query"] = "Error",
            ["Logging:LogLevel:CustomerRegister.Retention"] = "Debug",
        });
        builder.AddRegister();
        var app = builder.Build();
        app.UseRegister();
        return app;
    }
}
