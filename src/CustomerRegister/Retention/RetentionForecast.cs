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
/// and computed once at a time by <see cref="ForecastCache"/>.
/// </summary>
public sealed class RetentionForecast(RetentionSweep sweep, ForecastCache cache, AuditLog audit)
{
    public const int MonthsAhead = 12;

    /// <summary>The forecast (kept or computed now); <paramref name="fresh"/> computes it again.</summary>
    public async Task<ForecastResponse> ForecastAsync(bool fresh, CancellationToken ct)
    {
        var forecast = await cache.GetAsync(fresh, ct);
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

    /// <summary>Computes the forecast as of <paramref name="now"/> (no audit: <see cref="ForecastCache"/> calls it in its own scope).</summary>
    public async Task<ForecastResponse> ComputeAsync(DateTime now, CancellationToken ct)
    {
        var today = HelsinkiTime.DateOf(now);
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
/// The last forecast of this instance, computed one at a time (callers that arrive meanwhile share the computation).
/// A forecast is current for the day it was computed on until a hold is set or released or a sweep has run
/// (<see cref="Invalidate"/>, which also starts the new computation at once if one is in use, so the DPO going back to
/// the page finds it ready or nearly so). Once older than <see cref="Lifetime"/> it is still shown — with the time it was computed — while
/// a new one is computed in the background: another instance's holds and sweeps do not reach this one, and the lifetime
/// bounds how stale it can be without making anyone wait for thirteen previews.
/// </summary>
public sealed class ForecastCache(IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ForecastCache> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly Lock _lock = new();
    private ForecastResponse? _forecast;
    private long _forecastGeneration = -1;
    private long _generation;
    private Task<ForecastResponse>? _running;

    /// <summary>
    /// The kept forecast if it is current (refreshed in the background once older than <see cref="Lifetime"/>); otherwise
    /// the one being computed, started now if none is. <paramref name="fresh"/> waits for a new computation.
    /// </summary>
    public Task<ForecastResponse> GetAsync(bool fresh, CancellationToken ct)
    {
        Task<ForecastResponse> result;
        lock (_lock)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var current = _forecast is { } f && _forecastGeneration == _generation && f.Today == HelsinkiTime.DateOf(now) ? f : null;
            if (current is not null && !fresh)
            {
                if (now - current.ComputedAt >= Lifetime)
                {
                    StartLocked();
                }

                return Task.FromResult(current);
            }

            // A fresh one is computed after anything already running (which may have read the data before the call).
            result = StartLocked(force: fresh);
        }

        return result.WaitAsync(ct);
    }

    /// <summary>
    /// The data changed (a hold, a sweep): the kept forecast is no longer current, and a new one is started if this
    /// instance has one in use (none is computed for an instance nobody asked).
    /// </summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _generation++;
            var inUse = _forecast is not null || _running is not null;
            _forecast = null;
            if (inUse)
            {
                StartLocked(force: true);
            }
        }
    }

    private Task<ForecastResponse> StartLocked(bool force = false)
    {
        if (_running is { } running && !force)
        {
            return running;
        }

        var generation = _generation;
        var previous = _running ?? Task.FromResult<ForecastResponse>(null!);
        var task = Task.Run(async () =>
        {
            // One computation at a time: a forced one starts after the one before it (whose result is then not kept).
            await previous.ContinueWith(_ => { }, TaskScheduler.Default);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var forecast = await scope.ServiceProvider.GetRequiredService<RetentionForecast>()
                    .ComputeAsync(clock.GetUtcNow().UtcDateTime, lifetime.ApplicationStopping);
                Keep(forecast, generation);
                return forecast;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("The retention forecast could not be computed: {Error}", e.GetType().Name);
                throw;
            }
        });
        _running = task;
        _ = task.ContinueWith(t =>
        {
            lock (_lock)
            {
                if (_running == t)
                {
                    _running = null;
                }
            }
        }, TaskScheduler.Default);
        return task;
    }

    /// <summary>Keeps a forecast computed from the data as of <paramref name="generation"/> (one that a change has since made stale is not kept).</summary>
    private void Keep(ForecastResponse forecast, long generation)
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
}
