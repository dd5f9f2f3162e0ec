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
    LastSweep? LastSweep, int UndeliveredLetters, IReadOnlyList<FailedMail> FailedLetters, SweepOutlook? Outlook, ChainState? Chain,
    Breaches.BreachDeskFigure Breaches);

/// <summary>
/// The DPO's desk, for the page <c>/dpo</c> and <c>GET /api/dpo/desk</c>. The cheap figures are read on every call; the
/// two that walk large tables — the sweep's outlook (the retention preview) and the audit chain's verification — come
/// from <see cref="DpoDeskFigures"/>, which keeps them and recomputes them in the background, so the desk stays
/// fast at millions of rows and says when they were computed.
/// </summary>
public sealed class DpoDashboard(
    RegisterDbContext db, RequestQueue queue, FailedMails failed, DpoDeskFigures figures, Breaches.BreachQueries breaches, AuditLog audit)
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
        return new DpoDesk(counts, first, holds, limits, run, undelivered, letters, outlook, chain, await breaches.DeskAsync(ct));
    }
}
