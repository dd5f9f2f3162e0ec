using System.CommandLine;
using System.Globalization;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;

namespace CustomerRegister.Cli;

/// <summary>Data-subject requests: requests list, requests report, requests poll-mailbox.</summary>
internal static class RequestsVerbs
{
    public static IEnumerable<Command> Create(IServiceProvider services)
    {
        var id = new Argument<Guid>("ID") { Description = "a verified request's id, or a subject's id" };
        var format = Verb.OneOf("--format", AccessReports.Formats, "the report's format");
        format.DefaultValueFactory = _ => "json";
        var lang = Verb.OneOf("--lang", Languages.All, "the report's language (default: the request's)");
        var file = new Option<string>("--out") { Description = "write the report to FILE (pdf needs it)", HelpName = "FILE" };
        var report = new Command("report", "print (or write to FILE) the access report of a verified request (or of a subject id)")
        {
            id, format, lang, file,
        };
        report.Validators.Add(r =>
        {
            // From the tokens: a value the option refuses has no value to read here.
            if (r.GetResult(format)?.Tokens is [{ Value: "pdf" }] && string.IsNullOrWhiteSpace(r.GetValue(file)))
            {
                r.AddError("--format pdf needs --out FILE.");
            }
        });

        yield return new Command("requests", "data-subject requests")
        {
            new Command("list", "open data-subject requests by due date (ids, types, states, dates)").Runs(services, ListAsync),
            report.Runs(services, run => AccessReportAsync(run, run.Value(id), run.Value(format)!, run.Value(lang), run.Value(file))),
            new Command("poll-mailbox", "take the customer-service mailbox's unseen mails in once (Requests:Mailbox)").Runs(services, PollMailboxAsync),
        };
    }

    /// <summary>Every open request, a page at a time through the same use case (and audit event per page) as GET /api/requests.</summary>
    private static async Task<int> ListAsync(VerbRun run)
    {
        await using var scope = run.Scopes.CreateAsyncScope();
        var reading = scope.ServiceProvider.GetRequiredService<RequestQueries>();
        var today = HelsinkiTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var open = new List<RequestSummary>();
        Guid? after = null;
        do
        {
            var page = (await reading.OpenAsync(after, Paging.MaxSize, run.Ct)).Value!;
            open.AddRange(page.Items);
            after = page.NextAfter;
        }
        while (after is not null);

        await run.Output.WriteLineAsync($"{open.Count} open request(s); today {today:yyyy-MM-dd} (Europe/Helsinki)");
        foreach (var r in open)
        {
            var left = r.DaysLeft < 0 ? $"OVERDUE {-r.DaysLeft} d" : $"{r.DaysLeft} d left";
            await run.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{r.Id}  {r.Type,-20} {r.State,-16} due {r.DueDate:yyyy-MM-dd}  {left}{(r.Extended ? "  extended" : "")}"));
        }

        return 0;
    }

    /// <summary>The access report through the same use case (and audit event) as GET /api/requests/{id}/access-report and GET /api/subjects/{id}/access-report.</summary>
    private static async Task<int> AccessReportAsync(VerbRun run, Guid id, string format, string? lang, string? file)
    {
        await using var scope = run.Scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AccessReports>().ForRequestOrSubjectAsync(id, format, lang, run.Ct);
        if (!outcome.IsOk)
        {
            await run.Output.WriteLineAsync(outcome.Conflict?.Message.En ?? $"No request or subject {id}.");
            return 1;
        }

        using var document = outcome.Value!;
        if (file is null)
        {
            await run.Output.WriteLineAsync(document.Text);
            return 0;
        }

        await using (var stream = File.Create(file))
        {
            await document.WriteAsync(stream, run.Ct);
        }

        await run.Output.WriteLineAsync($"Access report written to {file}.");
        return 0;
    }

    private static async Task<int> PollMailboxAsync(VerbRun run)
    {
        try
        {
            var taken = await run.Services.GetRequiredService<MailboxPoller>().PollOnceAsync(run.Ct);
            await run.Output.WriteLineAsync($"{taken} request(s) taken in from the mailbox.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.Sockets.SocketException
                                       or MailKit.CommandException or MailKit.ProtocolException or MailKit.Security.AuthenticationException)
        {
            await run.Output.WriteLineAsync($"Polling the mailbox failed: {(ex is InvalidOperationException ? ex.Message : ex.GetType().Name)}");
            return 1;
        }
    }
}
