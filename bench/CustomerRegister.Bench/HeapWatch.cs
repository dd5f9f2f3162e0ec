namespace CustomerRegister.Bench;

/// <summary>
/// The managed heap while a scenario's work runs, against a baseline taken after a full collection. Two peaks:
/// <list type="bullet">
/// <item><b>live</b>: the heap after a full blocking collection, forced once a second — what the work holds. This is what
/// must stay flat, whatever the size of the file or the register.</item>
/// <item><b>with garbage</b>: the heap sampled every 100 ms without collecting. It is mostly the garbage collector's
/// young-generation budget (the server GC lets about 95 MiB of short-lived objects pile up between collections on the
/// 2-core machine), the same for a small file as for a large one; printed so that the difference is seen.</item>
/// </list>
/// The forced collections cost the measured work a little time (a few per cent).
/// </summary>
internal sealed class HeapWatch
{
    private const double MiB = 1048576.0;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;
    private long _live;

    private HeapWatch()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _live = Baseline;
        _sampler = Task.Run(SampleAsync);
    }

    public long Baseline { get; }

    /// <summary>MiB above the baseline at the live peak.</summary>
    public double LiveGrowth => (_live - Baseline) / MiB;

    /// <summary>MiB above the baseline at the peak with garbage not yet collected.</summary>
    public double PeakGrowth => (_peak - Baseline) / MiB;

    public static HeapWatch Start() => new();

    /// <summary>Stops sampling; answers what the heap keeps after the work (a full collection, against the baseline).</summary>
    public async Task<double> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
        return (GC.GetTotalMemory(forceFullCollection: true) - Baseline) / MiB;
    }

    public string Describe() => $"heap {Baseline / MiB:N0} MiB + live peak {LiveGrowth:N0} MiB (with garbage {PeakGrowth:N0} MiB)";

    private async Task SampleAsync()
    {
        var tick = 0;
        while (!_stop.IsCancellationRequested)
        {
            _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
            if (++tick % 10 == 0)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true);
                _live = Math.Max(_live, GC.GetTotalMemory(forceFullCollection: false));
            }

            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
