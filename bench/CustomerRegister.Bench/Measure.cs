using System.Diagnostics;
using System.Globalization;

namespace CustomerRegister.Bench;

internal sealed record Latencies(int Count, double P50, double P95, double P99, double PerSecond)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50,6:F2}  p95 {P95,6:F2}  p99 {P99,6:F2} ms");
}

internal static class Measure
{
    /// <summary>Runs <paramref name="operation"/> for items 0..count-1 on <paramref name="clients"/> concurrent workers, after a warm-up.</summary>
    public static async Task<Latencies> RunAsync(int count, int warmUp, int clients, Func<int, Task> operation)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await operation(count + i);
        }

        var times = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(i);
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(times);
        return new Latencies(count, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), count / total.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> on <paramref name="clients"/> concurrent workers until <paramref name="until"/>
    /// completes, and reports over every call made meanwhile (the same statistics as <see cref="RunAsync"/>).
    /// </summary>
    public static async Task<Latencies> WhileAsync(Task until, int clients, Func<int, Task> operation, TextWriter? timeline = null)
    {
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var windows = new System.Collections.Concurrent.ConcurrentDictionary<int, System.Collections.Concurrent.ConcurrentBag<double>>();
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (!until.IsCompleted)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(Interlocked.Increment(ref next));
                var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                times.Add(took);
                windows.GetOrAdd((int)(total.Elapsed.TotalSeconds / Window), _ => []).Add(took);
            }
        })));
        total.Stop();
        if (timeline is not null)
        {
            // p95 per 5 s window, to see which phase of the concurrent work the slow calls fall in.
            await timeline.WriteLineAsync("  p95 per 5 s: " + string.Join(" ", windows.OrderBy(w => w.Key).Select(w =>
            {
                var sorted = w.Value.ToArray();
                Array.Sort(sorted);
                return string.Create(CultureInfo.InvariantCulture, $"{w.Key * Window}s:{Percentile(sorted, 0.95):F0}");
            })));
        }

        var sorted = times.ToArray();
        Array.Sort(sorted);
        return new Latencies(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            sorted.Length / total.Elapsed.TotalSeconds);
    }

    /// <summary>Seconds per window of the timeline.</summary>
    private const int Window = 5;

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
