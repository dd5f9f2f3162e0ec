using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Retention;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>CCTV footage is due by the Helsinki day of its start and of the sweep, never by the UTC date (two or three hours behind).</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class CctvDueDayTests(RetentionClockFactory app) : IClassFixture<RetentionClockFactory>
{
    [Fact]
    public async Task AtHalfPastMidnightInHelsinkiFootageGoesByTheHelsinkiDayNotTheUtcDate()
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Kamerat", permissions = new[] { Permissions.RecordingUpload } });
        var cameras = app.Anonymous();
        cameras.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName,
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!);
        var unit = await admin.PostAsJsonAsync("/api/production-units", new { name = "Lahden piha", cctvRetentionMonths = 1 });
        var unitId = (await unit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The sweep runs at 00:30 in Helsinki: the UTC date is still yesterday's.
        var sweepDay = app.Today.AddDays(2);
        app.Clock.SetUtcNow(new DateTimeOffset(HelsinkiTime.StartUtc(sweepDay).AddMinutes(30), TimeSpan.Zero));
        Assert.Equal(sweepDay.AddDays(-1), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        var firstKept = RetentionPeriod.Months(1).FirstKept(sweepDay)!.Value;
        Assert.Equal(sweepDay, RetentionPeriod.Months(1).DueFrom(firstKept));

        async Task<Guid> UploadAsync(DateTime start)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(unitId.ToString()), "unit" },
                { new StringContent("Portti 1"), "camera" },
                { new StringContent(start.ToString("O", CultureInfo.InvariantCulture)), "periodStart" },
                { new StringContent(start.AddMinutes(5).ToString("O", CultureInfo.InvariantCulture)), "periodEnd" },
            };
            var video = new ByteArrayContent(new byte[4096]);
            video.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("video/mp4");
            form.Add(video, "file", "clip.mp4");
            var response = await cameras.PostAsync("/api/recordings/cctv", form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        }

        // Ten minutes into the first kept Helsinki day (its UTC date is the day before): due today, so kept.
        var kept = await UploadAsync(HelsinkiTime.StartUtc(firstKept).AddMinutes(10));
        // Ten minutes before it, the last minutes of the day before in Helsinki: due yesterday, so removed.
        var gone = await UploadAsync(HelsinkiTime.StartUtc(firstKept).AddMinutes(-10));

        var preview = await (await app.DpoAsync()).GetFromJsonAsync<JsonElement>("/api/retention/preview");
        Assert.Equal(1L, preview.GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("rule").GetString() == RetentionRule.CctvRecording.Id).Sum(l => l.GetProperty("due").GetInt64()));

        await app.SweepAsync();
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM cctv_recordings WHERE id = '{app.Literal(kept)}'"));
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM cctv_recordings WHERE id = '{app.Literal(gone)}'"));
    }
}
