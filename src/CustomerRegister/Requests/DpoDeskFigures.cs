using CustomerRegister.Audit;
using CustomerRegister.Retention;

namespace CustomerRegister.Requests;

/// <summary>
/// The desk's slow figures, recomputed in the background when older than <see cref="Period"/>, in a scope of their own:
/// the items the sweep removes this month and the next — read from the retention forecast
/// (<see cref="ForecastCache"/>: what is overdue plus this month's items, and the next month's), not counted again — and
/// the audit chain's verification (<see cref="AuditQueries.VerifyAsync(bool, CancellationToken)"/>: the seals since the
/// last valid verification, the whole chain once a day). The first call waits up to <see cref="FirstWait"/> for them, so
/// a small register shows them at once.
/// </summary>
public sealed class DpoDeskFigures(IServiceScopeFactory scopes, ForecastCache forecasts, TimeProvider clock, ILogger<DpoDeskFigures> log)
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Task? _running;
    private ChainState? _chain;
    private DateTime _computedAt = DateTime.MinValue;

    public async Task<(SweepOutlook? Outlook, ChainState? Chain)> GetAsync(CancellationToken ct)
    {
        Task? running;
        lock (_gate)
        {
            if (_running is null && clock.GetUtcNow().UtcDateTime - _computedAt > Period)
            {
                _running = Task.Run(VerifyAsync, CancellationToken.None);
            }

            running = _running;
        }

        var forecast = forecasts.GetAsync(fresh: false, ct);
        var waited = Task.WhenAll(forecast, running ?? Task.CompletedTask);
        if (!waited.IsCompleted)
        {
            await Task.WhenAny(waited, Task.Delay(FirstWait, ct));
        }

        var outlook = forecast.IsCompletedSuccessfully ? Outlook(forecast.Result) : null;
        return (outlook, _chain);
    }

    /// <summary>Forgets the figures so that the next call computes them again (after a sweep, or in tests).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _computedAt = DateTime.MinValue;
        }
    }

    /// <summary>This month's items are those overdue and those falling due before it ends; the next month's are its own.</summary>
    public static SweepOutlook Outlook(ForecastResponse forecast) =>
        new(forecast.ComputedAt, forecast.Rules.Sum(r => r.Overdue + r.Months[0]), forecast.Rules.Sum(r => r.Months[1]));

    private async Task VerifyAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var verification = await scope.ServiceProvider.GetRequiredService<AuditQueries>().VerifyAsync(full: false, CancellationToken.None);
            _chain = new ChainState(clock.GetUtcNow().UtcDateTime, verification.Valid, verification.EventsChecked, verification.UnsealedEvents,
                verification.HeadHash, verification.Problems.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("The DPO desk's chain verification could not be made: {Error}", e.GetType().Name);
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
