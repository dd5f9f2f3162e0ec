using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Profiling;

/// <summary>One result as the API and the panel show it: what it says and why, in words.</summary>
public sealed record ProfileResultResponse(
    Guid Id, Segment? Segment, ServiceInterest? Interest, string Rule, DateTime ComputedAt, DateOnly? LastBusinessOn, int Deliveries,
    int Invoices, decimal Amount, InterestEvidence? Evidence, int EvidenceCount, string Explanation, string RuleName);

/// <summary>A person's profile: the results (none when stopped) and whether profiling is stopped for them.</summary>
public sealed record SubjectProfile(Guid SubjectId, bool Stopped, IReadOnlyList<ProfileResultResponse> Results)
{
    public ProfileResultResponse? Segment => Results.FirstOrDefault(r => r.Segment is not null);

    public IEnumerable<ProfileResultResponse> Interests => Results.Where(r => r.Interest is not null);
}

/// <summary>
/// Reads profiling results. They serve marketing selection only: <see cref="InSegment"/> and <see cref="Interested"/>
/// are the filters a marketing selection uses (issue 17); nothing else decides anything from them (Art 22). Every
/// read leaves out people with a restriction or an objection to profiling in force (<see cref="Blocked"/>).
/// </summary>
public sealed class ProfileQueries(RegisterDbContext db, IOptions<ProfilingOptions> options, AuditLog audit)
{
    /// <summary>
    /// The people who may not be profiled: any limit in force — a restriction (Art 18) or an objection to profiling
    /// (Art 21) — as <see cref="ProcessingLimits.MayProfileAsync"/> says for one person; here as a query for many.
    /// </summary>
    public static IQueryable<Guid> Blocked(RegisterDbContext db) =>
        db.Set<ProcessingLimit>().AsNoTracking().Where(l => l.LiftedAt == null).Select(l => l.SubjectId);

    /// <summary>The people in a segment (marketing selection); several segments: their union.</summary>
    public static IQueryable<Guid> InSegment(RegisterDbContext db, Segment segment)
    {
        var blocked = Blocked(db);
        return db.Set<ProfileResult>().AsNoTracking().Where(r => r.Segment == segment && !blocked.Contains(r.SubjectId))
            .Select(r => r.SubjectId);
    }

    /// <summary>The people with an interest (marketing selection).</summary>
    public static IQueryable<Guid> Interested(RegisterDbContext db, ServiceInterest interest)
    {
        var blocked = Blocked(db);
        return db.Set<ProfileResult>().AsNoTracking().Where(r => r.Interest == interest && !blocked.Contains(r.SubjectId))
            .Select(r => r.SubjectId);
    }

    /// <summary>A person's segment, or null (none, or profiling stopped).</summary>
    public static async Task<Segment?> SegmentOfAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var blocked = Blocked(db);
        return await db.Set<ProfileResult>().AsNoTracking().Where(r => r.SubjectId == subjectId && r.Segment != null && !blocked.Contains(r.SubjectId))
            .Select(r => r.Segment).FirstOrDefaultAsync(ct);
    }

    public Task<Segment?> SegmentOf(Guid subjectId, CancellationToken ct) => SegmentOfAsync(db, subjectId, ct);

    /// <summary>The person's results in words (not audited: the caller audits, e.g. the person page's read).</summary>
    public static async Task<SubjectProfile> LoadAsync(RegisterDbContext db, Guid subjectId, ProfilingOptions options, string language, CancellationToken ct)
    {
        var stopped = await Blocked(db).AnyAsync(s => s == subjectId, ct);
        if (stopped)
        {
            return new SubjectProfile(subjectId, true, []);
        }

        var rows = await db.Set<ProfileResult>().AsNoTracking().Where(r => r.SubjectId == subjectId).ToListAsync(ct);
        return new SubjectProfile(subjectId, false, [.. rows.OrderBy(r => r.Segment is null).ThenBy(r => r.Interest).Select(r => Response(r, options, language))]);
    }

    /// <summary>The person's profile for the API, audited as a read of the profiling results.</summary>
    public async Task<SubjectProfile> OfAsync(Guid subjectId, string language, CancellationToken ct)
    {
        var profile = await LoadAsync(db, subjectId, options.Value, language, ct);
        await audit.WriteAsync(new AuditEntry("profiling.read", Purposes.Marketing, subjectId, "profile_result", null, [Categories.Profiling.Id]), ct);
        return profile;
    }

    /// <summary>The access report's block about profiling, in words (the report audits itself).</summary>
    public async Task<string> ReportAsync(Guid subjectId, string language, CancellationToken ct)
    {
        var stopped = await Blocked(db).AnyAsync(s => s == subjectId, ct);
        List<ProfileResult> rows = stopped ? [] : await db.Set<ProfileResult>().AsNoTracking().Where(r => r.SubjectId == subjectId).ToListAsync(ct);
        return ProfileWords.Report([.. rows.OrderBy(r => r.Segment is null).ThenBy(r => r.Interest)], stopped, options.Value, language);
    }

    public async Task<IReadOnlyList<ProfilingRunResponse>> RunsAsync(int? limit, CancellationToken ct) =>
        [.. (await db.Set<ProfilingRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Take(Math.Clamp(limit ?? 10, 1, 100)).ToListAsync(ct)).Select(ProfilingRunResponse.From)];

    public static ProfileResultResponse Response(ProfileResult r, ProfilingOptions options, string language) =>
        new(r.Id, r.Segment, r.Interest, r.Rule, r.ComputedAt, r.LastBusinessOn, r.Deliveries, r.Invoices, r.Amount, r.Evidence, r.EvidenceCount,
            ProfileWords.Explain(r, options, language), ProfileWords.RuleName(r, language));
}
