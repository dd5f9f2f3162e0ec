using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Retention;

/// <summary>One calendar month of the forecast (the first is the rest of the current month): its days and what falls due in it.</summary>
public sealed record ForecastMonth(DateOnly From, DateOnly To, long Due);

/// <summary>
/// One kind of item (a table under a rule) in the forecast: what is already past its date (a sweep today removes it), what
/// falls due in each of the twelve months, and how many of those a hold keeps back.
/// </summary>
public sealed record ForecastItem(string Table, IReadOnlyList<string> Categories, string Rule, string Reason, long Overdue,
    IReadOnlyList<long> Months, long Held)
{
    public long Total => Overdue + Months.Sum();
}

/// <summary>A rule's items together, as the chart draws them.</summary>
public sealed record ForecastRule(string Rule, long Overdue, IReadOnlyList<long> Months, long Held)
{
    public long Total => Overdue + Months.Sum();
}

/// <summary>People whose data a hold keeps, by the kind of hold.</summary>
public sealed record ForecastHold(string Reason, long People);

public sealed record ForecastResponse(DateTime ComputedAt, DateOnly Today, IReadOnlyList<ForecastMonth> Months, IReadOnlyList<ForecastRule> Rules,
    IReadOnlyList<ForecastItem> Items, IReadOnlyList<ForecastHold> Holds);

/// <summary>
/// The retention forecast: what falls due in each of the next twelve months, by rule and by kind of item, built from the
/// preview itself (<see cref="RetentionSweep.PreviewAsync"/>, the sweep's own conditions): the preview as of the first day
/// of each month counts what is past its date by then, and a month's items are the difference from the month before.
/// Thirteen previews are not cheap on a large register (about 1.5 s each at a million people), so the forecast is kept
/// (<see cref="ForecastCache"/>) until a hold is set or released, a sweep runs, the day changes or
/// <see cref="ForecastCache.Lifetime"/> passes.
/// </summary>
public sealed class RetentionForecast(RetentionSweep sweep, ForecastCache cache, AuditLog audit, TimeProvider clock)
{
    public const int MonthsAhead = 12;

    /// <summary>The forecast (kept or computed now); <paramref name="fresh"/> computes it again.</summary>
    public async Task<ForecastResponse> ForecastAsync(bool fresh, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = HelsinkiTime.DateOf(now);
        var forecast = fresh ? null : cache.Get(today, now);
        if (forecast is null)
        {
            var generation = cache.Generation;
            forecast = await ComputeAsync(now, today, ct);
            cache.Put(forecast, generation);
        }

        await audit.WriteAsync(new AuditEntry("retention.preview", Purposes.LegalObligation, EntityType: "retention_run"), ct);
        return forecast;
    }

    /// <summary>The first day of each month from the next one on, then the months' day ranges.</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> MonthsFrom(DateOnly today) =>
    [
        .. Enumerable.Range(0, MonthsAhead).Select(k =>
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(k);
            return (k == 0 ? today : first, first.AddMonths(1).AddDays(-1));
        }),
    ];

    private async Task<ForecastResponse> ComputeAsync(DateTime now, DateOnly today, CancellationToken ct)
    {
        var months = MonthsFrom(today);

        // What a sweep removes on a day is what is past its date by then: today's preview is what is overdue now, and
        // the preview on the day after a month's last day is everything due up to the end of that month.
        var previews = new List<IReadOnlyList<DueLine>> { await sweep.PreviewAsync(now, ct) };
        foreach (var (_, to) in months)
        {
            previews.Add(await sweep.PreviewAsync(HelsinkiTime.StartUtc(to.AddDays(1)), ct));
        }

        var keys = previews.SelectMany(p => p).Where(l => l.Rule != "held").Select(l => (l.Table, l.Rule)).Distinct()
            .OrderBy(k => k.Rule, StringComparer.Ordinal).ThenBy(k => k.Table, StringComparer.Ordinal).ToList();
        var items = new List<ForecastItem>();
        foreach (var (table, rule) in keys)
        {
            var lines = previews.Select(p => p.Where(l => l.Table == table && l.Rule == rule).ToList()).ToList();
            var cumulative = lines.Select(l => l.Sum(x => x.Due)).ToList();
            var monthly = Enumerable.Range(1, MonthsAhead).Select(k => Math.Max(0, cumulative[k] - cumulative[k - 1])).ToList();
            var all = lines.SelectMany(l => l).ToList();
            items.Add(new ForecastItem(table, [.. all.SelectMany(l => l.Categories).Distinct()], rule,
                string.Join("; ", all.Select(l => l.Reason).Distinct()), cumulative[0], monthly, lines[^1].Sum(x => x.Held)));
        }

        var rules = items.GroupBy(i => i.Rule).Select(g => new ForecastRule(g.Key, g.Sum(i => i.Overdue),
            [.. Enumerable.Range(0, MonthsAhead).Select(k => g.Sum(i => i.Months[k]))], g.Sum(i => i.Held))).ToList();
        var holds = previews[0].Where(l => l.Rule == "held").Select(l => new ForecastHold(l.Reason, l.Held)).ToList();
        return new ForecastResponse(now, today, [.. months.Select((m, k) => new ForecastMonth(m.From, m.To, rules.Sum(r => r.Months[k])))],
            rules, items, holds);
    }
}

/// <summary>
/// The last forecast of this instance, for the day it was computed on: forgotten when a hold is set or released or a
/// sweep has run (<see cref="Invalidate"/>), and after <see cref="Lifetime"/>. Another instance's holds and sweeps do
/// not reach it; the lifetime bounds how stale it can be.
/// </summary>
public sealed class ForecastCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly Lock _lock = new();
    private ForecastResponse? _forecast;
    private long _forecastGeneration = -1;
    private long _generation;

    public long Generation
    {
        get
        {
            lock (_lock)
            {
                return _generation;
            }
        }
    }

    public ForecastResponse? Get(DateOnly today, DateTime now)
    {
        lock (_lock)
        {
            return _forecast is { } f && _forecastGeneration == _generation && f.Today == today && now - f.ComputedAt < Lifetime ? f : null;
        }
    }

    /// <summary>Keeps a forecast computed from the data as of <paramref name="generation"/> (one that a change has since made stale is not kept).</summary>
    public void Put(ForecastResponse forecast, long generation)
    {
        lock (_lock)
        {
            if (generation == _generation)
            {
                _forecast = forecast;
                _forecastGeneration = generation;
            }
        }
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _generation++;
            _forecast = null;
        }
    }
}
