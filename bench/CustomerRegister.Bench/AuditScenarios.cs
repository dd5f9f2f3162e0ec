using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRegister.Bench;

/// <summary>
/// The audit trail at scale (issue 15): <c>--audit-events</c> events (default 10 000 000) are added by set-based inserts
/// on the server, sealed by the application's own sealer, and then the auditor reads one person's events — the
/// <c>/audit?person=</c> page and <c>GET /api/audit?subjectId=</c> — for random seeded people.
/// </summary>
internal sealed partial class Scenarios
{
    /// <summary>Actions and purposes the synthetic events cycle through (most are reads, as in service).</summary>
    private static readonly (string Action, string Purpose)[] AuditMix =
    [
        ("subject.read", "customer_relationship"), ("subject.read", "customer_relationship"), ("search", "customer_relationship"),
        ("contact_history.list", "customer_relationship"), ("contact_history.create", "customer_relationship"),
        ("invoice.list", "invoicing_and_contracts"), ("invoice.read", "invoicing_and_contracts"), ("consumer.update", "customer_relationship"),
        ("marketing.consent.read", "sales_and_marketing"), ("auth.login", "security"), ("request.read", "data_subject_rights"),
        ("consumer.reveal", "invoicing_and_contracts"),
    ];

    public async Task<IReadOnlyList<Row>> AuditByPersonAsync(HttpClient auditor)
    {
        await SeedAuditEventsAsync(options.AuditEvents);
        await WaitForSealsAsync();

        Guid Subject(int i) => sample.Subjects[i % sample.Subjects.Count];
        var page = await Measure.RunAsync(options.Requests, WarmUp, 1, async i => await Ok(await auditor.GetAsync($"/audit?person={Subject(i)}")));
        var api = await Measure.RunAsync(options.Requests, WarmUp, 1, async i => await Ok(await auditor.GetAsync($"/api/audit?subjectId={Subject(i)}")));

        // The floor: the person's newest page of events by the (subject_id, id) index, and the audit row of the read.
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async i =>
        {
            await using var connection = await sql.OpenConnectionAsync();
            await using (var command = new NpgsqlCommand("""
                SELECT id, occurred_at, actor_kind, actor_id, action, purpose, subject_id, entity_type, entity_id, fields, outcome,
                       correlation_id, grants
                FROM audit_events WHERE subject_id = @s ORDER BY id DESC LIMIT 101
                """, connection))
            {
                command.Parameters.AddWithValue("s", NpgsqlDbType.Uuid, Subject(i));
                await DrainAsync(command);
            }

            await AuditAsync(connection, "audit.read", Subject(i), "");
        });

        // The other filters alone: an action and a purpose (the (action, id) and (purpose, id) indexes), a month a year ago.
        var monthAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1);
        var filters = new[]
        {
            "action=consumer.reveal", "purpose=data_subject_rights",
            $"from={monthAgo:yyyy-MM-dd}&to={monthAgo.AddMonths(1):yyyy-MM-dd}",
        };
        var byFilter = await Measure.RunAsync(options.Requests, WarmUp, 1, async i => await Ok(await auditor.GetAsync($"/audit?{filters[i % filters.Length]}")));
        var filterFloor = await Measure.RunAsync(options.Requests, WarmUp, 1, async i =>
        {
            await using var connection = await sql.OpenConnectionAsync();
            var where = (i % filters.Length) switch
            {
                0 => "action = 'consumer.reveal'",
                1 => "purpose = 'data_subject_rights'",
                _ => "occurred_at >= @from AND occurred_at < @to",
            };
            await using (var command = new NpgsqlCommand($"SELECT id, occurred_at, action, purpose, subject_id FROM audit_events WHERE {where} ORDER BY id DESC LIMIT 101", connection))
            {
                command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, monthAgo.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, monthAgo.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                await DrainAsync(command);
            }

            await AuditAsync(connection, "audit.read", null, "");
        });
        return
        [
            Report($"audit by person, page ({options.AuditEvents:N0} events)", page, floor, "p95 ≤ 50 ms", page.P95 <= 50),
            Report("audit by person, API", api, floor, "p95 ≤ 50 ms", api.P95 <= 50),
            Report("audit by action, purpose or month alone, page", byFilter, filterFloor, "p95 ≤ 50 ms", byFilter.P95 <= 50),
        ];
    }

    /// <summary>
    /// Adds <paramref name="count"/> events in statements of 200 000 rows (each shorter than the sealer's lock wait), generated on the server: two years of events
    /// in id order, a fifth without a person (sign-ins, searches), the rest spread over the seeded people with a skew
    /// (some people are looked at far more than others), 300 staff members as actors.
    /// </summary>
    private async Task SeedAuditEventsAsync(long count)
    {
        var started = Stopwatch.StartNew();
        await using var connection = await sql.OpenConnectionAsync();
        await using (var setup = new NpgsqlCommand("""
            SET work_mem = '256MB';
            DROP TABLE IF EXISTS bench_audit_people;
            CREATE UNLOGGED TABLE bench_audit_people AS SELECT (row_number() OVER ())::int AS n, id FROM subjects;
            ALTER TABLE bench_audit_people ADD PRIMARY KEY (n);
            ANALYZE bench_audit_people;
            """, connection))
        {
            setup.CommandTimeout = 0;
            await setup.ExecuteNonQueryAsync();
        }

        var actions = AuditMix.Select(m => m.Action).ToArray();
        var purposes = AuditMix.Select(m => m.Purpose).ToArray();
        const long Chunk = 200_000;
        for (long from = 0; from < count; from += Chunk)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO audit_events (occurred_at, actor_kind, actor_id, action, purpose, subject_id, entity_type, entity_id, fields, outcome)
                SELECT now() - interval '730 days' + (x.g::double precision / @total) * interval '730 days',
                       'user',
                       ('00000000-0000-4000-8000-' || lpad(to_hex(x.g % 300), 12, '0'))::uuid,
                       (@actions::text[])[1 + x.g % @kinds],
                       (@purposes::text[])[1 + x.g % @kinds],
                       p.id,
                       CASE WHEN p.id IS NULL THEN NULL ELSE 'subject' END,
                       p.id::text,
                       CASE WHEN p.id IS NULL THEN '' ELSE 'contact.name,contact.phone,contact.email' END,
                       'ok'
                FROM (SELECT g, CASE WHEN g % 5 = 0 THEN NULL
                                     ELSE 1 + floor((SELECT count(*) FROM bench_audit_people) * random() ^ 2)::int END AS n
                      FROM generate_series(@from, @to) g) x
                LEFT JOIN bench_audit_people p ON p.n = x.n
                ORDER BY x.g
                """, connection);
            insert.CommandTimeout = 0;
            insert.Parameters.AddWithValue("total", (double)count);
            insert.Parameters.AddWithValue("actions", actions);
            insert.Parameters.AddWithValue("purposes", purposes);
            insert.Parameters.AddWithValue("kinds", actions.Length);
            insert.Parameters.AddWithValue("from", from);
            insert.Parameters.AddWithValue("to", Math.Min(count, from + Chunk) - 1);
            await insert.ExecuteNonQueryAsync();
            Console.WriteLine($"  audit events: {Math.Min(count, from + Chunk):N0} of {count:N0} after {started.Elapsed.TotalSeconds:F0} s");
        }

        foreach (var statement in new[] { "DROP TABLE bench_audit_people", "VACUUM (ANALYZE) audit_events" })
        {
            await using var done = new NpgsqlCommand(statement, connection);
            done.CommandTimeout = 0;
            await done.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"audit events: {count:N0} added in {started.Elapsed.TotalSeconds:F1} s ({count / started.Elapsed.TotalSeconds:N0}/s)");
    }

    /// <summary>Waits (untimed) until the application's background sealer has chained the added events, as in service.</summary>
    private async Task WaitForSealsAsync()
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            await using var command = sql.CreateCommand(
                "SELECT count(*) FROM audit_events WHERE id > (SELECT coalesce(max(last_event_id), 0) FROM audit_seals)");
            command.CommandTimeout = 0;
            var pending = (long)(await command.ExecuteScalarAsync())!;
            if (pending < 10_000)
            {
                Console.WriteLine($"audit events: sealed by the application in {started.Elapsed.TotalSeconds:F0} s");
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }
}
