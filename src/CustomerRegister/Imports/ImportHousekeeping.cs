using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Imports;

/// <summary>
/// Keeps uploaded files from lingering: a file checked but not confirmed within <see cref="ImportOptions.UnconfirmedKeepDays"/>
/// is deleted from the server (the batch is discarded; its report stays as the record of the check), and a batch left being
/// checked or imported with no job running it (a stopped app: its job died with it and its transaction was rolled back,
/// so nothing of it was saved) is closed. Jobs live in one app's memory (ADR 12), so one app serves a register.
/// </summary>
public sealed class ImportHousekeeping(RegisterDbContext db, AuditLog audit, BackgroundJobs jobs, TimeProvider clock,
    IOptions<ImportOptions> options, ILogger<ImportHousekeeping> logger)
{
    public const string Interrupted = "Imports.Failed.Interrupted";
    public const string Unconfirmed = "Imports.Discarded.Unconfirmed";

    /// <summary>Closes the batches being checked or imported that no job of this app is running.</summary>
    public async Task<int> CloseInterruptedAsync(CancellationToken ct)
    {
        var stuck = await db.Set<ImportBatch>().AsNoTracking().Where(b => b.State == ImportState.Checking || b.State == ImportState.Importing)
            .Select(b => new { b.Id, b.State }).ToListAsync(ct);
        var closed = 0;
        foreach (var batch in stuck.Where(b => jobs.LatestOf(ImportBatches.JobKey(b.Id)) is not { Finished: false }))
        {
            closed += await CloseAsync(batch.Id, batch.State, ImportState.Failed, Interrupted, null, "import.interrupted", ct);
        }

        return closed;
    }

    /// <summary>Discards the checked files that waited for confirmation longer than the settings allow.</summary>
    public async Task<int> DiscardUnconfirmedAsync(CancellationToken ct)
    {
        var days = options.Value.UnconfirmedKeepDays;
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var old = await db.Set<ImportBatch>().AsNoTracking().Where(b => b.State == ImportState.Checked && b.CheckedAt < before)
            .Select(b => b.Id).ToListAsync(ct);
        var closed = 0;
        foreach (var id in old)
        {
            closed += await CloseAsync(id, ImportState.Checked, ImportState.Discarded, Unconfirmed, days.ToString(Localization.Display.Format),
                "import.expired", ct);
        }

        return closed;
    }

    /// <summary>Moves a batch on only from the state it was read in, so that two runs (the timer and a call) close it once.</summary>
    private async Task<int> CloseAsync(Guid id, ImportState from, ImportState to, string problem, string? detail, string action, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Set<ImportBatch>().Where(b => b.Id == id && b.State == from)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.State, to).SetProperty(b => b.Problem, problem).SetProperty(b => b.ProblemDetail, detail), ct);
        if (changed == 0)
        {
            return 0;
        }

        audit.Add(new AuditEntry(action, Purposes.CustomerRelationship, null, "import_batch", id.ToString()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        File.Delete(ImportBatches.PathOf(options.Value, id));
        logger.LogInformation("Import batch {BatchId} closed as {State} ({Problem})", id, to, problem);
        return 1;
    }
}

/// <summary>
/// Runs <see cref="ImportHousekeeping"/> at start and every hour of real time, like the register's other background
/// sweeps: a test that moves the register's clock by years does not set it off thousands of times (what is due is
/// still judged by the register's clock).
/// </summary>
public sealed class ImportHousekeepingService(IServiceScopeFactory scopes, ILogger<ImportHousekeepingService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await RunAsync(async (h, ct) => await h.CloseInterruptedAsync(ct) + await h.DiscardUnconfirmedAsync(ct), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(Func<ImportHousekeeping, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider.GetRequiredService<ImportHousekeeping>(), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import housekeeping failed; retrying on the next tick");
        }
    }
}
