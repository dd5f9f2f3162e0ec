using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>Web-form requests whose email is never confirmed: off the staff list and the warnings, deleted once expired.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed partial class UnconfirmedRequestsTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    [GeneratedRegex(@"confirm\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task AnUnconfirmedRequestNeverReachesTheStaffOrTheWarningsAndTheSweepDeletesItOnceExpired()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var stranger = $"stranger.{Guid.NewGuid():N}@example.fi";
        var requester = $"requester.{Guid.NewGuid():N}@example.fi";
        foreach (var email in new[] { stranger, requester })
        {
            var sent = await app.Anonymous().PostAsJsonAsync("/api/public/requests", new { type = "Access", name = "Someone", email });
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        }

        var strangerToken = Token(stranger);
        Assert.Equal(HttpStatusCode.OK,
            (await app.Anonymous().PostAsJsonAsync("/api/public/requests/confirm", new { token = Token(requester) })).StatusCode);
        var unconfirmed = await IdAsync(stranger);
        var confirmed = await IdAsync(requester);

        var listed = await AllOpenAsync(dpo.Client);
        Assert.Contains(confirmed, listed);
        Assert.DoesNotContain(unconfirmed, listed);

        // Near the deadline: the confirmed request is warned about, the unconfirmed one (expired, not yet swept) is not.
        var due = DateOnly.Parse((await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{confirmed}")).GetProperty("dueDate").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);
        app.MoveTo(due.AddDays(-3));
        Assert.True(await app.RunWarningsAsync() >= 1);
        Assert.Equal(1L, await WarningsAsync(requester));
        Assert.Equal(0L, await WarningsAsync(stranger));

        // Past Requests:UnconfirmedDays the link no longer works, and the sweep deletes the request with its log and mail.
        dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var late = await app.Anonymous().PostAsJsonAsync("/api/public/requests/confirm", new { token = strangerToken });
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        var preview = await dpo.Client.GetStringAsync($"/api/retention/preview?asOf={app.Today.AddDays(1):yyyy-MM-dd}");
        Assert.Contains("unconfirmed-request", preview);
        var run = await dpo.Client.PostAsJsonAsync("/api/retention/run", new { });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("unconfirmed-request", await run.Content.ReadAsStringAsync());

        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM data_subject_requests WHERE requester_email = '{stranger}'"));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM request_actions a WHERE NOT EXISTS (SELECT 1 FROM data_subject_requests r WHERE r.id = a.request_id)"));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM outgoing_mail m WHERE m.request_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM data_subject_requests r WHERE r.id = m.request_id)"));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM data_subject_requests WHERE requester_email = '{requester}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.GetAsync($"/api/requests/{unconfirmed}")).StatusCode);
    }

    private string Token(string email) => TokenPattern().Match(Assert.Single(app.MailTo(email)).TextBody ?? "").Groups[1].Value;

    private async Task<Guid> IdAsync(string email) =>
        Guid.Parse((string)(await app.Database.ScalarAsync($"SELECT CAST(id AS TEXT) FROM data_subject_requests WHERE requester_email = '{email}'"))!);

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql));

    private Task<long> WarningsAsync(string email) => CountAsync(
        $"SELECT COUNT(*) FROM request_actions a JOIN data_subject_requests r ON r.id = a.request_id WHERE r.requester_email = '{email}' AND a.action = 'deadline_warning'");

    private static async Task<List<Guid>> AllOpenAsync(HttpClient client)
    {
        var ids = new List<Guid>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/requests?limit=200" + (after is null ? "" : $"&after={after}"));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.Id()));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetString();
        }
        while (after is not null);
        return ids;
    }
}
