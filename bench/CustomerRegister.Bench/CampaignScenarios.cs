using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace CustomerRegister.Bench;

/// <summary>
/// Campaign lists (issue 17): a saved campaign over every seeded person (post, sales and marketing — the channel with
/// the most people allowed by default) exported as CSV through <c>POST /api/campaigns/{id}/export</c>, the file read
/// as it streams; people judged per second, rows written, and the managed heap sampled while it runs — it must stay
/// flat (the list is drawn in batches by subject id and written as it goes).
/// </summary>
internal sealed partial class Scenarios
{
    public async Task<Row> CampaignExportAsync(HttpClient marketer)
    {
        var created = await marketer.PostAsJsonAsync("/api/campaigns", new { name = "Bench post", channel = "Post", purpose = "sales_and_marketing" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var heap = HeapWatch.Start();

        var clock = Stopwatch.StartNew();
        long rows = -1;
        using (var response = await marketer.PostAsync($"/api/campaigns/{id}/export", null, CancellationToken.None))
        {
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is not null)
            {
                rows++;
            }
        }

        clock.Stop();
        await heap.StopAsync();
        var run = (await marketer.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("runs")[0];
        var selected = run.GetProperty("selected").GetInt32();
        var rate = selected / clock.Elapsed.TotalSeconds;
        var growth = heap.LiveGrowth;
        Console.WriteLine($"campaign: {selected:N0} selected, {rows:N0} rows in {clock.Elapsed.TotalSeconds:N1} s, "
                          + $"{heap.Describe()}");
        return new Row("campaign export (post)", $"{clock.Elapsed.TotalSeconds:N1} s, {selected:N0} judged, {rows:N0} rows, live heap +{growth:N0} MiB",
            $"{rate:N0}/s", "—", "≥ 5 000 people/s, live heap +≤ 256 MiB", rate >= 5_000 && growth <= 256);
    }
}
