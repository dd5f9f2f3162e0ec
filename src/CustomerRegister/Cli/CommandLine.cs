using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Demo;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using CustomerRegister.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Cli;

/// <summary>
/// Command-line verbs on the same binary: <c>dotnet run --project src/CustomerRegister -- VERB</c>.
/// Returns null when the arguments name no verb, so the web application runs.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Customer Register command-line verbs:
          migrate                                 apply database migrations and exit
          create-admin --email E [--password P] [--name N]
                                                  create an administrator (a one-time password is printed when P is not given)
          audit verify                            seal pending audit events, verify the whole chain; exit 1 if broken
          catalog [--json]                        print the personal-data catalogue
          seed-demo --subjects N [--seed S]       add N synthetic subjects (Finnish demo data, no real people)
          requests list                           open data-subject requests by due date (ids, types, states, dates)
          requests report ID [--format json|html|pdf] [--lang fi|sv|en] [--out FILE]
                                                  print (or write to FILE; pdf needs it) the access report of a verified
                                                  request (or of a subject id)
          retention preview [--as-of YYYY-MM-DD]  what goes by that day and why (counts per table, category and rule)
          retention run                           sweep what is due now (one instance at a time; resumable)
          requests poll-mailbox                   take the customer-service mailbox's unseen mails in once (Requests:Mailbox)
          recordings check [--repair]             report recording files without a row and rows without their file;
                                                  --repair removes both (orphans younger than an hour are kept); exit 1 if not clean
          help                                    this text
        Without a verb the web application runs.
        """;

    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        switch (args[0])
        {
            case "migrate":
                await DatabaseInitializer.MigrateAsync(scopes, ct);
                await output.WriteLineAsync("Migrations applied.");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(args, scopes, output, ct);
            case "audit" when args.Length > 1 && args[1] == "verify":
                return await VerifyAuditAsync(scopes, output, ct);
            case "catalog":
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var catalog = PersonalDataCatalog.Build(scope.ServiceProvider.GetRequiredService<RegisterDbContext>().GetService<IDesignTimeModel>().Model);
                    await (args.Contains("--json") ? CatalogPrinter.WriteJsonAsync(catalog, output) : CatalogPrinter.WriteTextAsync(catalog, output));
                    return 0;
                }

            case "requests" when args.Length > 1 && args[1] == "list":
                return await ListRequestsAsync(scopes, output, ct);
            case "requests" when args.Length > 2 && args[1] == "report":
                return await AccessReportAsync(args, scopes, output, ct);
            case "requests" when args.Length > 1 && args[1] == "poll-mailbox":
                return await PollMailboxAsync(services, output, ct);
            case "retention" when args.Length > 1 && args[1] == "preview":
                return await RetentionPreviewAsync(args, scopes, output, ct);
            case "retention" when args.Length > 1 && args[1] == "run":
                return await RetentionRunAsync(scopes, output, ct);
            case "recordings" when args.Length > 1 && args[1] == "check":
                return await CheckRecordingsAsync(args.Contains("--repair"), scopes, output, ct);
            case "seed-demo":
                return await SeedDemoAsync(args, services, output, ct);
            case "help" or "--help":
                await output.WriteLineAsync(Usage);
                return 0;
            default:
                await output.WriteLineAsync($"Unknown verb '{args[0]}'.");
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(string[] args, IServiceScopeFactory scopes, TextWriter output, CancellationToken ct)
    {
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync("create-admin needs --email.");
            return 2;
        }

        await DatabaseInitializer.MigrateAsync(scopes, ct);
        await using var scope = scopes.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        try
        {
            var created = await admin.CreateAsync(
                new NewUser(email.Trim(), Option(args, "--name") ?? "Administrator", [Roles.Administrator], Option(args, "--password")), ct);
            await output.WriteLineAsync($"Administrator {created.User.Id} created.");
            if (created.OneTimePassword is not null)
            {
                await output.WriteLineAsync($"One-time password (shown once; must be changed at first sign-in): {created.OneTimePassword}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is ValidationException or ConflictException)
        {
            var reasons = ex is ValidationException v
                ? string.Join("; ", v.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
                : ex.Message;
            await output.WriteLineAsync($"Not created: {reasons}");
            return 1;
        }
    }

    private static async Task<int> VerifyAuditAsync(IServiceScopeFactory scopes, TextWriter output, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(ct);
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
        await output.WriteLineAsync(
            $"Audit trail {(result.Valid ? "VALID" : "BROKEN")}: {result.SealsChecked} seals, {result.EventsChecked} events checked, "
            + $"{result.UnsealedEvents} unsealed; head hash {result.HeadHash}");
        foreach (var p in result.Problems)
        {
            await output.WriteLineAsync($"  seal {p.SealNumber} (events {p.FirstEventId}..{p.LastEventId}): {p.Problem}");
        }

        return result.Valid ? 0 : 1;
    }

    private static async Task<int> SeedDemoAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        if (!int.TryParse(Option(args, "--subjects"), NumberStyles.None, CultureInfo.InvariantCulture, out var subjects) || subjects < 1)
        {
            await output.WriteLineAsync("seed-demo needs --subjects N (a positive whole number).");
            return 2;
        }

        var seedText = Option(args, "--seed");
        var seed = 1;
        if (seedText is not null && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            await output.WriteLineAsync("--seed must be a whole number.");
            return 2;
        }

        await DatabaseInitializer.MigrateAsync(services.GetRequiredService<IServiceScopeFactory>(), ct);
        await DemoSeeder.SeedAsync(services, subjects, seed, output, ct);
        return 0;
    }

    private static async Task<int> RetentionPreviewAsync(string[] args, IServiceScopeFactory scopes, TextWriter output, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var at = Array.IndexOf(args, "--as-of");
        if (RetentionAsOf.Parse(at > 0 && at + 1 < args.Length ? args[at + 1] : null, scope.ServiceProvider.GetRequiredService<TimeProvider>(),
                out var asOf) is { } error)
        {
            await output.WriteLineAsync($"--as-of: {error}");
            return 2;
        }

        var lines = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().PreviewAsync(asOf, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"By {asOf:yyyy-MM-dd HH:mm} UTC: {lines.Sum(l => l.Due)} item(s) due, {lines.Sum(l => l.Held)} held back"));
        foreach (var l in lines)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {l.Table,-26} {l.Due,10} due {l.Held,8} held  {l.Reason}"));
        }

        return 0;
    }

    private static async Task<int> RetentionRunAsync(IServiceScopeFactory scopes, TextWriter output, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync("command line", ct);
        if (!result.Swept)
        {
            await output.WriteLineAsync(result.Refusal);
            return 1;
        }

        await output.WriteLineAsync($"Run {result.RunId}: {result.Deleted} item(s) removed, {result.Held} held back");
        foreach (var l in result.Lines)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {l.Table,-26} {l.Due,10} removed {l.Held,8} held  {l.Rule}"));
        }

        return 0;
    }

    /// <summary>Every open request, a page at a time through the same use case (and audit event per page) as GET /api/requests.</summary>
    private static async Task<int> ListRequestsAsync(IServiceScopeFactory scopes, TextWriter output, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reading = scope.ServiceProvider.GetRequiredService<RequestQueries>();
        var today = HelsinkiTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var open = new List<RequestSummary>();
        Guid? after = null;
        do
        {
            var page = (await reading.OpenAsync(after, Paging.MaxSize, ct)).Value!;
            open.AddRange(page.Items);
            after = page.NextAfter;
        }
        while (after is not null);

        await output.WriteLineAsync($"{open.Count} open request(s); today {today:yyyy-MM-dd} (Europe/Helsinki)");
        foreach (var r in open)
        {
            var left = r.DaysLeft < 0 ? $"OVERDUE {-r.DaysLeft} d" : $"{r.DaysLeft} d left";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{r.Id}  {r.Type,-20} {r.State,-16} due {r.DueDate:yyyy-MM-dd}  {left}{(r.Extended ? "  extended" : "")}"));
        }

        return 0;
    }

    private static async Task<int> PollMailboxAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        try
        {
            var taken = await services.GetRequiredService<MailboxPoller>().PollOnceAsync(ct);
            await output.WriteLineAsync($"{taken} request(s) taken in from the mailbox.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.Sockets.SocketException
                                       or MailKit.CommandException or MailKit.ProtocolException or MailKit.Security.AuthenticationException)
        {
            await output.WriteLineAsync($"Polling the mailbox failed: {(ex is InvalidOperationException ? ex.Message : ex.GetType().Name)}");
            return 1;
        }
    }

    private static async Task<int> CheckRecordingsAsync(bool repair, IServiceScopeFactory scopes, TextWriter output, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var integrity = scope.ServiceProvider.GetRequiredService<Recordings.RecordingIntegrity>();
        var report = repair ? await integrity.RepairAsync(ct) : await integrity.CheckAsync(ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Recordings: {report.OrphanFiles.Count} orphan file(s), {report.CallRowsWithoutFile.Count} call and "
            + $"{report.CctvRowsWithoutFile.Count} CCTV recording(s) without their file."));
        if (repair && report.Refused is { } why)
        {
            await output.WriteLineAsync($"Repair refused: {why}.");
            return 1;
        }

        if (repair)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Repaired: {report.OrphanFilesDeleted} orphan file(s) deleted, {report.OrphanFilesKept} kept (younger than an hour), "
                + $"{report.RowsDeleted} row(s) deleted, {report.RowsHeld} kept under a legal hold, "
                + $"{report.IncompleteUploadsDeleted} incomplete upload(s) removed."));
        }

        return report.Clean || (repair && report.OrphanFilesKept == 0 && report.RowsHeld == 0) ? 0 : 1;
    }

    private static async Task<int> AccessReportAsync(string[] args, IServiceScopeFactory scopes, TextWriter output, CancellationToken ct)
    {
        var format = Option(args, "--format") ?? "json";
        var lang = Option(args, "--lang");
        var file = Option(args, "--out");
        if (!Guid.TryParse(args[2], out var id) || !AccessReports.Formats.Contains(format)
            || (lang is not null && !Languages.All.Contains(lang)) || (format == "pdf" && string.IsNullOrWhiteSpace(file)))
        {
            await output.WriteLineAsync("requests report needs a request or subject id; --format json|html|pdf; --lang fi|sv|en; --out FILE (pdf needs it).");
            return 2;
        }

        // The same use case (and audit event) as GET /api/requests/{id}/access-report and GET /api/subjects/{id}/access-report.
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AccessReports>().ForRequestOrSubjectAsync(id, format, lang, ct);
        if (!outcome.IsOk)
        {
            await output.WriteLineAsync(outcome.Conflict?.Message ?? $"No request or subject {id}.");
            return 1;
        }

        using var document = outcome.Value!;
        if (file is null)
        {
            await output.WriteLineAsync(document.Text);
        }
        else
        {
            await using (var stream = File.Create(file))
            {
                await document.WriteAsync(stream, ct);
            }

            await output.WriteLineAsync($"Access report written to {file}.");
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
