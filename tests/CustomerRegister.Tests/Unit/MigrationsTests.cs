using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Tests.Unit;

public sealed class MigrationsTests
{
    [Fact]
    public void TheSqliteModelHasNoChangesWithoutAMigration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add NAME --context SqliteRegisterDbContext ...");
    }

    [Fact]
    public void ThePostgresModelHasNoChangesWithoutAMigration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add NAME --context PostgresRegisterDbContext ...");
    }

    [Fact]
    public void BothProvidersHaveTheSameMigrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
