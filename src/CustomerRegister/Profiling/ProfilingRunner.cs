using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using CustomerRegister.Vehicles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Profiling;

/// <summary>A run's counts, as the API and the DPO's page show them.</summary>
public sealed record ProfilingRunResponse(
    Guid Id, DateOnly? Night, string Trigger, DateTime StartedAt, DateTime? FinishedAt, int Profiled, int Results, int Excluded, int Cleared)
{
    public static ProfilingRunResponse From(ProfilingRun r) =>
        new(r.Id, r.Night, r.Trigger, r.StartedAt, r.FinishedAt, r.Profiled, r.Results, r.Excluded, r.Cleared);
}

/// <summary>
/// One profiling run over every customer (consumers and sole traders), in batches of <see cref="ProfilingOptions.BatchSize"/>
/// people by subject key, each batch one transaction: the inputs are read by the indexed subject key, the rules
/// (<see cref="SegmentRule"/>, <see cref="InterestRule"/>) applied, and the batch's results replaced. People with a
/// restriction or an objection to profiling in force are left out and their results removed. Memory stays flat: nothing
/// of a batch is kept after it. One audit event per run (no person's data is shown to anyone by it).
/// </summary>
public sealed class ProfilingRunner(RegisterDbContext db, TimeProvider clock, IOptions<ProfilingOptions> options, AuditLog audit)
{
    public const string EntityType = "profiling_run";

    /// <summary>Runs now. With a <paramref name="night"/>, null when another instance already ran (or runs) that night.</summary>
    public async Task<ProfilingRunResponse?> RunAsync(string trigger, DateOnly? night, Action<int, int>? progress, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ProfilingRun { Id = Guid.CreateVersion7(), Night = night, Trigger = trigger, StartedAt = now };
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (night is not null)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        var today = HelsinkiTime.DateOf(now);
        var windowStart = SegmentRule.WindowStart(today, o);
        var windowStartUtc = HelsinkiTime.StartUtc(windowStart);
        var customers = db.Set<Subject>().AsNoTracking().Where(s => s.Kind == SubjectKind.Consumer || s.Kind == SubjectKind.SoleTrader);
        var total = await customers.CountAsync(ct);
        var done = 0;
        Guid? after = null;
        while (true)
        {
            var query = customers;
            if (after is { } a)
            {
                query = query.Where(s => s.Id.CompareTo(a) > 0);
            }

            var ids = await query.OrderBy(s => s.Id).Select(s => s.Id).Take(o.BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            after = ids[^1];
            var (profiled, results, excluded) = await BatchAsync(run.Id, ids, today, windowStart, windowStartUtc, now, o, ct);
            run.Profiled += profiled;
            run.Results += results;
            run.Excluded += excluded;
            done += ids.Count;
            progress?.Invoke(done, total);
        }

        // People no longer customers (or gone) keep no result of an older run; nobody stopped keeps any.
        var blocked = ProfileQueries.Blocked(db);
        run.Cleared = await db.Set<ProfileResult>().Where(r => r.RunId != run.Id || blocked.Contains(r.SubjectId)).ExecuteDeleteAsync(ct);
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.Attach(run);
        db.Entry(run).State = EntityState.Modified;
        audit.Add(new AuditEntry("profiling.run", Purposes.Marketing, null, EntityType, run.Id.ToString(), [Categories.Profiling.Id]));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return ProfilingRunResponse.From(run);
    }

    private async Task<(int Profiled, int Results, int Excluded)> BatchAsync(
        Guid runId, List<Guid> ids, DateOnly today, DateOnly windowStart, DateTime windowStartUtc, DateTime now, ProfilingOptions o,
        CancellationToken ct)
    {
        var limited = ProfileQueries.Blocked(db);
        var blocked = (await limited.Where(s => ids.Contains(s)).Distinct().ToListAsync(ct)).ToHashSet();
        var open = ids.Where(id => !blocked.Contains(id)).ToList();

        var payouts = await db.Set<MetalCreditPayout>().AsNoTracking().Where(p => open.Contains(p.SubjectId) && p.PaidOn >= windowStart)
            .Select(p => new { p.SubjectId, p.Amount }).ToListAsync(ct);
        var lastPayout = await db.Set<MetalCreditPayout>().AsNoTracking().Where(p => open.Contains(p.SubjectId))
            .GroupBy(p => p.SubjectId).Select(g => new { g.Key, Last = g.Max(p => p.PaidOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var invoices = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.SubjectId != null && open.Contains(i.SubjectId.Value) && i.Status != InvoiceStatus.Cancelled && i.IssueDate >= windowStart)
            .Select(i => new { SubjectId = i.SubjectId!.Value, i.Amount }).ToListAsync(ct);
        var lastInvoice = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.SubjectId != null && open.Contains(i.SubjectId.Value) && i.Status != InvoiceStatus.Cancelled)
            .GroupBy(i => i.SubjectId!.Value).Select(g => new { g.Key, Last = g.Max(i => i.IssueDate) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var certificates = await db.Set<ScrappingCertificate>().AsNoTracking().Where(c => open.Contains(c.SubjectId) && c.IssueDate >= windowStart)
            .Select(c => c.SubjectId).ToListAsync(ct);
        var services = await db.Set<OrderedService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Active)
            .Join(db.Set<CustomerRelationship>().AsNoTracking(), s => s.RelationshipId, r => r.Id, (s, r) => new { r.SubjectId, s.ServiceName })
            .Where(x => x.SubjectId != null && open.Contains(x.SubjectId.Value)).ToListAsync(ct);
        var contacts = await db.Set<ContactHistoryEntry>().AsNoTracking().Where(c => open.Contains(c.SubjectId) && c.OccurredAt >= windowStartUtc)
            .Select(c => new { c.SubjectId, c.Summary }).ToListAsync(ct);

        var payoutsBy = payouts.ToLookup(p => p.SubjectId);
        var invoicesBy = invoices.ToLookup(i => i.SubjectId);
        var certificatesBy = certificates.ToLookup(s => s);
        var servicesBy = services.ToLookup(s => s.SubjectId!.Value, s => s.ServiceName);
        var contactsBy = contacts.ToLookup(c => c.SubjectId, c => c.Summary);

        var rows = new List<ProfileResult>();
        var profiled = 0;
        foreach (var id in open)
        {
            DateOnly? last = lastPayout.TryGetValue(id, out var lp) ? lp : null;
            if (lastInvoice.TryGetValue(id, out var li) && (last is null || li > last))
            {
                last = li;
            }

            var business = new BusinessInputs(today, last, payoutsBy[id].Count(), invoicesBy[id].Count(),
                payoutsBy[id].Sum(p => p.Amount) + invoicesBy[id].Sum(i => i.Amount));
            var before = rows.Count;
            if (SegmentRule.Apply(business, o) is { } segment)
            {
                rows.Add(Result(runId, id, now, business));
                rows[^1].Segment = segment;
                rows[^1].Rule = SegmentRule.Id;
            }

            var interests = InterestRule.Apply(
                new InterestInputs(business.Deliveries, certificatesBy[id].Count(), [.. servicesBy[id]], [.. contactsBy[id]]), o);
            foreach (var interest in interests)
            {
                var row = Result(runId, id, now, business);
                row.Interest = interest.Interest;
                row.Evidence = interest.Evidence;
                row.EvidenceCount = interest.Count;
                row.Rule = InterestRule.Id;
                rows.Add(row);
            }

            profiled += rows.Count > before ? 1 : 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<ProfileResult>().Where(r => ids.Contains(r.SubjectId)).ExecuteDeleteAsync(ct);
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);

        // A limit set while the batch was read: its person keeps nothing.
        var stopped = ProfileQueries.Blocked(db);
        await db.Set<ProfileResult>().Where(r => ids.Contains(r.SubjectId) && stopped.Contains(r.SubjectId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (profiled, rows.Count, blocked.Count);
    }

    private static ProfileResult Result(Guid runId, Guid subjectId, DateTime now, BusinessInputs business) => new()
    {
        Id = Guid.CreateVersion7(),
        SubjectId = subjectId,
        Source = DataSource.OwnSystems,
        ComputedAt = now,
        LastBusinessOn = business.LastBusinessOn,
        Deliveries = business.Deliveries,
        Invoices = business.Invoices,
        Amount = business.Value,
        RunId = runId,
    };
}
