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

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
