using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using CustomerRegister.Retention;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>The last retention run: when, what it removed and kept back, and why it failed if it did.</summary>
public sealed record LastSweep(Guid Id, DateTime StartedAt, DateTime? CompletedAt, long Deleted, long Held, bool Failed);

/// <summary>A restriction or objection in force, for the DPO's desk.</summary>
public sealed record ActiveLimit(Guid Id, Guid SubjectId, LimitKind Kind, RestrictionGround? Ground, Guid? RequestId, DateTime SetAt);

/// <summary>Items the sweep removes by the end of this month and of the next, as computed at <see cref="At"/>.</summary>
public sealed record SweepOutlook(DateTime At, long ThisMonth, long NextMonth);

/// <summary>Whether the audit chain verified when last checked (<see cref="At"/>), with the head hash.</summary>
public sealed record ChainState(DateTime At, bool Valid, long Events, long Unsealed, string HeadHash, int Problems);

/// <summary>The DPO's desk: every figure of issue 15 item 1, each with the list it links to.</summary>
public sealed record DpoDesk(
    RequestCounts Requests, IReadOnlyList<RequestQueueItem> FirstDue, int LegalHolds, IReadOnlyList<ActiveLimit> Limits,
    LastSweep? LastSweep, int UndeliveredLetters, IReadOnlyList<FailedMail> FailedLetters, SweepOutlook? Outlook, ChainState? Chain);

/// <summary>
/// The DPO's desk, for the page <c>/dpo</c> and <c>GET /api/dpo/desk</c>. The cheap figures are read on every call; the
/// two that walk large tables — the sweep's outlook (the retention preview) and the audit chain's verification — come
/// from <see cref="DpoDeskFigures"/>, which recomputes them in the background when older than its period, so the desk stays
/// fast at millions of rows and says when they were computed.
/// </summary>
public sealed class DpoDashboard(RegisterDbContext db, RequestQueue queue, FailedMails failed, DpoDeskFigures figures, AuditLog audit)
{
    public const int Rows = 10;

    public async Task<DpoDesk> GetAsync(CancellationToken ct)
    {
        var counts = await queue.CountAsync(ct);
        var first = (await queue.ListAsync(new RequestFilter(Limit: Rows), withNames: true, ct)).Value!.Items;
        var holds = await db.Set<LegalHold>().AsNoTracking().CountAsync(h => h.ReleasedAt == null, ct);
        var limits = await db.Set<ProcessingLimit>().AsNoTracking().Where(l => l.LiftedAt == null).OrderByDescending(l => l.SetAt)
            .Take(Paging.MaxSize)
            .Select(l => new ActiveLimit(l.Id, l.SubjectId, l.Kind, l.Ground, l.RequestId, l.SetAt)).ToListAsync(ct);
        var run = await db.Set<RetentionRun>().AsNoTracking().OrderByDescending(r => r.StartedAt)
            .Select(r => new LastSweep(r.Id, r.StartedAt, r.CompletedAt, r.Deleted, r.Held, r.Error != null)).FirstOrDefaultAsync(ct);
        var undelivered = await db.Set<OutgoingMail>().AsNoTracking().CountAsync(m => m.FailedAt != null, ct);
        var letters = undelivered == 0 ? [] : (await failed.ListAsync(null, Rows, ct)).Value!.Items;
        await audit.WriteAsync(new AuditEntry("dpo.desk", Purposes.DataSubjectRights, EntityType: "processing_limits",
            Fields: ["subject_id", "kind", "ground", "set_at"]), ct);
        var (outlook, chain) = await figures.GetAsync(ct);
        return new DpoDesk(counts, first, holds, limits, run, undelivered, letters, outlook, chain);
    }
}

/// <summary>
/// The desk's slow figures, kept for <see cref="Period"/> and recomputed in the background in a scope of their own: the
/// retention preview at the end of this month and of the next (counts only, no personal data) and the audit chain's
/// full verification. The first call waits up to <see cref="FirstWait"/> for them, so a small register shows them at once.
/// </summary>
public sealed class DpoDeskFigures(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DpoDeskFigures> log)
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Task? _running;
    private SweepOutlook? _outlook;
    private ChainState? _chain;
    private DateTime _computedAt = DateTime.MinValue;

    public async Task<(SweepOutlook? Outlook, ChainState? Chain)> GetAsync(CancellationToken ct)
    {
        Task? running;
        lock (_gate)
        {
            if (_running is null && clock.GetUtcNow().UtcDateTime - _computedAt > Period)
            {
                _running = Task.Run(ComputeAsync, CancellationToken.None);
            }

            running = _running;
        }

        if (running is not null && _outlook is null)
        {
            await Task.WhenAny(running, Task.Delay(FirstWait, ct));
        }

        return (_outlook, _chain);
    }

    /// <summary>Forgets the figures so that the next call computes them again (after a sweep, or in tests).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _computedAt = DateTime.MinValue;
        }
    }

    private async Task ComputeAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var now = clock.GetUtcNow().UtcDateTime;
            var today = HelsinkiTime.DateOf(now);
            var endOfMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
            var sweep = scope.ServiceProvider.GetRequiredService<RetentionSweep>();
            var thisMonth = (await sweep.PreviewAsync(HelsinkiTime.StartUtc(endOfMonth).AddTicks(-1), CancellationToken.None)).Sum(l => l.Due);
            var nextMonth = (await sweep.PreviewAsync(HelsinkiTime.StartUtc(endOfMonth.AddMonths(1)).AddTicks(-1), CancellationToken.None))
                .Sum(l => l.Due);
            _outlook = new SweepOutlook(now, thisMonth, nextMonth);
            var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
            _chain = new ChainState(clock.GetUtcNow().UtcDateTime, verification.Valid, verification.EventsChecked, verification.UnsealedEvents,
                verification.HeadHash, verification.Problems.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("The DPO desk's figures could not be computed: {Error}", e.GetType().Name);
        }
        finally
        {
            lock (_gate)
            {
                _computedAt = clock.GetUtcNow().UtcDateTime;
                _running = null;
            }
        }
    }
}
