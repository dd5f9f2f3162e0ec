using System.Data.Common;
using CustomerRegister.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerRegister.Data;

public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/register.db";

    /// <summary>
    /// Registers the provider chosen by <c>Database:Provider</c> (Sqlite or Postgres) and <c>ConnectionStrings:Register</c>.
    /// Both are read when the context is first resolved, so configuration added late (tests, hosts) still counts.
    /// </summary>
    public static IServiceCollection AddRegisterDatabase(this IServiceCollection services)
    {
        // Features add their own save hooks (an IInterceptor service each); the data layer names none of them.
        services.AddDbContext<PostgresRegisterDbContext>((sp, o) =>
        {
            ConfigurePostgres(o, RegisterConnection(sp.GetRequiredService<IConfiguration>(), DatabaseProvider.Postgres));
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddDbContext<SqliteRegisterDbContext>((sp, o) =>
        {
            ConfigureSqlite(o, RegisterConnection(sp.GetRequiredService<IConfiguration>(), DatabaseProvider.Sqlite));
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddScoped<RegisterDbContext>(sp =>
            ParseProvider(sp.GetRequiredService<IConfiguration>()["Database:Provider"]) == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresRegisterDbContext>()
                : sp.GetRequiredService<SqliteRegisterDbContext>());
        return services;
    }

    private static string RegisterConnection(IConfiguration configuration, DatabaseProvider provider)
    {
        var connectionString = configuration.GetConnectionString("Register");
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new SettingException("Database:Provider is Postgres but ConnectionStrings:Register is not set.")
                : connectionString;
        }

        connectionString = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString;
        EnsureSqliteDirectory(connectionString);
        return connectionString;
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new SettingException($"Unknown Database:Provider '{value}'. Use Sqlite or Postgres."),
    };

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(RegisterDbContext).Assembly.FullName))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqlitePragmas.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(RegisterDbContext).Assembly.FullName))
            .UseSnakeCaseNamingConvention();

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}

/// <summary>
/// Every SQLite connection runs in WAL mode with <c>secure_delete</c> on, so deleted data is overwritten
/// in the file rather than left readable in free pages.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegisterDbContext>
{
    public SqliteRegisterDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteRegisterDbContext>();
        DatabaseSetup.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteRegisterDbContext(builder.Options, TimeProvider.System);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegisterDbContext>
{
    public PostgresRegisterDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresRegisterDbContext>();
        DatabaseSetup.ConfigurePostgres(builder, "Host=localhost;Database=design_time");
        return new PostgresRegisterDbContext(builder.Options, TimeProvider.System);
    }
}
