using System.Globalization;
using CustomerRegister.Demo;
using Npgsql;

namespace CustomerRegister.Bench;

/// <summary>
/// The ways of loading PostgreSQL side by side in one process: the same seed (so the same rows) into a fresh, migrated
/// database each time, every variant twice, the second round in reverse order, so that a drift of the machine's speed
/// weighs on every variant alike.
/// </summary>
internal static class SeedCompare
{
    private static readonly (string Name, DemoLoad Load)[] Variants =
    [
        ("hand encoder, deferred indexes", new DemoLoad(HandEncoder: true, DeferIndexes: true)),
        ("Npgsql importer, deferred indexes", new DemoLoad(HandEncoder: false, DeferIndexes: true)),
        ("hand encoder, indexes kept", new DemoLoad(HandEncoder: true, DeferIndexes: false)),
        ("Npgsql importer, indexes kept", new DemoLoad(HandEncoder: false, DeferIndexes: false)),
    ];

    public static async Task RunAsync(string connection, string keys, int subjects, int seed)
    {
        var seconds = Variants.ToDictionary(v => v.Name, _ => new List<double>());
        var order = Variants.Concat(Variants.Reverse()).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            var (name, load) = order[i];
            var database = $"seed_compare_{i}";
            await ExecuteAsync(connection, $"CREATE DATABASE {database}");
            try
            {
                var target = new NpgsqlConnectionStringBuilder(connection) { Database = database }.ConnectionString;
                await using var app = BenchApp.Build(target, keys, PrivatePostgres.FreePort(), "seed-compare@example.com", "seed compare administrator passphrase");
                await app.StartAsync();
                var log = new StringWriter(CultureInfo.InvariantCulture);
                var result = await DemoSeeder.SeedAsync(app.Services, subjects, seed, log, load: load);
                seconds[name].Add(result.Elapsed.TotalSeconds);
                var rebuild = log.ToString().Split('\n').FirstOrDefault(l => l.Contains("rebuilt", StringComparison.Ordinal))?.Trim();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"seed-compare {i + 1}/{order.Count} {name}: {result.Subjects:N0} subjects, {result.Rows:N0} rows in {result.Elapsed.TotalSeconds:F1} s "
                    + $"= {result.SubjectsPerSecond:N0} subjects/s{(rebuild is null ? "" : $" ({rebuild})")}"));
                await app.StopAsync();
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"seed-compare, {subjects:N0} subjects, seed {seed}, {Environment.ProcessorCount} cores:");
        var baseline = seconds[Variants[0].Name].Average();
        foreach (var (name, _) in Variants)
        {
            var runs = seconds[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-36} {string.Join(" / ", runs.Select(s => s.ToString("F1", CultureInfo.InvariantCulture))),-14} s, mean {runs.Average(),6:F1} s "
                + $"= {subjects / runs.Average(),7:N0} subjects/s, {(runs.Average() / baseline) - 1,7:P1} against the first"));
        }
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
