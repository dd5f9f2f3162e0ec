namespace CustomerRegister.Bench;

/// <summary>
/// The DPO's pages (issue 15): the request queue and the desk, as HTML with the DPO's bearer token, over requests seeded
/// here (the demo seed has none): one per hundred subjects, at least 2 000, a third closed, the open ones due from 45 days
/// ago to 45 days ahead, half assigned to nobody.
/// </summary>
internal sealed partial class Scenarios
{
    public async Task<int> SeedRequestsAsync()
    {
        var count = Math.Max(2_000, options.Subjects / 100);
        await using var command = sql.CreateCommand($"""
            INSERT INTO data_subject_requests (id, subject_id, type, channel, source, state, received_at, language, requester_name,
                requester_phone, original_due_date, due_date, created_at, updated_at, version, closed_at)
            SELECT gen_random_uuid(), NULL,
                (ARRAY['Access','Rectification','Erasure','Restriction','ObjectionToMarketing'])[1 + i % 5],
                (ARRAY['Phone','Letter','Visit','CustomerServiceMailbox'])[1 + i % 4], 'Consumer',
                CASE WHEN i % 3 = 0 THEN 'Completed' ELSE (ARRAY['Received','Matched','IdentityVerified','InProgress'])[1 + i % 4] END,
                now() - make_interval(days => 30 + (i % 90) - 45), 'fi', 'Pyytäjä ' || i, '+35840' || lpad(i::text, 7, '0'),
                current_date + ((i % 91) - 45), current_date + ((i % 91) - 45), now(), now(), 1,
                CASE WHEN i % 3 = 0 THEN now() END
            FROM generate_series(1, {count}) i
            """);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        await using var analyze = sql.CreateCommand("ANALYZE data_subject_requests");
        await analyze.ExecuteNonQueryAsync();
        return count;
    }

    /// <summary>The queue in turn: the first page, the overdue ones, one type and state, the second page; HTML.</summary>
    public async Task<Row> RequestQueueAsync(HttpClient dpo)
    {
        var first = await dpo.GetStringAsync("/requests");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" id=\"queue-next\"");
        var second = next.Groups[1].Success ? System.Net.WebUtility.HtmlDecode(next.Groups[1].Value) : "/requests";
        string[] pages = ["/requests", "/requests?due=Overdue", "/requests?type=Access&state=InProgress", second];
        var app = await Measure.RunAsync(options.Requests, WarmUp, 1, async i => await Ok(await dpo.GetAsync(pages[i % pages.Length])));
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async i => await PlainAsync((i % 4) switch
        {
            1 => QueueSql("AND due_date < current_date"),
            2 => QueueSql("AND type = 'Access' AND state = 'InProgress'"),
            _ => QueueSql(""),
        }, "request.list"));
        return Report("request queue (HTML)", app, floor, "p95 ≤ 100 ms", app.P95 <= 100);
    }

    /// <summary>The DPO's desk: the counts, the first requests by due date, restrictions, the last sweep, failed letters (the slow figures cached).</summary>
    public async Task<Row> DpoDeskAsync(HttpClient dpo)
    {
        await Ok(await dpo.GetAsync("/dpo"));
        var app = await Measure.RunAsync(options.Requests, WarmUp, 1, async _ => await Ok(await dpo.GetAsync("/dpo")));
        var floor = await Measure.RunAsync(options.Requests, WarmUp, 1, async _ => await PlainAsync($"""
            SELECT count(*), count(*) FILTER (WHERE due_date < current_date), count(*) FILTER (WHERE assigned_to IS NULL)
              FROM data_subject_requests WHERE state NOT IN ('Completed','Refused','Withdrawn','Duplicate');
            {QueueSql("")};
            SELECT count(*) FROM legal_holds WHERE released_at IS NULL;
            SELECT id, subject_id, kind, ground, set_at FROM processing_limits WHERE lifted_at IS NULL ORDER BY set_at DESC LIMIT 200;
            SELECT id, started_at, deleted, held FROM retention_runs ORDER BY started_at DESC LIMIT 1;
            SELECT count(*) FROM outgoing_mail WHERE failed_at IS NOT NULL;
            """, "dpo.desk"));
        return Report("DPO desk (HTML)", app, floor, "p95 ≤ 100 ms", app.P95 <= 100);
    }

    private static string QueueSql(string filter) => $"""
        SELECT id, type, channel, state, received_at, due_date, assigned_to, requester_name FROM data_subject_requests
         WHERE state NOT IN ('Completed','Refused','Withdrawn','Duplicate') {filter} ORDER BY due_date, id LIMIT 51
        """;
}
