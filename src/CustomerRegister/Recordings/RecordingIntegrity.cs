using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Retention;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Recordings;

/// <summary>What a check found (keys and row ids, no personal values) and, after a repair, what was removed.</summary>
public sealed record IntegrityReport(
    IReadOnlyList<string> OrphanFiles,
    IReadOnlyList<Guid> CallRowsWithoutFile,
    IReadOnlyList<Guid> CctvRowsWithoutFile,
    int OrphanFilesDeleted = 0,
    int OrphanFilesKept = 0,
    int RowsDeleted = 0,
    int IncompleteUploadsDeleted = 0,
    int RowsHeld = 0,
    string? Refused = null)
{
    public bool Clean => OrphanFiles.Count == 0 && CallRowsWithoutFile.Count == 0 && CctvRowsWithoutFile.Count == 0;
}

/// <summary>
/// Keeps the files and the rows of recordings together. A recording is deleted row first, file second, so a crash
/// in between leaves at worst an orphan file (never a row pointing at nothing that was meant to go); the check
/// finds orphan files and rows whose file is gone, and the repair removes both — but never in bulk: when the store is
/// unreachable, holds no file while rows exist, or more than <c>Recordings:MaxRepairShare</c> of the rows would go, it
/// removes nothing and says why; orphan files are not removed while the database holds no recording row at all; rows of
/// a person or an item under a legal hold are kept.
/// </summary>
public sealed class RecordingIntegrity(
    RegisterDbContext db, IRecordingStore store, RecordingHandler<CallRecording> calls, RecordingHandler<CctvRecording> cctv, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<RecordingOptions> options)
{
    /// <summary>An orphan younger than this may be an upload whose row is being written: left alone.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromHours(1);

    public async Task<IntegrityReport> CheckAsync(CancellationToken ct) => (await ScanAsync(ct)).Report;

    public async Task<IntegrityReport> RepairAsync(CancellationToken ct)
    {
        if (await store.UnavailableAsync(ct) is { } unavailable)
        {
            var rowsOnly = await ScanRowsAsync(ct);
            return new IntegrityReport([], [], [], Refused: $"{unavailable}: nothing removed ({rowsOnly} recording row(s) kept)");
        }

        var (report, files) = await ScanAsync(ct);
        var totalRows = await ScanRowsAsync(ct);
        var missing = report.CallRowsWithoutFile.Count + report.CctvRowsWithoutFile.Count;
        if (files.Count == 0 && totalRows > 0)
        {
            return report with { Refused = $"the store holds no file while {totalRows} recording row(s) exist (an empty or wrong folder?): nothing removed" };
        }

        var share = options.Value.MaxRepairShare;
        if (missing > share * totalRows)
        {
            return report with
            {
                Refused = string.Create(CultureInfo.InvariantCulture,
                    $"{missing} of {totalRows} recording row(s) have no file, more than Recordings:MaxRepairShare ({share:0.####}): nothing removed"),
            };
        }

        if (totalRows == 0 && report.OrphanFiles.Count > 0)
        {
            return report with { Refused = $"the database holds no recording row while the store holds {files.Count} file(s) (a wrong or empty database?): nothing removed" };
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - InFlightGrace;
        int deleted = 0, kept = 0;
        foreach (var key in report.OrphanFiles)
        {
            if (files[key] < cutoff)
            {
                await store.DeleteAsync(key, ct);
                deleted++;
            }
            else
            {
                kept++;
            }
        }

        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.ReleasedAt == null)
            .Select(h => new { h.SubjectId, h.TableName, h.RowId }).ToListAsync(ct);
        var held = new Holds(
            holds.Where(h => h.SubjectId is not null).Select(h => h.SubjectId!.Value).ToHashSet(),
            holds.Where(h => h.RowId is not null).Select(h => (h.TableName, h.RowId!.Value)).ToHashSet());
        var (callRows, callsHeld) = await DeleteRowsWithoutFileAsync(calls, report.CallRowsWithoutFile, held, ct);
        var (cctvRows, cctvHeld) = await DeleteRowsWithoutFileAsync(cctv, report.CctvRowsWithoutFile, held, ct);

        var incomplete = await store.PurgeIncompleteAsync(cutoff, ct);
        return report with
        {
            OrphanFilesDeleted = deleted,
            OrphanFilesKept = kept,
            RowsDeleted = callRows + cctvRows,
            IncompleteUploadsDeleted = incomplete,
            RowsHeld = callsHeld + cctvHeld,
        };
    }

    /// <summary>
    /// Deletes a call recording: the row (with its audit event) first, then the file. The retention sweep and erasure
    /// call this; a crash between the two leaves an orphan file that <see cref="RepairAsync"/> removes.
    /// </summary>
    public Task DeleteAsync(CallRecording recording, string action, string purpose, CancellationToken ct) =>
        calls.DeleteAsync(recording, action, purpose, ct);

    /// <summary>Deletes CCTV footage: row first, then file (see the call overload).</summary>
    public Task DeleteAsync(CctvRecording recording, string action, string purpose, CancellationToken ct) =>
        cctv.DeleteAsync(recording, action, purpose, ct);

    private sealed record Holds(HashSet<Guid> Subjects, HashSet<(string? Table, Guid Row)> Rows);

    /// <summary>Rows whose file is (still) gone, deleted unless the person or the row is under a legal hold.</summary>
    private async Task<(int Deleted, int Held)> DeleteRowsWithoutFileAsync<T>(
        RecordingHandler<T> handler, IReadOnlyList<Guid> ids, Holds holds, CancellationToken ct)
        where T : class, IRecording
    {
        var kind = handler.Kind;
        int deleted = 0, held = 0;
        foreach (var id in ids)
        {
            if (await db.Set<T>().FirstOrDefaultAsync(r => r.Id == id, ct) is { } row && !await store.ExistsAsync(row.StorageKey, ct))
            {
                if ((kind.SubjectOf(row) is { } subject && holds.Subjects.Contains(subject)) || holds.Rows.Contains((kind.Table, row.Id)))
                {
                    held++;
                    continue;
                }

                await handler.DeleteAsync(row, $"recording.{kind.Name}.delete_missing_file", Purposes.Security, ct);
                deleted++;
            }
        }

        return (deleted, held);
    }

    private async Task<int> ScanRowsAsync(CancellationToken ct) =>
        await db.Set<CallRecording>().CountAsync(ct) + await db.Set<CctvRecording>().CountAsync(ct);

    private async Task<(IntegrityReport Report, Dictionary<string, DateTime> Files)> ScanAsync(CancellationToken ct)
    {
        // Rows before files: a row is written only after its file is in place, so every row read here had its file
        // listed below unless the file is really gone; a file moved in after the rows were read is a young orphan.
        var calls = await db.Set<CallRecording>().AsNoTracking().Select(r => new { r.Id, r.StorageKey }).ToListAsync(ct);
        var cctv = await db.Set<CctvRecording>().AsNoTracking().Select(r => new { r.Id, r.StorageKey }).ToListAsync(ct);
        var files = (await store.ListKeysAsync(ct)).ToDictionary(k => k.Key, k => k.ModifiedAt, StringComparer.Ordinal);
        var referenced = calls.Select(r => r.StorageKey).Concat(cctv.Select(r => r.StorageKey)).ToHashSet(StringComparer.Ordinal);
        var report = new IntegrityReport(
            [.. files.Keys.Where(k => !referenced.Contains(k)).Order(StringComparer.Ordinal)],
            [.. calls.Where(r => !files.ContainsKey(r.StorageKey)).Select(r => r.Id)],
            [.. cctv.Where(r => !files.ContainsKey(r.StorageKey)).Select(r => r.Id)]);
        return (report, files);
    }
}

/// <summary>
/// Runs the repair every <c>Recordings:RepairIntervalMinutes</c> (0 = never): removes the files whose rows erasure
/// or a crash between row and file deletion left behind, and rows whose file is gone.
/// </summary>
public sealed class RecordingRepairService(
    IServiceScopeFactory scopes, IRecordingStore store, Microsoft.Extensions.Options.IOptions<RecordingOptions> options,
    ILogger<RecordingRepairService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await store.UnavailableAsync(stoppingToken) is { } unavailable)
        {
            log.LogError("Recording store unavailable at start: {Reason}", unavailable);
        }

        if (options.Value.RepairIntervalMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RepairIntervalMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<RecordingIntegrity>().RepairAsync(stoppingToken);
                if (report.Refused is { } why)
                {
                    log.LogError("Recording repair removed nothing: {Reason}", why);
                }
                else if (!report.Clean)
                {
                    log.LogWarning(
                        "Recordings repaired: {OrphansDeleted} orphan file(s) deleted, {OrphansKept} kept, {RowsDeleted} row(s) without file deleted",
                        report.OrphanFilesDeleted, report.OrphanFilesKept, report.RowsDeleted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError("Recording repair failed with {ExceptionType}", e.GetType().FullName);
            }
        }
    }
}
