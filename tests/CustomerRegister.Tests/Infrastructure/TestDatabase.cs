using CustomerRegister.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one app factory: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server that test.sh started (REGISTER_TEST_DB=postgres, REGISTER_TEST_PG=admin connection string).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _pgAdmin;
    private readonly string? _pgName;

    public TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("register-test-").FullName;
        Provider = DatabaseSetup.ParseProvider(Environment.GetEnvironmentVariable("REGISTER_TEST_DB"));
        if (Provider == DatabaseProvider.Postgres)
        {
            _pgAdmin = Environment.GetEnvironmentVariable("REGISTER_TEST_PG")
                ?? throw new InvalidOperationException("REGISTER_TEST_DB=postgres needs REGISTER_TEST_PG (run ./test.sh).");
            _pgName = "register_test_" + Guid.NewGuid().ToString("N")[..16];
            using (var connection = new NpgsqlConnection(_pgAdmin))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_pgName}", connection);
                create.ExecuteNonQuery();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(_pgAdmin) { Database = _pgName }.ConnectionString;
        }
        else
        {
            SqliteFile = Path.Combine(Folder, "register.db");
            ConnectionString = $"Data Source={SqliteFile};Pooling=False";
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string Folder { get; }

    public string? SqliteFile { get; }

    public static bool IsPostgres => DatabaseSetup.ParseProvider(Environment.GetEnvironmentVariable("REGISTER_TEST_DB")) == DatabaseProvider.Postgres;

    /// <summary>Runs SQL straight against the database, as someone with direct access to it would.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteNonQueryAsync();
        }

        await using var sqlite = new SqliteConnection(ConnectionString);
        await sqlite.OpenAsync();
        await using var cmd = sqlite.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync();
        }

        await using var sqlite = new SqliteConnection(ConnectionString);
        await sqlite.OpenAsync();
        await using var cmd = sqlite.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_pgAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
