using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Recordings;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>CCTV footage: production units and their retention period, upload per unit, download by range and the sweep.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class CctvRecordingsTests(RecordingsFactory app) : RecordingsTestBase, IClassFixture<RecordingsFactory>
{
    protected override RecordingsFactory App => app;

    [Fact]
    public async Task ACctvUnitSetToSevenMonthsIsRefusedAndSixIsAccepted()
    {
        var admin = await app.AdminAsync();

        var seven = await admin.PostAsJsonAsync("/api/production-units", new { name = "Tampere yard", cctvRetentionMonths = 7 });
        var six = await admin.PostAsJsonAsync("/api/production-units", new { name = "Tampere yard", address = "Teollisuuskatu 3", cctvRetentionMonths = 6 });

        Assert.Equal(HttpStatusCode.BadRequest, seven.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(seven)).TryGetProperty("cctvRetentionMonths", out _));
        Assert.Equal(HttpStatusCode.Created, six.StatusCode);
        var unit = await six.Content.ReadFromJsonAsync<JsonElement>();
        var id = unit.GetProperty("id").GetGuid();

        // Changing a unit's period is the DPO's.
        var dpo = (await app.CreateUserAsync(Roles.DataProtectionOfficer)).Client;
        var toSeven = await dpo.PutAsJsonAsync($"/api/production-units/{id}", new { name = "Tampere yard", cctvRetentionMonths = 7, version = 1 });
        Assert.True((await RegisterData.ErrorsOf(toSeven)).TryGetProperty("cctvRetentionMonths", out _));
        var toThree = await dpo.PutAsJsonAsync($"/api/production-units/{id}", new { name = "Tampere yard", cctvRetentionMonths = 3, version = 1 });
        Assert.Equal(HttpStatusCode.OK, toThree.StatusCode);
        var stale = await dpo.PutAsJsonAsync($"/api/production-units/{id}", new { name = "Tampere yard", cctvRetentionMonths = 2, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(3, (await service.Client.GetFromJsonAsync<JsonElement>($"/api/production-units/{id}")).GetProperty("cctvRetentionMonths").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await service.Client.PostAsJsonAsync("/api/production-units", new { name = "X", cctvRetentionMonths = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/production-units/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task CctvFootageIsUploadedPerUnitAndDownloadedByRange()
    {
        var unit = await UnitAsync();
        var video = Wav(512 * 1024, seed: 11);
        var uploader = await TelephonyAsync();

        var created = await uploader.PostAsync("/api/recordings/cctv", CctvForm(video, unit.ToString()));
        var wrongUnit = await uploader.PostAsync("/api/recordings/cctv", CctvForm(video, Guid.NewGuid().ToString(), contentType: "audio/wav",
            periodEnd: DateTime.UtcNow.AddHours(-3).ToString("O")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(video.Length, body.GetProperty("sizeBytes").GetInt64());
        var errors = await RegisterData.ErrorsOf(wrongUnit);
        Assert.True(errors.TryGetProperty("unit", out _));
        Assert.True(errors.TryGetProperty("file", out _));
        Assert.True(errors.TryGetProperty("periodEnd", out _));

        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/cctv/{id}/video");
        ranged.Headers.Range = new RangeHeaderValue(0, 9);
        var part = await dpo.Client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(video[..10], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(video, await dpo.Client.GetByteArrayAsync($"/api/recordings/cctv/{id}/video"));
        var listed = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/recordings/cctv?unit={unit}");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await dpo.Client.GetAsync("/api/recordings/cctv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dpo.Client.GetAsync($"/api/recordings/cctv/{id}")).StatusCode);
    }

    [Fact]
    public async Task ACctvClipLongerThanADayIsRefusedNamingPeriodEndAndLeavesNoFile()
    {
        var unit = await UnitAsync();
        var uploader = await TelephonyAsync();
        var before = StoredFiles().Count;
        var end = DateTime.UtcNow.AddHours(-1);

        var tooLong = await uploader.PostAsync("/api/recordings/cctv",
            CctvForm(Wav(4096, 17), unit.ToString(), periodStart: Iso(end.AddHours(-25)), periodEnd: Iso(end)));
        var aDay = await uploader.PostAsync("/api/recordings/cctv",
            CctvForm(Wav(4096, 18), unit.ToString(), periodStart: Iso(end.AddHours(-24)), periodEnd: Iso(end)));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var errors = await RegisterData.ErrorsOf(tooLong);
        Assert.True(errors.TryGetProperty("periodEnd", out var why), errors.ToString());
        Assert.Contains("24 hours", why.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, aDay.StatusCode);
        Assert.Equal(before + 1, StoredFiles().Count);
        Assert.Empty(IncomingFiles());
    }

    [Fact]
    public async Task CctvFootageIsSweptByTheStartOfTheClipNotItsEnd()
    {
        var unit = await UnitAsync(); // a one-month period
        var uploader = await TelephonyAsync();
        // Helsinki days: a clip is kept through the day a month after the day it started.
        var monthAgo = HelsinkiTime.Today(TimeProvider.System).AddMonths(-1);

        // Filmed from midday of the day before that month to the next morning: due by its start, though its end is not.
        var straddling = await UploadCctvAsync(uploader, CctvForm(Wav(4096, 19), unit.ToString(),
            periodStart: Iso(HelsinkiTime.StartUtc(monthAgo.AddDays(-1)).AddHours(12)), periodEnd: Iso(HelsinkiTime.StartUtc(monthAgo).AddHours(10))));
        var young = await UploadCctvAsync(uploader, CctvForm(Wav(4096, 20), unit.ToString(),
            periodStart: Iso(HelsinkiTime.StartUtc(monthAgo).AddHours(1)), periodEnd: Iso(HelsinkiTime.StartUtc(monthAgo).AddHours(2))));
        var straddlingKey = await CctvKeyAsync(straddling);

        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var run = await dpo.Client.PostAsJsonAsync("/api/retention/run", new { });
        Assert.True(run.IsSuccessStatusCode, await run.Content.ReadAsStringAsync());

        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM cctv_recordings WHERE id = '{IdLiteral(straddling)}'"), CultureInfo.InvariantCulture));
        Assert.False(File.Exists(Path.Combine(app.StorePath, straddlingKey[..2], straddlingKey)));
        Assert.Equal(1L, Convert.ToInt64(await app.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM cctv_recordings WHERE id = '{IdLiteral(young)}'"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheDatabaseRefusesAUnitPeriodOutsideOneToSixMonths()
    {
        var unit = await UnitAsync();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            app.Database.ExecuteAsync($"UPDATE production_units SET cctv_retention_months = 7 WHERE id = '{IdLiteral(unit)}'"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            app.Database.ExecuteAsync($"UPDATE production_units SET cctv_retention_months = 0 WHERE id = '{IdLiteral(unit)}'"));

        Assert.Equal(1L, Convert.ToInt64(await app.Database.ScalarAsync(
            $"SELECT cctv_retention_months FROM production_units WHERE id = '{IdLiteral(unit)}'"), CultureInfo.InvariantCulture));
        Assert.Equal(1, await app.Database.ExecuteAsync($"UPDATE production_units SET cctv_retention_months = {RecordingRules.MaxCctvMonths} WHERE id = '{IdLiteral(unit)}'"));
    }

    private static string Iso(DateTime utc) => utc.ToString("O", CultureInfo.InvariantCulture);

    private static async Task<Guid> UploadCctvAsync(HttpClient uploader, HttpContent form)
    {
        var response = await uploader.PostAsync("/api/recordings/cctv", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<string> CctvKeyAsync(Guid id) =>
        (string)(await app.Database.ScalarAsync($"SELECT storage_key FROM cctv_recordings WHERE id = '{IdLiteral(id)}'"))!;

    private async Task<Guid> UnitAsync()
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/production-units", new { name = "Lahti yard", cctvRetentionMonths = 1 });
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static MultipartFormDataContent CctvForm(
        byte[] video, string unit, string contentType = "video/mp4", string? periodEnd = null, string? periodStart = null)
    {
        var form = new MultipartFormDataContent();
        Add(form, "unit", unit);
        Add(form, "camera", "Gate 1");
        Add(form, "periodStart", periodStart ?? DateTime.UtcNow.AddHours(-2).ToString("O", CultureInfo.InvariantCulture));
        Add(form, "periodEnd", periodEnd ?? DateTime.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture));
        var file = new ByteArrayContent(video);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", "gate.mp4");
        return form;
    }
}
