using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Recordings;

/// <summary>The lists of call recordings and CCTV footage, each a page of its kind's handler (audited there).</summary>
public sealed class RecordingQueries(
    RegisterDbContext db, ProcessingLimits limits, RecordingHandler<CallRecording> calls, RecordingHandler<CctvRecording> cctv)
{
    /// <summary>Call recordings, newest first; one person's with <paramref name="subjectId"/>. A restricted person's stay out but for the DPO.</summary>
    public async Task<Outcome<Page<CallRecording>>> ListCallsAsync(Guid? subjectId, Guid? after, int? limit, string purpose, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        // A restricted person's calls (Art 18) stay out of the list for all but the DPO.
        var query = await limits.VisibleAsync(db.Set<CallRecording>().AsNoTracking(), r => r.SubjectId);
        if (subjectId is { } s)
        {
            query = query.Where(r => r.SubjectId == s);
        }

        return await calls.PageAsync(query, after, size, purpose, subjectId, ct);
    }

    /// <summary>CCTV footage of a production unit, newest first, optionally overlapping <paramref name="from"/>–<paramref name="to"/>.</summary>
    public async Task<Outcome<Page<CctvRecording>>> ListCctvAsync(
        Guid? unit, string? from, string? to, Guid? after, int? limit, string purpose, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Paging.Size(errors, limit);
        if (unit is null)
        {
            errors.Add("unit", FieldMessages.RequiredUnit);
        }

        var fromTime = from is null ? null : errors.Time("from", from);
        var toTime = to is null ? null : errors.Time("to", to);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var query = db.Set<CctvRecording>().AsNoTracking().Where(r => r.UnitId == unit);
        if (fromTime is { } f)
        {
            query = query.Where(r => r.PeriodEnd > f);
        }

        if (toTime is { } t)
        {
            query = query.Where(r => r.PeriodStart < t);
        }

        return await cctv.PageAsync(query, after, size!.Value, purpose, null, ct);
    }
}
