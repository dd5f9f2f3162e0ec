using System.CommandLine;
using System.Globalization;
using CustomerRegister.Retention;

namespace CustomerRegister.Cli;

/// <summary>Retention: retention preview, retention run.</summary>
internal static class RetentionVerbs
{
    public static IEnumerable<Command> Create(IServiceProvider services)
    {
        var asOf = new Option<string>("--as-of") { Description = "the day to preview (Europe/Helsinki; default today)", HelpName = "YYYY-MM-DD" };
        yield return new Command("retention", "retention by purpose")
        {
            new Command("preview", "what goes by that day and why (counts per table, category and rule)") { asOf }
                .Runs(services, run => PreviewAsync(run, run.Value(asOf))),
            new Command("run", "sweep what is due now (one instance at a time; resumable)").Runs(services, RunAsync),
        };
    }

    private static async Task<int> PreviewAsync(VerbRun run, string? asOfText)
    {
        await using var scope = run.Scopes.CreateAsyncScope();
        if (RetentionAsOf.Parse(asOfText, scope.ServiceProvider.GetRequiredService<TimeProvider>(), out var asOf) is { } error)
        {
            return await run.UsageAsync($"--as-of: {error}");
        }

        var lines = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().PreviewAsync(asOf, run.Ct);
        await run.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"By {asOf:yyyy-MM-dd HH:mm} UTC: {lines.Sum(l => l.Due)} item(s) due, {lines.Sum(l => l.Held)} held back"));
        foreach (var l in lines)
        {
            await run.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {l.Table,-26} {l.Due,10} due {l.Held,8} held  {l.Reason}"));
        }

        return 0;
    }

    private static async Task<int> RunAsync(VerbRun run)
    {
        await using var scope = run.Scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync("command line", run.Ct);
        if (!result.Swept)
        {
            await run.Output.WriteLineAsync(result.Refusal);
            return 1;
        }

        await run.Output.WriteLineAsync($"Run {result.RunId}: {result.Deleted} item(s) removed, {result.Held} held back");
        foreach (var l in result.Lines)
        {
            await run.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {l.Table,-26} {l.Due,10} removed {l.Held,8} held  {l.Rule}"));
        }

        return 0;
    }
}
