using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CustomerRegister.Bench;

/// <summary>
/// Imports (issue 17): a file of <c>--import-rows</c> synthetic consumers (default 100 000; a few hundred repeat an earlier
/// row's email, so duplicates are matched too) uploaded as customer service, its dry run and then the import followed
/// at <c>/api/jobs/{id}</c>; rows per second of each, and the managed heap (<see cref="HeapWatch"/>: its live peak above the
/// baseline): it must stay flat, since the file is read as a stream and handled a chunk at a time.
/// </summary>
internal sealed partial class Scenarios
{
    public async Task<IReadOnlyList<Row>> ImportAsync(HttpClient service, int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-import-{Guid.NewGuid():N}.csv");
        try
        {
            await WriteImportFileAsync(path, rows);
            var heap = HeapWatch.Start();

            var check = Stopwatch.StartNew();
            await using var file = File.OpenRead(path);
            using var content = new StreamContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var uploaded = await service.PostAsync("/api/imports?kind=Consumers&source=PublicSources&supplier=Bench&policy=FillEmpty&fileName=bench.csv", content);
            uploaded.EnsureSuccessStatusCode();
            var started = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
            var batch = started.GetProperty("batchId").GetGuid();
            var checkState = await FollowJobAsync(service, started.GetProperty("jobId").GetGuid());
            check.Stop();

            var run = Stopwatch.StartNew();
            var confirmed = await service.PostAsync($"/api/imports/{batch}/confirm", null);
            confirmed.EnsureSuccessStatusCode();
            var runState = await FollowJobAsync(service, (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid());
            run.Stop();
            var retained = await heap.StopAsync();

            var result = await service.GetFromJsonAsync<JsonElement>($"/api/imports/{batch}");
            var counts = result.GetProperty("counts");
            var growth = heap.LiveGrowth;
            var checkRate = rows / check.Elapsed.TotalSeconds;
            var runRate = rows / run.Elapsed.TotalSeconds;
            Console.WriteLine($"import: {rows:N0} rows, dry run {checkState} in {check.Elapsed.TotalSeconds:N1} s, import {runState} ({result.GetProperty("state")}) "
                              + $"in {run.Elapsed.TotalSeconds:N1} s, new {counts.GetProperty("new")}, updated {counts.GetProperty("updated")}, "
                              + $"duplicates {counts.GetProperty("skipped").GetInt32() + counts.GetProperty("unchanged").GetInt32()}, "
                              + $"{heap.Describe()}, retained after {retained:N0} MiB");
            var imported = result.GetProperty("state").GetString() == "Imported";
            return
            [
                new Row("import dry run", $"{rows:N0} rows in {check.Elapsed.TotalSeconds:N1} s, live heap +{growth:N0} MiB", $"{checkRate:N0}/s", "—",
                    "≥ 5 000 rows/s", checkState == "Done" && checkRate >= 5_000),
                new Row("import", $"{rows:N0} rows in {run.Elapsed.TotalSeconds:N1} s, live heap +{growth:N0} MiB (kept {retained:N0})", $"{runRate:N0}/s", "—",
                    "≥ 5 000 rows/s, live heap +≤ 50 MiB", imported && runRate >= 5_000 && growth <= 50),
            ];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> FollowJobAsync(HttpClient client, Guid job)
    {
        string state;
        do
        {
            await Task.Delay(250);
            state = (await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}")).GetProperty("state").GetString()!;
        }
        while (state is not ("Done" or "Failed"));

        return state;
    }

    /// <summary>Synthetic consumers as Finnish Excel writes them: semicolons, a byte order mark; every 250th row repeats an earlier email.</summary>
    private static async Task WriteImportFileAsync(string path, int rows)
    {
        string[] first = ["Aino", "Eero", "Helmi", "Juhani", "Kaisa", "Lauri", "Maija", "Onni", "Pirjo", "Ville"];
        string[] last = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen"];
        string[] cities = ["Helsinki", "Tampere", "Turku", "Oulu", "Jyväskylä"];
        var random = new Random(17);
        var run = Guid.NewGuid().ToString("N")[..6];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("first_name;last_name;street;postal_code;city;phone;email");
        for (var i = 0; i < rows; i++)
        {
            var n = i % 250 == 249 ? i - 100 : i;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{first[n % 10]};{last[n / 10 % 10]}{n % 7};Tuontikatu {n % 300 + 1} {(char)('A' + n % 6)} {n % 40 + 1};{random.Next(100, 99999):00000};"
                + $"{cities[n % 5]};050 {n % 10_000_000:0000000};tuonti.{run}.{n}@example.fi");
            await writer.WriteLineAsync(line);
        }
    }
}
