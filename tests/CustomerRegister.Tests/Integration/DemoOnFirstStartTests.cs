using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class DemoOnFirstStartTests
{
    [Fact]
    public async Task DemoDataIsAddedOnFirstStartOnlyIntoAnEmptyRegister()
    {
        var database = new TestDatabase();
        using (var first = new DemoFactory(database, owns: false))
        {
            var service = await first.CreateUserAsync(Roles.CustomerService);
            var page = await service.Client.GetFromJsonAsync<JsonElement>("/api/consumers?limit=200");
            Assert.NotEmpty(page.GetProperty("items").EnumerateArray());
            Assert.Contains("synthetic demo subjects", first.ConsoleOutput.ToString());
        }

        var before = Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM subjects"));
        using (var second = new DemoFactory(database, owns: true))
        {
            _ = second.Services;
            Assert.DoesNotContain("synthetic demo subjects", second.ConsoleOutput.ToString());
        }

        Assert.Equal(60, before);
    }

    [Fact]
    public async Task TheSeededRegisterHasEveryIndexTheMigrationsMake()
    {
        // On PostgreSQL the seed of an empty register drops the secondary indexes and builds them after the load.
        using var plain = new RegisterFactory();
        _ = plain.Services;
        using var database = new TestDatabase();
        using (var seeded = new DemoFactory(database, owns: false))
        {
            _ = seeded.Services;
            Assert.Contains("synthetic demo subjects", seeded.ConsoleOutput.ToString());
            if (database.Provider == Data.DatabaseProvider.Postgres)
            {
                Assert.Contains("secondary indexes built after the load", seeded.ConsoleOutput.ToString());
            }
        }

        Assert.Equal((await IndexesAsync(plain.Database)).Split('\n'), (await IndexesAsync(database)).Split('\n'));
    }

    private static async Task<string> IndexesAsync(TestDatabase database) => Convert.ToString(await database.ScalarAsync(
        database.Provider == Data.DatabaseProvider.Postgres
            ? """
              SELECT string_agg(x.tablename || '.' || x.indexname || ' unique ' || (x.indexdef LIKE 'CREATE UNIQUE%')::text
                                || ' partial ' || (x.indexdef LIKE '% WHERE %')::text, E'\n' ORDER BY x.tablename, x.indexname)
              FROM pg_indexes x WHERE x.schemaname = current_schema()
              """
            : "SELECT group_concat(name, char(10)) FROM (SELECT tbl_name || '.' || name AS name FROM sqlite_master WHERE type = 'index' ORDER BY 1)"),
        System.Globalization.CultureInfo.InvariantCulture)!;

    private sealed class DemoFactory(TestDatabase database, bool owns) : RegisterFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:SeedSubjects", "60");
        }

        protected override void Dispose(bool disposing)
        {
            if (owns)
            {
                base.Dispose(disposing);
            }
            else
            {
                DisposeHostOnly(disposing);
            }
        }
    }
}
