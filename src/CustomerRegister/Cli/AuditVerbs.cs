using System.CommandLine;
using CustomerRegister.Audit;

namespace CustomerRegister.Cli;

/// <summary>The audit trail: audit verify.</summary>
internal static class AuditVerbs
{
    public static Command Create(IServiceProvider services) =>
        new("audit", "the audit trail")
        {
            new Command("verify", "seal pending audit events, verify the whole chain; exit 1 if broken").Runs(services, VerifyAsync),
        };

    private static async Task<int> VerifyAsync(VerbRun run)
    {
        await using var scope = run.Scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(run.Ct);
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(run.Ct);
        await run.Output.WriteLineAsync(
            $"Audit trail {(result.Valid ? "VALID" : "BROKEN")}: {result.SealsChecked} seals, {result.EventsChecked} events checked, "
            + $"{result.UnsealedEvents} unsealed; head hash {result.HeadHash}");
        foreach (var p in result.Problems)
        {
            await run.Output.WriteLineAsync($"  seal {p.SealNumber} (events {p.FirstEventId}..{p.LastEventId}): {p.Problem}");
        }

        return result.Valid ? 0 : 1;
    }
}
