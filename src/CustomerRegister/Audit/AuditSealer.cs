using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Audit;

/// <summary>
/// Chains committed audit events into seals, in id order and in batches, outside any request.
/// </summary>
public sealed class AuditSealer(RegisterDbContext db, TimeProvider clock, ILogger<AuditSealer> logger)
{
    public const int BatchSize = 10_000;

    /// <summary>How long the sealer waits for writers still inserting events before it gives way (PostgreSQL).</summary>
    private const string LockWait = "500ms";

    /// <summary>Seals every committed event not yet sealed. Returns how many events it sealed.</summary>
    public async Task<int> SealPendingAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var sealedNow = await SealOneBatchAsync(ct);
            if (sealedNow == 0)
            {
                return total;
            }

            total += sealedNow;
        }
    }

    private async Task<int> SealOneBatchAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Waits for every transaction still inserting events and keeps new inserts out until commit, so an
            // event with a lower id can never become visible after a higher one has been sealed. Sealers
            // serialise on the same lock. On SQLite the write transaction itself does both.
            // A long writer (an import of a large file) would keep the sealer waiting in the lock queue, and every
            // audited request behind it: past a short wait the sealer gives way and tries again on its next tick.
            // Run on the connection itself: a give-way is expected, and EF would log the refused command as an error.
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = tx.GetDbTransaction();
            command.CommandText = "SET LOCAL lock_timeout = '" + LockWait + "'; LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE";
            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
            {
                logger.LogDebug("Audit sealing gave way to a writer still inserting events; next tick");
                return 0;
            }
        }

        var last = await db.Set<AuditSeal>().AsNoTracking().OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
        var afterId = last?.LastEventId ?? 0;
        var events = await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => e.Id > afterId)
            .OrderBy(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (events.Count == 0)
        {
            return 0;
        }

        var previousHash = last?.Hash ?? AuditHasher.GenesisHash;
        using var hasher = new AuditHasher(previousHash);
        foreach (var e in events)
        {
            hasher.Append(e);
        }

        var seal = new AuditSeal
        {
            Number = (last?.Number ?? 0) + 1,
            FirstEventId = events[0].Id,
            LastEventId = events[^1].Id,
            EventCount = events.Count,
            PreviousHash = previousHash,
            Hash = hasher.Finish(),
            SealedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<AuditSeal>().Add(seal);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogDebug("Sealed audit events {First}..{Last} as seal {Seal}", seal.FirstEventId, seal.LastEventId, seal.Number);
        return events.Count;
    }
}

/// <summary>Seals audit events in the background every <c>Audit:SealIntervalSeconds</c> (default 5).</summary>
public sealed class AuditSealingService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AuditSealingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Audit:SealIntervalSeconds", 5)));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbUpdateException ex)
            {
                // Another instance sealed the same batch first; the next tick carries on after its seal.
                logger.LogInformation(ex, "Audit sealing collided with another sealer; retrying on the next tick");
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Audit sealing failed; retrying on the next tick");
            }
        }
    }
}
