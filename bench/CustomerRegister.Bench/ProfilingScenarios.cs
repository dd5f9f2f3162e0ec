using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace CustomerRegister.Bench;

/// <summary>
/// Profiling (issue 16): the nightly run over every seeded customer, started as the DPO's "run now" job
/// (<c>POST /api/profiling/runs</c>) and followed at <c>/api/jobs/{id}</c>; people per second, and the managed heap
/// sampled while it runs — it must stay flat (the run works in batches and keeps nothing of a batch).
/// </summary>
internal sealed partial class Scenarios
{
    public async Task<Row> ProfilingRunAsync(HttpClient dpo)
    {
        var heap = HeapWatch.Start();

        var clock = Stopwatch.StartNew();
        var started = await dpo.PostAsJsonAsync("/api/profiling/runs", new { });
        started.EnsureSuccessStatusCode();
        var job = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        string state;
        do
        {
            await Task.Delay(250);
            state = (await dpo.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}")).GetProperty("state").GetString()!;
        }
        while (state is not ("Done" or "Failed"));

        clock.Stop();
        await heap.StopAsync();
        var run = (await dpo.GetFromJsonAsync<JsonElement>("/api/profiling/runs?limit=1"))[0];
        var profiled = run.GetProperty("profiled").GetInt32();
        var results = run.GetProperty("results").GetInt32();
        var rate = options.Subjects / clock.Elapsed.TotalSeconds;
        var growth = heap.LiveGrowth;
        Console.WriteLine($"profiling: {state}, {options.Subjects:N0} subjects in {clock.Elapsed.TotalSeconds:N1} s, {profiled:N0} profiled, "
                          + $"{results:N0} results, {heap.Describe()}");
        return new Row("profiling run", $"{clock.Elapsed.TotalSeconds:N1} s, {profiled:N0} profiled, {results:N0} results, live heap +{growth:N0} MiB",
            $"{rate:N0}/s", "—", "≥ 2 000 people/s, live heap +≤ 256 MiB", state == "Done" && rate >= 2_000 && growth <= 256);
    }
}
