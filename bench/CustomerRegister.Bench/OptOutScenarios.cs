using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CustomerRegister.Bench;

/// <summary>
/// The industry opt-out list (issue 17): a phone list of as many lines as there are subjects (a million at
/// <c>--subjects 1000000</c>) loaded through <c>POST /api/marketing/industry-opt-out</c> and its job; lines per second
/// from the upload to the list in force, and the managed heap sampled while it loads — it must stay flat (the file is
/// streamed and inserted in batches).
/// </summary>
internal sealed partial class Scenarios
{
    public async Task<Row> OptOutLoadAsync(HttpClient marketer)
    {
        var lines = options.Subjects;
        var path = Path.Combine(Path.GetTempPath(), $"bench-optout-{Guid.NewGuid():N}.csv");
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            await writer.WriteLineAsync("puhelin;nimi");
            string[] prefixes = ["040", "050", "044", "045"];
            for (var i = 0; i < lines; i++)
            {
                var digits = (i / prefixes.Length).ToString("D7", CultureInfo.InvariantCulture);
                await writer.WriteLineAsync($"{prefixes[i % prefixes.Length]} {digits[..3]} {digits[3..]};Kieltolistalla {i}");
            }
        }

        var heap = HeapWatch.Start();

        var clock = Stopwatch.StartNew();
        JsonElement list;
        string state;
        try
        {
            await using var file = File.OpenRead(path);
            var content = new StreamContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var form = new MultipartFormDataContent
            {
                { new StringContent("Phone"), "kind" },
                { new StringContent("Bench"), "supplier" },
                { content, "file", "bench.csv" },
            };
            var started = await marketer.PostAsync("/api/marketing/industry-opt-out", form);
            started.EnsureSuccessStatusCode();
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            var job = body.GetProperty("job").GetProperty("id").GetGuid();
            do
            {
                await Task.Delay(250);
                state = (await marketer.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}")).GetProperty("state").GetString()!;
            }
            while (state is not ("Done" or "Failed"));

            clock.Stop();
            list = await marketer.GetFromJsonAsync<JsonElement>($"/api/marketing/industry-opt-out/{body.GetProperty("list").GetProperty("id").GetGuid()}");
        }
        finally
        {
            await heap.StopAsync();
            File.Delete(path);
        }

        var entries = list.GetProperty("entries").GetInt32();
        var rate = lines / clock.Elapsed.TotalSeconds;
        var growth = heap.LiveGrowth;
        Console.WriteLine($"optout-load: {state}, {lines:N0} lines in {clock.Elapsed.TotalSeconds:N1} s, {entries:N0} listed, "
                          + $"{heap.Describe()}");
        return new Row("optout-load", $"{lines:N0} lines, {clock.Elapsed.TotalSeconds:N1} s, {entries:N0} listed, live heap +{growth:N0} MiB",
            $"{rate:N0}/s", "—", "≥ 10 000 lines/s, live heap +≤ 50 MiB", state == "Done" && entries == lines && rate >= 10_000 && growth <= 50);
    }
}
