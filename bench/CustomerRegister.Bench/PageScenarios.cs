using CustomerRegister.Search;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRegister.Bench;

/// <summary>
/// The staff pages' targets (issue 14): the person page's server time, search as you type, and 16 staff clients on a
/// mix of pages. Pages are fetched as HTML with the staff member's bearer token, which the pages accept like the cookie.
/// </summary>
internal sealed partial class Scenarios
{
    /// <summary>The seeded person with the most rows in the main subject tables: the heaviest person page.</summary>
    public async Task<Guid> LargestPersonAsync()
    {
        await using var command = sql.CreateCommand("""
            SELECT subject_id FROM (
                SELECT subject_id FROM contact_history UNION ALL SELECT subject_id FROM feedback
                UNION ALL SELECT subject_id FROM marketing_consents UNION ALL SELECT subject_id FROM invoices WHERE subject_id IS NOT NULL
                UNION ALL SELECT subject_id FROM event_invitations UNION ALL SELECT subject_id FROM metal_credit_payouts) t
            GROUP BY subject_id ORDER BY count(*) DESC LIMIT 1
            """);
        command.CommandTimeout = 0;
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public async Task<Row> PersonPageAsync(HttpClient staff, Guid largest)
    {
        var app = await Measure.RunAsync(options.Requests, WarmUp, 1, async _ => await Ok(await staff.GetAsync($"/subjects/{largest}")));
        var floorQueries = await SubjectTablesAsync();
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async _ => await SubjectFloorAsync(floorQueries, largest));
        return Report("person page (largest, HTML)", app, floor, "p95 ≤ 50 ms", app.P95 <= 50);
    }

    /// <summary>A name typed letter by letter from the second on, eight suggestions each: what the search box asks while typing.</summary>
    public async Task<Row> SearchAsYouTypeAsync(HttpClient staff)
    {
        var prefixes = sample.People.SelectMany(p => Enumerable.Range(2, Math.Max(0, Math.Min(6, p.LastName.Length) - 1))
            .Select(n => p.LastName[..n])).ToList();
        string Prefix(int i) => prefixes[i % prefixes.Count];
        var app = await Measure.RunAsync(options.Requests, WarmUp, 1, async i =>
            await Ok(await staff.GetAsync($"/api/search?q={Uri.EscapeDataString(Prefix(i))}&limit=8")));
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async i => await SearchFloorAsync(SearchIndex.NameField, SearchText.Fold(Prefix(i)), 8));
        return Report("search as you type (limit 8)", app, floor, "p95 ≤ 30 ms", app.P95 <= 30);
    }

    /// <summary>
    /// 16 staff clients, each request one of: customer service's start page, the search page, a person page, billing's
    /// invoice list (<c>/billing</c>, or billing's start page where that page is not built). Any error fails the target.
    /// </summary>
    public async Task<Row> MixedPagesAsync(HttpClient service, HttpClient billing)
    {
        var invoiceList = (await billing.GetAsync("/billing")).IsSuccessStatusCode ? "/billing" : "/";
        Console.WriteLine($"mixed pages: the invoice list is {(invoiceList == "/" ? "billing's start page (no /billing yet)" : "/billing")}");
        var errors = 0;
        string[] kinds = ["start page", "search page", "person page", invoiceList == "/" ? "billing start" : "billing desk"];
        var byKind = kinds.Select(_ => new System.Collections.Concurrent.ConcurrentBag<double>()).ToArray();
        async Task Page(HttpClient client, string url, int kind)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var response = await client.GetAsync(url);
            await response.Content.LoadIntoBufferAsync();
            byKind[kind].Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
            }
        }

        string Name(int i) => sample.People[i % sample.People.Count].LastName;
        Guid Subject(int i) => sample.Subjects[i % sample.Subjects.Count];
        Task Mixed(int i) => (i % 4) switch
        {
            0 => Page(service, "/", 0),
            1 => Page(service, $"/search?q={Uri.EscapeDataString(Name(i)[..Math.Min(4, Name(i).Length)])}", 1),
            2 => Page(service, $"/subjects/{Subject(i)}", 2),
            _ => Page(billing, invoiceList, 3),
        };

        // Each page alone first (one client: its own cost), then all of them by 16 clients (what the target is about).
        await Measure.RunAsync(Math.Min(400, options.Requests), WarmUp, 1, Mixed);
        Console.WriteLine("mixed pages, one client:  " + Breakdown(kinds, byKind));
        foreach (var bag in byKind)
        {
            bag.Clear();
        }

        var app = await Measure.RunAsync(options.Requests, WarmUp, options.Clients, Mixed);
        Console.WriteLine($"mixed pages, {options.Clients} clients: " + Breakdown(kinds, byKind));

        // The same reads in plain SQL by as many clients: the start page's two lists, the search, the person's tables, the
        // overdue and open invoices with their counts; each with its audit row.
        var floorQueries = await SubjectTablesAsync();
        var floor = await Measure.RunAsync(options.Requests, WarmUp, options.Clients, async i =>
        {
            switch (i % 4)
            {
                case 0:
                    await PlainAsync("""
                        SELECT id, subject_id, occurred_at, channel, direction, summary FROM contact_history ORDER BY occurred_at DESC, id DESC LIMIT 9;
                        SELECT id, subject_id, received_at, channel, text, rating FROM feedback WHERE NOT handled ORDER BY received_at DESC, id DESC LIMIT 9;
                        """, "contact_history.list");
                    break;
                case 1:
                    await SearchFloorAsync(SearchIndex.NameField, SearchText.Fold(Name(i)[..Math.Min(4, Name(i).Length)]), SearchQueries.MaxResults);
                    break;
                case 2:
                    await SubjectFloorAsync(floorQueries, Subject(i));
                    break;
                default:
                    await PlainAsync("""
                        SELECT count(*) FROM invoices WHERE status = 'Open' AND due_date < current_date;
                        SELECT id, invoice_number, billing_name, due_date, amount FROM invoices WHERE status = 'Open' AND due_date < current_date ORDER BY due_date DESC, id DESC LIMIT 9;
                        SELECT count(*) FROM invoices WHERE status = 'Open' AND due_date >= current_date;
                        SELECT id, invoice_number, billing_name, due_date, amount FROM invoices WHERE status = 'Open' AND due_date >= current_date ORDER BY due_date, id LIMIT 9;
                        """, "invoice.list");
                    break;
            }
        });
        var pass = app.P95 <= 150 && errors == 0;
        var row = Report($"mixed pages ({options.Clients} clients)", app, floor, "p95 ≤ 150 ms, no errors", pass);
        Console.WriteLine($"mixed pages: {errors} errors");
        return row with { App = row.App + $", {errors} errors" };
    }

    /// <summary>p95 per page kind, to see which page of the mix is the slow one.</summary>
    private static string Breakdown(string[] kinds, System.Collections.Concurrent.ConcurrentBag<double>[] byKind) =>
        string.Join(", ", kinds.Select((kind, k) =>
        {
            var sorted = byKind[k].ToArray();
            Array.Sort(sorted);
            return sorted.Length == 0 ? $"{kind} -" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{kind} p50 {sorted[sorted.Length / 2]:F1} p95 {sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * 0.95) - 1)]:F1} ms");
        }));

    private async Task PlainAsync(string text, string action)
    {
        await using var connection = await sql.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(text, connection))
        {
            await DrainAsync(command);
        }

        await AuditAsync(connection, action, null, "");
    }

    private async Task SubjectFloorAsync(List<string> floorQueries, Guid subject)
    {
        await using var connection = await sql.OpenConnectionAsync();
        foreach (var text in floorQueries)
        {
            await using var command = new NpgsqlCommand(text, connection);
            command.Parameters.AddWithValue("id", NpgsqlDbType.Uuid, subject);
            await DrainAsync(command);
        }

        await AuditAsync(connection, "subject.read", subject, "contact.name,contact.address,contact.phone,contact.email");
    }

    private async Task SearchFloorAsync(string field, string term, int size)
    {
        await using var connection = await sql.OpenConnectionAsync();
        var ids = new List<Guid>();
        await using (var command = new NpgsqlCommand("""
            SELECT target_id FROM search_entries WHERE field = @field AND term >= @low AND term < @high
            ORDER BY sort_key, target_id LIMIT @limit
            """, connection))
        {
            command.Parameters.AddWithValue("field", field);
            command.Parameters.AddWithValue("low", term);
            command.Parameters.AddWithValue("high", SearchText.PrefixUpperBound(term));
            command.Parameters.AddWithValue("limit", size * 3);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        await using (var command = new NpgsqlCommand("""
            SELECT id, last_name, first_name FROM consumers WHERE id = ANY(@ids);
            SELECT c.id, c.last_name, c.first_name, o.name FROM contact_persons c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ANY(@ids);
            SELECT id, name FROM organisations WHERE id = ANY(@ids);
            """, connection))
        {
            command.Parameters.AddWithValue("ids", ids.Distinct().Take(size).ToArray());
            await DrainAsync(command);
        }

        await AuditAsync(connection, "search", null, field);
    }
}
