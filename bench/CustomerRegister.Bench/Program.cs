using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister;
using CustomerRegister.Bench;
using CustomerRegister.Demo;
using CustomerRegister.Search;
using Npgsql;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.WriteLine(BenchOptions.Usage);
    return 2;
}

await using var server = options.Connection is null ? await PrivatePostgres.StartAsync() : null;
var connection = options.Connection ?? server!.ConnectionString("register_bench");
if (server is not null)
{
    await using var admin = new NpgsqlConnection(server.ConnectionString("postgres"));
    await admin.OpenAsync();
    await new NpgsqlCommand("CREATE DATABASE register_bench", admin).ExecuteNonQueryAsync();
}

var keys = Directory.CreateTempSubdirectory("register-bench-keys-").FullName;
const string AdminEmail = "bench-admin@example.com";
const string AdminPassword = "benchmark administrator passphrase";
var port = PrivatePostgres.FreePort();
await using var app = BenchApp.Build(connection, keys, port, AdminEmail, AdminPassword);
await app.StartAsync();
await BenchAccounts.ForgetAdministratorsAuthenticatorAsync(app.Services, AdminEmail);
var results = new List<Row>();
try
{
    if (options.Only?.Contains("generate") == true)
    {
        // Where the seed's own CPU goes: each generator timed on one thread over 50 chunks of 1 000 subjects, nothing written.
        using var scope = app.Services.CreateScope();
        var codes = scope.ServiceProvider.GetRequiredService<CustomerRegister.Protection.ProtectedCodes>();
        var now = DateTime.UtcNow;
        var catalogue = DemoCatalogue.Create(now);
        var billing = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CustomerRegister.Billing.BillingOptions>>().Value;
        var spent = new double[DemoSeeder.Generators.Count];
        var allocated = new long[DemoSeeder.Generators.Count];
        long rowCount = 0;
        for (var i = 0; i < 50; i++)
        {
            var chunk = new DemoChunk(new Bogus.Faker("fi") { Random = new Bogus.Randomizer(i) }, codes, now, (long)i * DemoSeeder.ChunkSize,
                DemoSeeder.ChunkSize, catalogue, billing);
            for (var g = 0; g < DemoSeeder.Generators.Count; g++)
            {
                var (started, bytes) = (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
                DemoSeeder.Generators[g].Generate(chunk);
                spent[g] += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                allocated[g] += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }

            rowCount += chunk.Rows.RowCount;
        }

        for (var g = 0; g < DemoSeeder.Generators.Count; g++)
        {
            Console.WriteLine($"  {DemoSeeder.Generators[g].GetType().Name,-24} {spent[g] / 50_000 * 1000,8:F1} µs, {allocated[g] / 50_000,8:N0} bytes allocated per subject");
        }

        Console.WriteLine($"  all generators             {spent.Sum() / 50_000 * 1000,8:F1} µs, {allocated.Sum() / 50_000,8:N0} bytes allocated per subject, {rowCount / 50_000.0:F1} rows per subject");
        static void Time(string what, Action action)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < 20_000; i++)
            {
                action();
            }

            Console.WriteLine($"  {what,-26} {Stopwatch.GetElapsedTime(started).TotalMilliseconds / 20_000 * 1000,8:F1} µs each");
        }

        Time("phone parse", () => CustomerRegister.Finnish.PhoneNumber.Parse("040 123 4567"));
        Time("code encrypt", () => codes.Encrypt("FI2112345600000785"));
        Time("code lookup", () => codes.Lookup("iban", "FI2112345600000785"));
        Time("search terms", () => CustomerRegister.Search.SearchIndex.TermsOf(new CustomerRegister.Customers.Consumer
        { FirstName = "Äijä", LastName = "Mäkelä-Öhman", Phone = "+358401234567", Email = "aija.makela@example.fi" }).ToList());
    }

    if (options.Runs("seed"))
    {
        Console.WriteLine($"Seeding {options.Subjects:N0} subjects (seed {options.Seed}) …");
        var (allocated, pauses, gen0, gen1, gen2) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0),
            GC.CollectionCount(1), GC.CollectionCount(2));
        var seeded = await DemoSeeder.SeedAsync(app.Services, options.Subjects, options.Seed, Console.Out);

        // The seeder's own memory work: what it allocated and how long the collector held its threads.
        Console.WriteLine($"  .NET: {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:N0} MiB allocated, GC pauses "
            + $"{(GC.GetTotalPauseDuration() - pauses).TotalSeconds:N1} s, collections gen0 {GC.CollectionCount(0) - gen0:N0} / gen1 "
            + $"{GC.CollectionCount(1) - gen1:N0} / gen2 {GC.CollectionCount(2) - gen2:N0}, peak working set "
            + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
        results.Add(new Row("seed (subjects/s)", $"{seeded.Subjects:N0} subjects, {seeded.Rows:N0} rows, {seeded.Elapsed.TotalSeconds:F1} s",
            $"{seeded.SubjectsPerSecond:N0}/s", "", "≥ 10 000/s", seeded.SubjectsPerSecond >= 10_000));
    }

    await using var sql = NpgsqlDataSource.Create(connection);
    // The scenarios measure a register in service, not the minutes after a bulk load: the freshly copied rows are
    // vacuumed now (hint bits, visibility map — index-only searches depend on it), which autovacuum would otherwise
    // do in the background while the scenarios run. Not part of the seed's time.
    var settle = System.Diagnostics.Stopwatch.StartNew();
    await using (var vacuum = sql.CreateCommand("VACUUM (ANALYZE)"))
    {
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
    }

    Console.WriteLine($"Settled (VACUUM (ANALYZE) of the database, untimed) in {settle.Elapsed.TotalSeconds:F1} s");
    var sample = await Sample.LoadAsync(sql, options.Samples);

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(http));
    var scenarios = new Scenarios(http, sql, sample, options);
    if (options.Runs("search"))
    {
        results.Add(await scenarios.SearchAsync());
    }

    if (options.Runs("picture"))
    {
        results.Add(await scenarios.PictureAsync());
    }

    if (options.Runs("create"))
    {
        results.Add(await scenarios.CreateConsumersAsync());
    }

    // The staff pages (issue 14): customer service's person page, typing in the search box, 16 staff on a mix of pages.
    if (options.Runs("person-page") || options.Runs("typeahead") || options.Runs("mixed"))
    {
        using var service = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = http.BaseAddress };
        service.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(service, "CustomerService"));
        service.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        if (options.Runs("person-page"))
        {
            var largest = await scenarios.LargestPersonAsync();
            Console.WriteLine($"person page: the largest seeded person is {largest}");
            results.Add(await scenarios.PersonPageAsync(service, largest));
        }

        if (options.Runs("typeahead"))
        {
            results.Add(await scenarios.SearchAsYouTypeAsync(service));
        }

        if (options.Runs("mixed"))
        {
            using var billing = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = http.BaseAddress };
            billing.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(billing, "Billing"));
            billing.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            results.Add(await scenarios.MixedPagesAsync(service, billing));
        }
    }

    using var dpo = new HttpClient { BaseAddress = http.BaseAddress };
    dpo.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(dpo, "DataProtectionOfficer"));
    // The DPO's pages (issue 15): the request queue and the desk, over requests seeded here.
    if (options.Runs("requests") || options.Runs("desk"))
    {
        dpo.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Console.WriteLine($"requests: {await scenarios.SeedRequestsAsync():N0} requests seeded");
        if (options.Runs("requests"))
        {
            results.Add(await scenarios.RequestQueueAsync(dpo));
        }

        if (options.Runs("desk"))
        {
            results.Add(await scenarios.DpoDeskAsync(dpo));
        }

        dpo.DefaultRequestHeaders.Remove("X-Forwarded-Proto");
    }

    if (options.Runs("report"))
    {
        results.Add(await scenarios.AccessReportAsync(dpo));
    }

    if (options.Runs("erasure-preview"))
    {
        results.Add(await scenarios.ErasurePreviewAsync(dpo));
    }

    if (options.Runs("erasure"))
    {
        results.Add(await scenarios.ErasureAsync(dpo));
    }

    if (options.Runs("preview"))
    {
        results.Add(await scenarios.RetentionPreviewAsync(dpo));
    }

    if (options.Runs("forecast"))
    {
        results.Add(await scenarios.RetentionForecastAsync(dpo, fresh: true));
        results.Add(await scenarios.RetentionForecastAsync(dpo, fresh: false));
    }

    if (options.Runs("sweep"))
    {
        results.Add(await scenarios.RetentionSweepAsync(dpo));
    }

    if (options.Runs("profiling"))
    {
        results.Add(await scenarios.ProfilingRunAsync(dpo));
    }

    if (options.Runs("optout-load"))
    {
        results.Add(await scenarios.OptOutLoadAsync(dpo));
    }

    if (options.Runs("campaign"))
    {
        results.Add(await scenarios.CampaignExportAsync(dpo));
    }

    if (options.Runs("import"))
    {
        using var importer = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        importer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(importer, "CustomerService"));
        results.AddRange(await scenarios.ImportAsync(importer, options.ImportRows));
    }

    // Last: it adds --audit-events events to the trail.
    if (options.Runs("audit"))
    {
        using var auditor = new HttpClient { BaseAddress = http.BaseAddress };
        auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(auditor, "Auditor"));
        auditor.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        results.AddRange(await scenarios.AuditByPersonAsync(auditor));
    }
}
finally
{
    await app.StopAsync();
    Directory.Delete(keys, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"Results for {options.Subjects:N0} subjects ({Environment.ProcessorCount} cores):");
Console.WriteLine($"{"scenario",-28} {"app",-50} {"throughput",-12} {"plain SQL floor",-44} {"target",-22} result");
foreach (var r in results)
{
    Console.WriteLine($"{r.Scenario,-28} {r.App,-50} {r.Throughput,-12} {r.Floor,-44} {r.Target,-22} {(r.Pass ? "PASS" : "FAIL")}");
}

Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB");
return results.All(r => r.Pass) ? 0 : 1;

static Task<string> SignInAsync(HttpClient client, string role = "VehicleReception") =>
    BenchAccounts.StaffAsync(client, AdminEmail, AdminPassword, role);

internal sealed record Row(string Scenario, string App, string Throughput, string Floor, string Target, bool Pass);

internal sealed record BenchOptions(int Subjects, int Seed, string? Connection, int Requests, int Creates, int Clients, int Samples,
    IReadOnlyList<string>? Only = null, long AuditEvents = 10_000_000, int ImportRows = 100_000)
{
    public static readonly string[] Scenarios = ["generate", "seed", "search", "picture", "create", "person-page", "typeahead", "mixed", "report", "erasure-preview", "erasure", "preview", "forecast", "sweep", "requests", "desk", "profiling", "optout-load", "campaign", "import", "audit"];

    /// <summary>The diagnostic "generate" runs only when asked for by name.</summary>
    public bool Runs(string scenario) => Only is null ? scenario != "generate" : Only.Contains(scenario);

    public const string Usage = """
        dotnet run -c Release --project bench/CustomerRegister.Bench -- [--subjects N] [--seed S] [--connection CS] [--requests R]
            [--creates C] [--clients K] [--audit-events E] [--import-rows I] [--quick] [--only A,B]
          --subjects N     subjects to seed (default 100000)
          --connection CS  use this PostgreSQL database instead of a private server (it must be empty or a previous bench's)
          --requests R     measured requests per read scenario (default 2000)
          --creates C      consumers created through HTTP (default 3000), by K concurrent clients (default 16)
          --audit-events E events the audit scenario adds to the trail (default 10000000)
          --import-rows I  rows of the import scenario's file (default 100000, --quick 5000)
          --quick          a smoke run: 3000 subjects, 200 requests, 300 creates, 100000 audit events
          --only A,B       run only these scenarios (seed, search, picture, create, person-page, typeahead, mixed, report,
                           erasure-preview, erasure, preview, forecast, sweep, requests, desk, profiling, optout-load, campaign, import, audit); without
                           seed, --connection must name a database a previous bench seeded; "generate" times the
                           seed's generators alone (no writing)
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var o = new BenchOptions(quick ? 3_000 : 100_000, 1, null, quick ? 200 : 2_000, quick ? 300 : 3_000, 16, 0,
            AuditEvents: quick ? 100_000 : 10_000_000, ImportRows: quick ? 5_000 : 100_000);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--subjects":
                    o = o with { Subjects = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--seed":
                    o = o with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--connection":
                    o = o with { Connection = Next() };
                    break;
                case "--requests":
                    o = o with { Requests = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--creates":
                    o = o with { Creates = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--only":
                    var only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (only.Except(Scenarios).Any())
                    {
                        return null;
                    }

                    o = o with { Only = only };
                    break;
                case "--audit-events":
                    o = o with { AuditEvents = long.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--import-rows":
                    o = o with { ImportRows = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--clients":
                    o = o with { Clients = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                default:
                    return null;
            }
        }

        return o with { Samples = Math.Min(o.Requests + 200, 5_000) };
    }
}

/// <summary>Random seeded people to look up: last name, phone (national format) and subject key.</summary>
internal sealed record Sample(IReadOnlyList<(string LastName, string Phone)> People, IReadOnlyList<Guid> Subjects)
{
    public static async Task<Sample> LoadAsync(NpgsqlDataSource sql, int count)
    {
        var people = new List<(string, string)>();
        await using (var reader = await sql.CreateCommand(
            $"SELECT last_name, phone FROM consumers WHERE phone IS NOT NULL ORDER BY random() LIMIT {count}").ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                people.Add((reader.GetString(0), "0" + reader.GetString(1)[4..]));
            }
        }

        var subjects = new List<Guid>();
        await using (var reader = await sql.CreateCommand($"SELECT id FROM subjects ORDER BY random() LIMIT {count}").ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                subjects.Add(reader.GetGuid(0));
            }
        }

        return new Sample(people, subjects);
    }
}
