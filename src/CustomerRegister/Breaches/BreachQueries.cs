using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Breaches;

/// <summary>A breach with its clock as read now.</summary>
public sealed record BreachLine(Breach Breach, BreachClockReading Clock);

/// <summary>A breach, its clock and the people it names.</summary>
public sealed record BreachView(Breach Breach, BreachClockReading Clock, IReadOnlyList<BreachSubject> Subjects);

/// <summary>The desk's figure: breaches whose notification to the authority is still open, and how many need attention now.</summary>
public sealed record BreachDeskFigure(int Open, int NeedAttention, int Overdue);

/// <summary>Reading the breach register: for the API, the pages and the DPO's desk. Each read is audited.</summary>
public sealed class BreachQueries(RegisterDbContext db, AuditLog audit, TimeProvider clock, IOptions<ControllerOptions> controller)
{
    /// <summary>The newest breaches first, at most <see cref="Paging.MaxSize"/>, each with its clock.</summary>
    public async Task<IReadOnlyList<BreachLine>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<Breach>().AsNoTracking().OrderByDescending(b => b.DiscoveredAt).Take(Paging.MaxSize).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("breach.list", Purposes.LegalObligation, EntityType: "breach"), ct);
        return [.. rows.Select(b => new BreachLine(b, BreachClock.Read(b, now)))];
    }

    public async Task<Outcome<BreachView>> GetAsync(Guid id, CancellationToken ct)
    {
        var breach = await db.Set<Breach>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
        {
            return Outcome.Missing;
        }

        var subjects = await db.Set<BreachSubject>().AsNoTracking().Where(s => s.BreachId == id).OrderBy(s => s.AddedAt).ThenBy(s => s.Id)
            .ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("breach.read", Purposes.LegalObligation, EntityType: "breach", EntityId: id.ToString()), ct);
        return new BreachView(breach, BreachClock.Read(breach, clock.GetUtcNow().UtcDateTime), subjects);
    }

    /// <summary>Open notifications only (few rows: the index on the decision); no personal data, not audited.</summary>
    public async Task<BreachDeskFigure> DeskAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<Breach>().AsNoTracking().Where(b => b.Authority == AuthorityDecision.Pending)
            .Select(b => b.DiscoveredAt).ToListAsync(ct);
        var readings = open.Select(d => BreachClock.Read(d, AuthorityDecision.Pending, null, now)).ToList();
        return new BreachDeskFigure(readings.Count, readings.Count(r => r.NeedsAttention), readings.Count(r => r.State == BreachClockState.Overdue));
    }

    /// <summary>The letter to the people affected in <paramref name="language"/> (fi, sv or en; Finnish when none is named).</summary>
    public async Task<Outcome<BreachLetterResponse>> LetterAsync(Guid id, string? language, CancellationToken ct)
    {
        if (language is not null && !Languages.All.Contains(language))
        {
            return Outcome.Invalid("language", FieldMessages.OneOfLanguages);
        }

        var breach = await db.Set<Breach>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
        {
            return Outcome.Missing;
        }

        var lang = language ?? Languages.Default;
        var (subject, body) = BreachLetters.Letter(breach, lang, RequestLetters.From(controller.Value));
        return new BreachLetterResponse(lang, subject, body);
    }
}
