using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Data;

/// <summary>
/// A step run once at start, after the migrations, in registration order (e.g. the first administrator, then demo
/// data). Features register theirs; the data layer names none of them.
/// </summary>
public interface IStartupStep
{
    Task RunAsync(IServiceProvider services, TextWriter console, CancellationToken ct);
}

/// <summary>
/// Before the server takes requests: applies migrations (unless <c>Database:MigrateOnStartup</c> is false), then runs
/// every <see cref="IStartupStep"/>.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    /// <summary>Key of an optional <see cref="TextWriter"/> service that replaces the console (tests read it).</summary>
    public const string ConsoleKey = "console";

    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        await MigrateAsync(scopes, ct);
        await using var scope = scopes.CreateAsyncScope();
        var console = scope.ServiceProvider.GetKeyedService<TextWriter>(ConsoleKey) ?? Console.Out;
        foreach (var step in scope.ServiceProvider.GetServices<IStartupStep>())
        {
            await step.RunAsync(scope.ServiceProvider, console, ct);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
