using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CustomerRegister.Finnish;
using CustomerRegister.Search;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRegister.Bench;

/// <summary>Each scenario through HTTP, and the same work in plain SQL on the same database as the floor.</summary>
internal sealed class Scenarios(HttpClient http, NpgsqlDataSource sql, Sample sample, BenchOptions options)
{
    private const int WarmUp = 100;

    public async Task<Row> SearchAsync()
    {
        string Query(int i)
        {
            var (lastName, phone) = sample.People[i % sample.People.Count];
            return i % 2 == 0 ? lastName[..Math.Min(4, lastName.Length)] : phone;
        }

        var app = await Measure.RunAsync(options.Requests, WarmUp, 1, async i =>
            await Ok(await http.GetAsync($"/api/search?q={Uri.EscapeDataString(Query(i))}")));

        // The same index range scan, joins and ordering by name, without HTTP, authorisation, audit or JSON.
        const string Floor = """
            SELECT e.target_id, COALESCE(c.last_name, p.last_name, o.name)
            FROM (SELECT DISTINCT target_id FROM search_entries WHERE field = @field AND term >= @low AND term < @high LIMIT 2000) e
            LEFT JOIN consumers c ON c.id = e.target_id
            LEFT JOIN contact_persons p ON p.id = e.target_id
            LEFT JOIN organisations o ON o.id = e.target_id
            ORDER BY 2
            LIMIT 20
            """;
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async i =>
        {
            var q = Query(i);
            var (field, term) = i % 2 == 0
                ? (SearchIndex.NameField, SearchText.Fold(q))
                : (SearchIndex.PhoneField, SearchIndex.PhoneTerm(PhoneNumber.NormalizeForSearch(q)!));
            await using var command = sql.CreateCommand(Floor);
            command.Parameters.AddWithValue("field", field);
            command.Parameters.AddWithValue("low", term);
            command.Parameters.AddWithValue("high", SearchText.PrefixUpperBound(term));
            await DrainAsync(command);
        });
        return Report("search (name prefix, phone)", app, floor, "p95 ≤ 30 ms", app.P95 <= 30);
    }

    public async Task<Row> PictureAsync()
    {
        Guid Subject(int i) => sample.Subjects[i % sample.Subjects.Count];
        var app = await Measure.RunAsync(options.Requests, WarmUp, 1, async i => await Ok(await http.GetAsync($"/api/subjects/{Subject(i)}")));

        // The rows the picture shows, selected by subject key from each table, one statement after another as the app does.
        string[] floorQueries =
        [
            "SELECT * FROM subjects WHERE id = @id",
            "SELECT * FROM consumers WHERE subject_id = @id",
            "SELECT c.*, o.name FROM contact_persons c JOIN organisations o ON o.id = c.organisation_id WHERE c.subject_id = @id",
            "SELECT * FROM organisations WHERE subject_id = @id",
        ];
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async i =>
        {
            await using var connection = await sql.OpenConnectionAsync();
            foreach (var text in floorQueries)
            {
                await using var command = new NpgsqlCommand(text, connection);
                command.Parameters.AddWithValue("id", NpgsqlDbType.Uuid, Subject(i));
                await DrainAsync(command);
            }
        });
        var pass = app.P95 <= 20 && app.P95 <= 3 * floor.P95;
        return Report("subject picture", app, floor, "p95 ≤ 20 ms, ≤ 3× floor", pass);
    }

    public async Task<Row> CreateConsumersAsync()
    {
        static object Body(int i) => new
        {
            firstName = "Bench",
            lastName = "Kuormitus" + i.ToString(CultureInfo.InvariantCulture),
            street = "Testikatu 1",
            postalCode = "00100",
            city = "Helsinki",
            phone = $"040 {i % 10_000_000:D7}",
            email = $"bench{i}@example.com",
            bankAccount = Iban.CreateFinnish($"{i % 10_000_000_000_000L:D13}").Value,
            source = "Consumer",
        };

        var app = await Measure.RunAsync(options.Creates, WarmUp, options.Clients, async i =>
        {
            var response = await http.PostAsJsonAsync("/api/consumers", Body(i));
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST /api/consumers answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        });

        // The same rows in plain SQL: subject, consumer (no encryption) and four search entries in one transaction.
        var floor = await Measure.RunAsync(options.Creates, WarmUp, options.Clients, async i =>
        {
            var subject = Guid.CreateVersion7();
            var consumer = Guid.CreateVersion7();
            var now = DateTime.UtcNow;
            await using var connection = await sql.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("INSERT INTO subjects (id, kind, created_at) VALUES ($1, 'Consumer', $2)")
                    {
                        Parameters = { new() { Value = subject }, new() { Value = now } },
                    },
                    new NpgsqlBatchCommand("""
                        INSERT INTO consumers (id, subject_id, source, created_at, updated_at, version, first_name, last_name, phone, email)
                        VALUES ($1, $2, 'Consumer', $3, $3, 1, 'Floor', $4, $5, $6)
                        """)
                    {
                        Parameters =
                        {
                            new() { Value = consumer }, new() { Value = subject }, new() { Value = now },
                            new() { Value = "Lattia" + i }, new() { Value = "+35840" + (i % 10_000_000).ToString("D7", CultureInfo.InvariantCulture) },
                            new() { Value = $"floor{i}@example.com" },
                        },
                    },
                    new NpgsqlBatchCommand("""
                        INSERT INTO search_entries (term, field, target_kind, target_id, subject_id)
                        VALUES ('floor', 'name', 'Consumer', $1, $2), ('lattia' || $3, 'name', 'Consumer', $1, $2),
                               ($4, 'phone', 'Consumer', $1, $2), ($5, 'email', 'Consumer', $1, $2)
                        """)
                    {
                        Parameters =
                        {
                            new() { Value = consumer }, new() { Value = subject }, new() { Value = i.ToString(CultureInfo.InvariantCulture) },
                            new() { Value = "35840" + (i % 10_000_000).ToString("D7", CultureInfo.InvariantCulture) },
                            new() { Value = $"floor{i}@example.com" },
                        },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
        return Report($"create consumer ({options.Clients} clients)", app, floor, "≥ 500/s", app.PerSecond >= 500);
    }

    private static Row Report(string name, Latencies app, Latencies floor, string target, bool pass)
    {
        Console.WriteLine($"{name}: {app.Count} requests, {app.Describe()}, {app.PerSecond:N0}/s; plain SQL {floor.Describe()}, {floor.PerSecond:N0}/s");
        return new Row(name, $"n={app.Count} {app.Describe()}", $"{app.PerSecond:N0}/s", $"{floor.Describe()} ({floor.PerSecond:N0}/s)", target, pass);
    }

    private static async Task Ok(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}.");
        }

        await response.Content.LoadIntoBufferAsync();
    }

    private static async Task DrainAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }
}
