using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Finnish;
using CustomerRegister.Search;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRegister.Bench;

/// <summary>Each scenario through HTTP, and the same work in plain SQL on the same database as the floor.</summary>
internal sealed partial class Scenarios(HttpClient http, NpgsqlDataSource sql, Sample sample, BenchOptions options)
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

        // The same work in plain SQL: the covering-index range scan ordered by name, the page's rows by id, and the
        // audit event the app writes for every search; without HTTP, authorisation, EF or JSON.
        const string Page = """
            SELECT target_id FROM search_entries WHERE field = @field AND term >= @low AND term < @high
            ORDER BY sort_key, target_id LIMIT 60
            """;
        const string Describe = """
            SELECT id, last_name, first_name FROM consumers WHERE id = ANY(@ids);
            SELECT c.id, c.last_name, c.first_name, o.name FROM contact_persons c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ANY(@ids);
            SELECT id, name FROM organisations WHERE id = ANY(@ids);
            """;
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async i =>
        {
            var q = Query(i);
            var (field, term) = i % 2 == 0
                ? (SearchIndex.NameField, SearchText.Fold(q))
                : (SearchIndex.PhoneField, SearchIndex.PhoneTerm(PhoneNumber.NormalizeForSearch(q)!));
            await using var connection = await sql.OpenConnectionAsync();
            var ids = new List<Guid>();
            await using (var command = new NpgsqlCommand(Page, connection))
            {
                command.Parameters.AddWithValue("field", field);
                command.Parameters.AddWithValue("low", term);
                command.Parameters.AddWithValue("high", SearchText.PrefixUpperBound(term));
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetGuid(0));
                }
            }

            await using (var command = new NpgsqlCommand(Describe, connection))
            {
                command.Parameters.AddWithValue("ids", ids.Distinct().Take(20).ToArray());
                await DrainAsync(command);
            }

            await AuditAsync(connection, "search", null, field);
        });
        return Report("search (name prefix, phone)", app, floor, "p95 ≤ 30 ms", app.P95 <= 30);
    }

    public async Task<Row> PictureAsync()
    {
        Guid Subject(int i) => sample.Subjects[i % sample.Subjects.Count];
        var app = await Measure.RunAsync(options.Requests, WarmUp, 1, async i => await Ok(await http.GetAsync($"/api/subjects/{Subject(i)}")));

        // The same work in plain SQL: every table that carries the subject key read by that key (the app reads the same
        // tables, section by section), the organisations of contact roles, and the audit event of the read.
        var floorQueries = await SubjectTablesAsync();
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async i =>
        {
            await using var connection = await sql.OpenConnectionAsync();
            foreach (var text in floorQueries)
            {
                await using var command = new NpgsqlCommand(text, connection);
                command.Parameters.AddWithValue("id", NpgsqlDbType.Uuid, Subject(i));
                await DrainAsync(command);
            }

            await AuditAsync(connection, "subject.read", Subject(i), "contact.name,contact.address,contact.phone,contact.email");
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

        // The same rows in plain SQL: subject, consumer (no encryption), four search entries and the audit event in one
        // transaction.
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
            await AuditAsync(connection, "consumer.create", subject, "first_name,last_name,phone,email", transaction);
            await transaction.CommitAsync();
        });
        return Report($"create consumer ({options.Clients} clients)", app, floor, "≥ 500/s", app.PerSecond >= 500);
    }

    /// <summary>
    /// The Art 15 access report (JSON) of one person with 2 000 items (issue target: p95 ≤ 100 ms, not growing with the
    /// register). The items are contact-history entries added in plain SQL to a seeded consumer.
    /// </summary>
    public async Task<Row> AccessReportAsync(HttpClient dpo)
    {
        const int Items = 2_000;
        var subject = sample.Subjects[0];
        await using (var insert = sql.CreateCommand("""
            INSERT INTO contact_history (id, subject_id, source, created_at, updated_at, version, channel, direction, occurred_at, summary)
            SELECT gen_random_uuid(), @subject, 'OwnSystems', now(), now(), 1, 'Phone', 'Inbound', now() - g * interval '1 hour',
                   'Asiakas kysyi noudosta, puhelu ' || g
            FROM generate_series(1, @items) g
            """))
        {
            insert.Parameters.AddWithValue("subject", NpgsqlDbType.Uuid, subject);
            insert.Parameters.AddWithValue("items", Items);
            await insert.ExecuteNonQueryAsync();
        }

        var requests = Math.Max(20, options.Requests / 20);
        var app = await Measure.RunAsync(requests, 5, 1, async _ =>
            await Ok(await dpo.GetAsync($"/api/subjects/{subject}/access-report?format=json&lang=fi")));

        // The floor: the same rows by subject key from every table, the person's audit events, and the audit insert.
        var floorQueries = await SubjectTablesAsync();
        floorQueries.Add("SELECT * FROM audit_events WHERE subject_id = @id");
        var floor = await Measure.RunAsync(requests, 5, 1, async _ =>
        {
            await using var connection = await sql.OpenConnectionAsync();
            foreach (var text in floorQueries)
            {
                await using var command = new NpgsqlCommand(text, connection);
                command.Parameters.AddWithValue("id", NpgsqlDbType.Uuid, subject);
                await DrainAsync(command);
            }

            await AuditAsync(connection, "access_report.generate", subject, "customer.contact_history");
        });
        return Report($"access report ({Items} items, JSON)", app, floor, "p95 ≤ 100 ms", app.P95 <= 100);
    }

    /// <summary>
    /// The erasure dry run of one person with 2 000 items (issue 15 target: p95 ≤ 200 ms): the DPO's preview of what the
    /// erasure would delete, empty, anonymise and keep, read without writing, so the same matched request is asked again
    /// and again. The items are contact-history entries added in plain SQL to a seeded consumer (not the report's).
    /// </summary>
    public async Task<Row> ErasurePreviewAsync(HttpClient dpo)
    {
        const int Items = 2_000;
        Guid subject;
        await using (var pick = sql.CreateCommand("SELECT subject_id FROM consumers WHERE subject_id <> @taken ORDER BY subject_id DESC LIMIT 1"))
        {
            pick.Parameters.AddWithValue("taken", NpgsqlDbType.Uuid, sample.Subjects[0]);
            subject = (Guid)(await pick.ExecuteScalarAsync())!;
        }

        await using (var insert = sql.CreateCommand("""
            INSERT INTO contact_history (id, subject_id, source, created_at, updated_at, version, channel, direction, occurred_at, summary)
            SELECT gen_random_uuid(), @subject, 'OwnSystems', now(), now(), 1, 'Phone', 'Inbound', now() - g * interval '1 hour',
                   'Asiakas kysyi noudosta, puhelu ' || g
            FROM generate_series(1, @items) g
            """))
        {
            insert.Parameters.AddWithValue("subject", NpgsqlDbType.Uuid, subject);
            insert.Parameters.AddWithValue("items", Items);
            await insert.ExecuteNonQueryAsync();
        }

        var created = await dpo.PostAsJsonAsync("/api/requests", new { type = "Erasure", channel = "Phone", requesterName = "Bench", text = "Erase me" });
        await Ok(created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Ok(await dpo.PostAsJsonAsync($"/api/requests/{id}/match", new { subjectId = subject }));

        var requests = Math.Max(20, options.Requests / 20);
        var app = await Measure.RunAsync(requests, 5, 1, async _ => await Ok(await dpo.GetAsync($"/api/requests/{id}/erasure-preview")));

        // The floor: the person's rows counted by subject key in every table that carries it, the request read.
        var floorQueries = (await SubjectTablesAsync()).Select(q => q.StartsWith("SELECT * FROM ", StringComparison.Ordinal)
            ? "SELECT COUNT(*) FROM " + q["SELECT * FROM ".Length..] : q).ToList();
        floorQueries.Add("SELECT COUNT(*) FROM search_entries WHERE subject_id = @id");
        var floor = await Measure.RunAsync(requests, 5, 1, async _ =>
        {
            await using var connection = await sql.OpenConnectionAsync();
            foreach (var text in floorQueries)
            {
                await using var command = new NpgsqlCommand(text, connection);
                command.Parameters.AddWithValue("id", NpgsqlDbType.Uuid, subject);
                await DrainAsync(command);
            }
        });
        return Report($"erasure dry run ({Items} items)", app, floor, "p95 ≤ 200 ms", app.P95 <= 200);
    }

    /// <summary>
    /// Erasure of one person with 2 000 items (issue target: ≤ 500 ms, not growing with the register): the whole
    /// request step, catalogue walk, deletes, restriction of what law keeps, certificate and audit in one transaction.
    /// Each run erases another seeded consumer given 2 000 contact-history entries in plain SQL beforehand.
    /// </summary>
    public async Task<Row> ErasureAsync(HttpClient dpo)
    {
        const int Items = 2_000;
        const int WarmUp = 2;
        var count = Math.Max(10, options.Requests / 100);
        var people = new List<Guid>();
        await using (var reader = await sql.CreateCommand(
            $"SELECT subject_id FROM consumers ORDER BY random() LIMIT {(2 * count) + WarmUp + 1}").ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                people.Add(reader.GetGuid(0));
            }
        }

        people.Remove(sample.Subjects[0]);
        foreach (var person in people)
        {
            await using var insert = sql.CreateCommand("""
                INSERT INTO contact_history (id, subject_id, source, created_at, updated_at, version, channel, direction, occurred_at, summary)
                SELECT gen_random_uuid(), @subject, 'OwnSystems', now(), now(), 1, 'Phone', 'Inbound', now() - g * interval '1 hour',
                       'Asiakas kysyi noudosta, puhelu ' || g
                FROM generate_series(1, @items) g
                """);
            insert.Parameters.AddWithValue("subject", NpgsqlDbType.Uuid, person);
            insert.Parameters.AddWithValue("items", Items);
            await insert.ExecuteNonQueryAsync();
        }

        // Requests are taken in, matched, verified and started outside the timing: only the erasure step is measured.
        var requests = new List<Guid>();
        foreach (var person in people.Take(count + WarmUp))
        {
            var created = await dpo.PostAsJsonAsync("/api/requests", new
            {
                type = "Erasure",
                channel = "Phone",
                requesterName = "Bench",
                text = "Erase me",
            });
            await Ok(created);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await Ok(await dpo.PostAsJsonAsync($"/api/requests/{id}/match", new { subjectId = person }));
            await Ok(await dpo.PostAsJsonAsync($"/api/requests/{id}/verify-identity", new { method = "StrongElectronicIdentification" }));
            await Ok(await dpo.PostAsJsonAsync($"/api/requests/{id}/start", new { }));
            requests.Add(id);
        }

        // Warm-up indexes follow the measured ones (Measure runs count..count+warmUp-1 first).
        var app = await Measure.RunAsync(count, WarmUp, 1, async i =>
            await Ok(await dpo.PostAsJsonAsync($"/api/requests/{requests[i]}/erase", new { })));

        // The floor: the same person's rows deleted and the profile emptied by subject key in one transaction, with the audit row.
        var floorPeople = people.Skip(count + WarmUp).ToList();
        var floor = await Measure.RunAsync(Math.Min(count, floorPeople.Count - WarmUp), WarmUp, 1, async i =>
        {
            await using var connection = await sql.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var text in new[]
                     {
                         "DELETE FROM contact_history WHERE subject_id = @id", "DELETE FROM search_entries WHERE subject_id = @id",
                         "DELETE FROM marketing_consents WHERE subject_id = @id", "DELETE FROM web_events WHERE subject_id = @id",
                         "DELETE FROM event_invitations WHERE subject_id = @id", "DELETE FROM additional_info WHERE subject_id = @id",
                         "UPDATE consumers SET first_name = '', last_name = '', email = NULL, phone = NULL, street = NULL, "
                         + "bank_account_cipher = NULL, bank_account_lookup = NULL, bank_account_masked = NULL WHERE subject_id = @id",
                     })
            {
                await using var command = new NpgsqlCommand(text, connection, transaction);
                command.Parameters.AddWithValue("id", NpgsqlDbType.Uuid, floorPeople[i]);
                await command.ExecuteNonQueryAsync();
            }

            await AuditAsync(connection, "request.erase", floorPeople[i], "customer.contact_history", transaction);
            await transaction.CommitAsync();
        });
        return Report($"erasure ({Items} items)", app, floor, "p95 ≤ 500 ms", app.P95 <= 500);
    }
}
