using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>
/// Sweeps on a schedule (Retention:SweepIntervalMinutes), first one interval after start. The schedule is on the wall
/// clock on purpose: a test that moves the register's clock by days must not set off sweeps it did not ask for.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, ILogger<RetentionJob> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync("schedule", stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled retention sweep failed; it runs again at the next interval");
            }
        }
    }
}
