using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Bogus;
using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Protection;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerRegister.Demo;

public sealed record DemoSeedResult(int Subjects, long Rows, TimeSpan Elapsed)
{
    public double SubjectsPerSecond => Subjects / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double RowsPerSubject => Rows / (double)Math.Max(Subjects, 1);
}

/// <summary>
/// Synthetic, realistic register data for demos and benchmarks. Batches are generated (in parallel chunks) while the
/// previous ones are written, so memory stays at a few batches (one per writer connection and as many waiting) whatever
/// the number of subjects.
/// </summary>
public static class DemoSeeder
{
    public const int ChunkSize = 1_000;
    public const int BatchSize = 2_000;

    /// <summary>
    /// Connections writing batches side by side on PostgreSQL. Each COPY leaves its
    /// connection idle at the table boundaries (the server finishing one table before the next begins); a third
    /// connection fills those gaps on two cores (600 000 subjects: 49.4 s with two, 46.3–47.2 s with three, 45.7 s with four).
    /// </summary>
    public const int PostgresWriters = 3;

    /// <summary>The data categories, in order: customers first, then categories that add data about them.</summary>
    public static IReadOnlyList<IDemoGenerator> Generators { get; } =
        [new CustomersGenerator(), new RelationshipsGenerator(), new MarketingGenerator(), new BillingGenerator(), new VehiclesGenerator()];

    /// <summary>The categories the generators fill, named in the <c>demo.seed</c> audit event.</summary>
    public static IReadOnlyList<DataCategory> SeededCategories { get; } =
    [
        Categories.Name, Categories.Address, Categories.Phone, Categories.Email, Categories.BankAccount, Categories.Role,
        Categories.SoleTrader, Categories.CustomerRelationship, Categories.OrderedServices, Categories.ContactHistory, Categories.Feedback,
        Categories.AdditionalInfo, Categories.MarketingPermission, Categories.Survey, Categories.MarketingEvent, Categories.WebBehaviour,
        Categories.Invoice, Categories.Payment, Categories.Collection, Categories.MetalCredit, Categories.VehicleScrapping,
        Categories.IdentityCode, Categories.SearchIndex,
    ];

    public static async Task<DemoSeedResult> SeedAsync(IServiceProvider services, int subjects, int seed, TextWriter output,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subjects);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        var codes = scope.ServiceProvider.GetRequiredService<ProtectedCodes>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var billing = scope.ServiceProvider.GetRequiredService<IOptions<BillingOptions>>().Value;
        var vehicles = scope.ServiceProvider.GetRequiredService<IOptions<Vehicles.VehiclesOptions>>().Value;
        var catalogue = DemoCatalogue.Create(now);
        var existing = await db.Set<Subject>().LongCountAsync(ct);

        // PostgreSQL ingests a COPY stream on one core, which bounds the rate: write batches side by side on several
        // connections. Batches only refer to their own rows and to the catalogue, which is committed first. SQLite has one writer.
        var scopes = new List<AsyncServiceScope>();
        var contexts = new List<RegisterDbContext> { db };
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var first = BulkWriter.For(db, db.Database.GetDbConnection());
            var writers = new List<BulkWriter> { first };
            if (db.Database.GetDbConnection() is NpgsqlConnection)
            {
                for (var i = 1; i < PostgresWriters; i++)
                {
                    var writerScope = services.CreateAsyncScope();
                    scopes.Add(writerScope);
                    var other = writerScope.ServiceProvider.GetRequiredService<RegisterDbContext>();
                    await other.Database.OpenConnectionAsync(ct);
                    contexts.Add(other);
                    writers.Add(BulkWriter.For(other, other.Database.GetDbConnection()));
                }
            }

            var watch = Stopwatch.StartNew();
            var written = 0;
            var shared = new DemoBatch();
            catalogue.AddTo(shared);
            await first.WriteAsync(shared, ct);

            // An empty PostgreSQL register loads without its secondary indexes and builds them once at the end.
            var deferred = existing == 0 && db.Database.GetDbConnection() is NpgsqlConnection npgsql
                ? await DeferredIndexes.DropAsync(npgsql, ct)
                : null;

            var batches = Channel.CreateBounded<DemoBatch>(writers.Count);
            long generating = 0, writing = 0;
            var producer = Task.Run(async () =>
            {
                try
                {
                    for (var start = 0; start < subjects; start += BatchSize)
                    {
                        var started = Stopwatch.GetTimestamp();
                        var batch = GenerateBatch(seed, start, Math.Min(BatchSize, subjects - start), existing, codes, now, catalogue, billing, vehicles);
                        Interlocked.Add(ref generating, Stopwatch.GetElapsedTime(started).Ticks);
                        await batches.Writer.WriteAsync(batch, ct);
                    }

                    batches.Writer.Complete();
                }
                catch (Exception ex)
                {
                    batches.Writer.Complete(ex);
                }
            }, ct);

            long rows = shared.RowCount;
            using var progress = new SemaphoreSlim(1);
            var loading = Task.WhenAll(writers.Select(async writer =>
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                {
                    var writeStarted = Stopwatch.GetTimestamp();
                    await writer.WriteAsync(batch, ct);
                    await progress.WaitAsync(ct);
                    try
                    {
                        writing += Stopwatch.GetElapsedTime(writeStarted).Ticks;
                        written += batch.Subjects;
                        rows += batch.RowCount;
                        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"  {written,10:N0} / {subjects:N0} subjects, {rows:N0} rows, {written / watch.Elapsed.TotalSeconds:N0} subjects/s "
                            + $"(generating {TimeSpan.FromTicks(Interlocked.Read(ref generating)).TotalSeconds:N1} s, "
                            + $"writing {TimeSpan.FromTicks(writing).TotalSeconds:N1} s on {writers.Count} connections)"));
                    }
                    finally
                    {
                        progress.Release();
                    }
                }
            }));
            try
            {
                await loading;
                await producer;
            }
            finally
            {
                if (deferred is not null)
                {
                    // Built again even after a failed load, so the register is never left without them.
                    var building = Stopwatch.StartNew();
                    await deferred.RebuildAsync([.. contexts.Select(c => (NpgsqlConnection)c.Database.GetDbConnection())], CancellationToken.None);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {deferred.Count} secondary indexes built after the load in {building.Elapsed.TotalSeconds:N1} s"));
                }
            }

            var result = new DemoSeedResult(written, rows, watch.Elapsed);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {result.Subjects:N0} subjects ({result.Rows:N0} rows, {result.RowsPerSubject:N1} per subject) in "
                + $"{result.Elapsed.TotalSeconds:N1} s: {result.SubjectsPerSecond:N0} subjects/s, {result.RowsPerSecond:N0} rows/s."));

            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.WriteAsync(new AuditEntry("demo.seed", Purposes.Development, EntityType: "subject",
                Fields: [.. SeededCategories.Select(c => c.Id)]), ct);
            return result;
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.Database.CloseConnectionAsync();
            }

            foreach (var other in scopes)
            {
                await other.DisposeAsync();
            }
        }
    }

    /// <summary>Generates the chunks of one batch in parallel; each chunk's content depends only on the seed and its number.</summary>
    public static DemoBatch GenerateBatch(int seed, int start, int count, long existingSubjects, ProtectedCodes codes, DateTime now,
        DemoCatalogue? catalogue = null, BillingOptions? billing = null, Vehicles.VehiclesOptions? vehicles = null)
    {
        var chunkCount = (count + ChunkSize - 1) / ChunkSize;
        var chunks = new DemoBatch[chunkCount];
        Parallel.For(0, chunkCount, i =>
        {
            var first = start + (i * ChunkSize);
            chunks[i] = GenerateChunk(seed, first / ChunkSize, Math.Min(ChunkSize, count - (i * ChunkSize)), existingSubjects + first, codes, now,
                catalogue, billing, vehicles);
        });

        var batch = new DemoBatch();
        foreach (var chunk in chunks)
        {
            batch.Merge(chunk);
        }

        return batch;
    }

    public static DemoBatch GenerateChunk(int seed, int chunkNumber, int subjects, long firstPosition, ProtectedCodes codes, DateTime now,
        DemoCatalogue? catalogue = null, BillingOptions? billing = null, Vehicles.VehiclesOptions? vehicles = null)
    {
        var faker = new Faker("fi") { Random = new Randomizer(unchecked((seed * 1_000_003) + chunkNumber)) };
        var chunk = new DemoChunk(faker, codes, now, firstPosition, subjects, catalogue, billing, vehicles);
        foreach (var generator in Generators)
        {
            generator.Generate(chunk);
        }

        return chunk.Rows;
    }
}
