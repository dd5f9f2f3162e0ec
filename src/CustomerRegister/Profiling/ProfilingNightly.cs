using CustomerRegister.Infrastructure;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Profiling;

/// <summary>
/// Runs profiling every night at <see cref="ProfilingOptions.RunAtHour"/> Helsinki time, on the register's clock
/// (<see cref="TimeProvider"/>: tests move it). One run per night across instances: the night is a unique key of the run.
/// </summary>
public sealed class ProfilingNightly(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ProfilingOptions> options, ILogger<ProfilingNightly> log)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _finished;

    /// <summary>Nights this instance has finished (run or found already run by another instance).</summary>
    public int Finished => _finished;

    /// <summary>Completes when this instance has finished <paramref name="count"/> nights (for tests: no sleeping).</summary>
    public Task WhenFinishedAsync(int count)
    {
        lock (_gate)
        {
            if (_finished >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    /// <summary>The next run after <paramref name="utcNow"/>: today's hour if still ahead, else tomorrow's.</summary>
    public static DateTime NextRun(DateTime utcNow, int hour)
    {
        var today = HelsinkiTime.DateOf(utcNow);
        var at = HelsinkiTime.StartUtc(today).AddHours(hour);
        return at > utcNow ? at : HelsinkiTime.StartUtc(today.AddDays(1)).AddHours(hour);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.NightlyEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = NextRun(now, options.Value.RunAtHour);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = await scope.ServiceProvider.GetRequiredService<ProfilingRunner>()
                    .RunAsync("schedule", HelsinkiTime.DateOf(next), null, stoppingToken);
                log.LogInformation("Nightly profiling {Outcome}", run is null ? "already run by another instance" : $"profiled {run.Profiled}");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Nightly profiling failed; it runs again the next night");
            }

            lock (_gate)
            {
                _finished++;
                foreach (var waiter in _waiters.Where(w => w.Count <= _finished).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.SetResult();
                }
            }
        }
    }
}
