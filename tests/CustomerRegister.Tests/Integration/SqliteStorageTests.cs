using System.Text;
using CustomerRegister.Data;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>The embedded database's storage promises; SQLite only, so these run in the SQLite pass.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly RegisterFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ConnectionsRunInWalModeWithSecureDelete()
    {
        Assert.Equal(DatabaseProvider.Sqlite, _app.Database.Provider);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(connection, "secure_delete"));
    }

    [Fact]
    public async Task DeletedValuesDoNotStayReadableInTheFile()
    {
        _ = _app.Services;
        const string marker = "ERASE-ME-7f3a9c-unique-marker";
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
            for (var i = 0; i < 50; i++)
            {
                db.Users.Add(new Identity.AppUser { Id = Guid.NewGuid(), UserName = $"{marker}-{i}", DisplayName = marker + i });
            }

            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            Assert.True(Contains(File.ReadAllBytes(_app.Database.SqliteFile!), marker), "the marker should be on disk before deletion");

            await db.Users.Where(u => u.DisplayName.StartsWith(marker)).ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_app.Database.SqliteFile!);
        var wal = _app.Database.SqliteFile + "-wal";
        Assert.False(Contains(bytes, marker), "a deleted value is still readable in the database file");
        Assert.False(File.Exists(wal) && Contains(File.ReadAllBytes(wal), marker), "a deleted value is still readable in the WAL");
    }

    private static async Task<string?> PragmaAsync(System.Data.Common.DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
