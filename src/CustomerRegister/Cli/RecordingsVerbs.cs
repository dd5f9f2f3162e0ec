using System.CommandLine;
using System.Globalization;
using CustomerRegister.Recordings;

namespace CustomerRegister.Cli;

/// <summary>Recordings: recordings check [--repair].</summary>
internal static class RecordingsVerbs
{
    public static IEnumerable<Command> Create(IServiceProvider services)
    {
        var repair = new Option<bool>("--repair") { Description = "remove both (orphans younger than an hour are kept; never in bulk)" };
        yield return new Command("recordings", "call and CCTV recordings")
        {
            new Command("check", "report recording files without a row and rows without their file; exit 1 if not clean") { repair }
                .Runs(services, run => CheckAsync(run, run.Value(repair))),
        };
    }

    private static async Task<int> CheckAsync(VerbRun run, bool repair)
    {
        await using var scope = run.Scopes.CreateAsyncScope();
        var integrity = scope.ServiceProvider.GetRequiredService<RecordingIntegrity>();
        var report = repair ? await integrity.RepairAsync(run.Ct) : await integrity.CheckAsync(run.Ct);
        await run.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Recordings: {report.OrphanFiles.Count} orphan file(s), {report.CallRowsWithoutFile.Count} call and "
            + $"{report.CctvRowsWithoutFile.Count} CCTV recording(s) without their file."));
        if (repair && report.Refused is { } why)
        {
            await run.Output.WriteLineAsync($"Repair refused: {why}.");
            return 1;
        }

        if (repair)
        {
            await run.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Repaired: {report.OrphanFilesDeleted} orphan file(s) deleted, {report.OrphanFilesKept} kept (younger than an hour), "
                + $"{report.RowsDeleted} row(s) deleted, {report.RowsHeld} kept under a legal hold, "
                + $"{report.IncompleteUploadsDeleted} incomplete upload(s) removed."));
        }

        return report.Clean || (repair && report.OrphanFilesKept == 0 && report.RowsHeld == 0) ? 0 : 1;
    }
}
