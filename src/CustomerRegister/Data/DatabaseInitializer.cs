using CustomerRegister.Demo;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Data;

/// <summary>
/// Before the server takes requests: applies migrations (unless <c>Database:MigrateOnStartup</c> is false)
/// and creates the first administrator when there are no users.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        await MigrateAsync(scopes, ct);
        await using var scope = scopes.CreateAsyncScope();
        var console = scope.ServiceProvider.GetKeyedService<TextWriter>(ConsoleKey) ?? Console.Out;
        await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureAsync(console, ct);

        // Optional demo data for a first look (Demo:SeedSubjects, e.g. Demo__SeedSubjects=2000): only into an empty
        // register, so a restart never adds more and a real register is never mixed with synthetic people.
        var demo = configuration.GetValue("Demo:SeedSubjects", 0);
        if (demo > 0 && !await scope.ServiceProvider.GetRequiredService<RegisterDbContext>().Set<Subject>().AnyAsync(ct))
        {
            await console.WriteLineAsync($"Adding {demo} synthetic demo subjects (Demo:SeedSubjects) …");
            await DemoSeeder.SeedAsync(scope.ServiceProvider, demo, configuration.GetValue("Demo:Seed", 1), console, ct);
        }
    }

    /// <summary>Key of an optional <see cref="TextWriter"/> service that replaces the console (tests read it).</summary>
    public const string ConsoleKey = "console";

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
