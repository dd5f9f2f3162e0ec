using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Identity;
using CustomerRegister.Recordings;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>Call recordings from the telephony system: upload, linking to the caller, download, access, the store's integrity.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class CallRecordingsTests(RecordingsFactory app) : RecordingsTestBase, IClassFixture<RecordingsFactory>
{
    private const string Caller = "+358407654321";

    protected override RecordingsFactory App => app;

    [Fact]
    public async Task ACallUploadedByTheTelephonySystemIsStoredWholeAndLinkedToTheCallersSubject()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = (await service.Client.CreateConsumerAsync(Consumer("040 765 4321"))).GetProperty("subjectId").GetGuid();
        var audio = Wav(3 * 1024 * 1024, seed: 1);

        var created = await UploadCallAsync(await TelephonyAsync(), CallForm(audio, callerNumber: "040 765 4321"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(subjectId, body.GetProperty("subjectId").GetGuid());
        Assert.Equal(Caller, body.GetProperty("callerNumber").GetString());
        Assert.Equal(audio.Length, body.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(audio)), body.GetProperty("sha256").GetString());
        Assert.Equal("audio/wav", body.GetProperty("contentType").GetString());
        Assert.Equal("OwnSystems", body.GetProperty("source").GetString());

        // The file in the store is the bytes sent, under a random key.
        var file = Assert.Single(StoredFiles(), f => new FileInfo(f).Length == audio.Length && SHA256.HashData(File.ReadAllBytes(f)).SequenceEqual(SHA256.HashData(audio)));
        Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(file));

        var picture = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        var section = picture.GetProperty("sections").GetProperty("callRecordings");
        Assert.Equal(body.GetProperty("id").GetGuid(), Assert.Single(section.EnumerateArray()).GetProperty("id").GetGuid());

        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var seenByMarketing = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        Assert.False(seenByMarketing.GetProperty("sections").TryGetProperty("callRecordings", out _));

        var listed = await service.Client.GetFromJsonAsync<JsonElement>($"/api/recordings/calls?subjectId={subjectId}");
        Assert.Single(listed.GetProperty("items").EnumerateArray());

        // The access report walks the model and finds the call by its subject key.
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var report = await dpo.Client.GetStringAsync($"/api/subjects/{subjectId}/access-report");
        Assert.Contains("recording.call", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberSharedByTwoPeopleOrUnknownLeavesTheCallUnlinked()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        await service.Client.CreateConsumerAsync(Consumer("050 111 2222"));
        await service.Client.CreateConsumerAsync(Consumer("+358501112222"));
        var telephony = await TelephonyAsync();

        var shared = await (await UploadCallAsync(telephony, CallForm(Wav(2048, 2), callerNumber: "0501112222"))).Content.ReadFromJsonAsync<JsonElement>();
        var unknown = await (await UploadCallAsync(telephony, CallForm(Wav(2048, 3), callerNumber: "0409998887"))).Content.ReadFromJsonAsync<JsonElement>();
        var withheld = await UploadCallAsync(telephony, CallForm(Wav(2048, 4), callerNumber: null));

        Assert.Equal(JsonValueKind.Null, shared.GetProperty("subjectId").ValueKind);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("subjectId").ValueKind);
        Assert.Equal(HttpStatusCode.Created, withheld.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await withheld.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callerNumber").ValueKind);
    }

    [Fact]
    public async Task TheAudioDownloadsWholeAndByRangeAndIsAudited()
    {
        var audio = Wav(1024 * 1024, seed: 5);
        var id = await UploadedCallAsync(audio);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);

        var whole = await dpo.Client.GetAsync($"/api/recordings/calls/{id}/audio");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(audio, await whole.Content.ReadAsByteArrayAsync());

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/calls/{id}/audio");
        ranged.Headers.Range = new RangeHeaderValue(1000, 1999);
        ranged.Headers.Add("X-Purpose", "data_subject_rights");
        var part = await dpo.Client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(audio[1000..2000], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(audio.Length, part.Content.Headers.ContentRange?.Length);

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/audit?limit=500");
        var downloads = trail.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "recording.call.download" && e.GetProperty("entityId").GetString() == id.ToString()).ToList();
        Assert.Equal(2, downloads.Count);
        Assert.Contains(downloads, e => e.GetProperty("purpose").GetString() == "data_subject_rights");

        using var unknownPurpose = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/calls/{id}/audio");
        unknownPurpose.Headers.Add("X-Purpose", "curiosity");
        Assert.Equal(HttpStatusCode.BadRequest, (await dpo.Client.SendAsync(unknownPurpose)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.GetAsync($"/api/recordings/calls/{Guid.NewGuid()}/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.GetAsync($"/api/recordings/calls/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ReadingNeedsRecordingReadAndUploadingNeedsRecordingUpload()
    {
        var id = await UploadedCallAsync(Wav(4096, 6));
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var service = await app.CreateUserAsync(Roles.CustomerService);

        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.GetAsync($"/api/recordings/calls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.GetAsync($"/api/recordings/calls/{id}/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.Client.GetAsync("/api/recordings/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync($"/api/recordings/calls/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/recordings/calls", CallForm(Wav(100, 7)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsync("/api/recordings/calls", CallForm(Wav(100, 7)))).StatusCode);
        var auditClient = await ClientAsync(Permissions.GroupCompanyRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditClient.PostAsync("/api/recordings/calls", CallForm(Wav(100, 7)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditClient.PostAsync("/api/recordings/cctv", new MultipartFormDataContent())).StatusCode);
    }

    [Fact]
    public async Task ABadUploadAnswers400NamingEachFieldAndKeepsNoFile()
    {
        var telephony = await TelephonyAsync();
        var before = StoredFiles().Count;

        var bad = await UploadCallAsync(telephony, CallForm(Wav(50_000, 8), callerNumber: "12", agent: " ",
            startedAt: DateTime.UtcNow.AddHours(2).ToString("O"), durationSeconds: "-5"));
        var wrongType = await UploadCallAsync(telephony, CallForm(Wav(50_000, 9), contentType: "application/pdf"));
        var noFile = await UploadCallAsync(telephony, CallForm(null, startedAt: "yesterday", durationSeconds: "long"));
        var notMultipart = await telephony.PostAsJsonAsync("/api/recordings/calls", new { callerNumber = Caller });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await RegisterData.ErrorsOf(bad);
        foreach (var field in new[] { "callerNumber", "agent", "startedAt", "durationSeconds" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.False(errors.TryGetProperty("file", out _));
        Assert.True((await RegisterData.ErrorsOf(wrongType)).TryGetProperty("file", out _));
        var missing = await RegisterData.ErrorsOf(noFile);
        Assert.True(missing.TryGetProperty("file", out _));
        Assert.True(missing.TryGetProperty("startedAt", out _));
        Assert.True(missing.TryGetProperty("durationSeconds", out _));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);
        Assert.Equal(before, StoredFiles().Count);
        Assert.Empty(IncomingFiles());
    }

    [Fact]
    public async Task AnUploadOverTheLimitAnswers413AndLeavesNothingOnDisk()
    {
        var telephony = await TelephonyAsync();
        var before = StoredFiles().Count;
        var audio = Wav((int)RecordingsFactory.MaxUploadBytes + 100_000, seed: 10);

        // With a declared length the request is refused before it is read; sent chunked, the stream is cut off in the store.
        var declared = await UploadCallAsync(telephony, CallForm(audio));
        var chunked = new MultipartFormDataContent();
        foreach (var part in CallForm(null))
        {
            chunked.Add(part);
        }

        var stream = new StreamContent(new NonSeekable(audio));
        stream.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        chunked.Add(stream, "file", "call.wav");
        var streamed = await UploadCallAsync(telephony, chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal(before, StoredFiles().Count);
        Assert.Empty(IncomingFiles());
    }

    [Fact]
    public async Task TheIntegrityCheckReportsAndRepairsOrphanFilesAndRowsWithoutTheirFile()
    {
        var gone = await UploadedCallAsync(Wav(4096, 12));
        var key = await StorageKeyAsync(gone);
        File.Delete(Path.Combine(app.StorePath, key[..2], key));
        var orphan = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var orphanPath = Path.Combine(app.StorePath, orphan[..2], orphan);
        Directory.CreateDirectory(Path.GetDirectoryName(orphanPath)!);
        await File.WriteAllBytesAsync(orphanPath, Wav(100, 13));
        File.SetLastWriteTimeUtc(orphanPath, DateTime.UtcNow.AddHours(-2));
        var young = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var youngPath = Path.Combine(app.StorePath, young[..2], young);
        Directory.CreateDirectory(Path.GetDirectoryName(youngPath)!);
        await File.WriteAllBytesAsync(youngPath, Wav(100, 14));

        var output = new StringWriter();
        Assert.Equal(1, await CommandLine.TryRunAsync(["recordings", "check"], app.Services, output));
        Assert.Contains("2 orphan file(s), 1 call", output.ToString(), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<RecordingIntegrity>().CheckAsync(default);
            Assert.Equal([gone], report.CallRowsWithoutFile);
            Assert.Contains(orphan, report.OrphanFiles);
        }

        var repaired = new StringWriter();
        await CommandLine.TryRunAsync(["recordings", "check", "--repair"], app.Services, repaired);
        Assert.Contains("1 orphan file(s) deleted, 1 kept", repaired.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 row(s) deleted", repaired.ToString(), StringComparison.Ordinal);

        Assert.False(File.Exists(orphanPath));
        Assert.True(File.Exists(youngPath));
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync($"SELECT COUNT(*) FROM call_recordings WHERE storage_key = '{key}'")));
        Assert.Equal(1L, Convert.ToInt64(await app.Database.ScalarAsync(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'recording.call.delete_missing_file' AND actor_kind = 'system' "
            + $"AND entity_id = '{gone}'")));

        File.Delete(youngPath);
        var clean = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["recordings", "check"], app.Services, clean));
        Assert.Contains("0 orphan file(s), 0 call and 0 CCTV", clean.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingARecordingRemovesTheRowAndThenTheFile()
    {
        var id = await UploadedCallAsync(Wav(4096, 15));
        var key = await StorageKeyAsync(id);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.RegisterDbContext>();
            var row = await db.Set<CallRecording>().FindAsync(id);
            await scope.ServiceProvider.GetRequiredService<RecordingIntegrity>().DeleteAsync(row!, "retention.delete", "legal_obligation", default);
        }

        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync($"SELECT COUNT(*) FROM call_recordings WHERE id = '{IdLiteral(id)}'")));
        Assert.False(File.Exists(Path.Combine(app.StorePath, key[..2], key)));
    }

    [Fact]
    public async Task AuditEventsOfRecordingsNameFieldsButNeverTheCallerNumber()
    {
        var id = await UploadedCallAsync(Wav(4096, 16));
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        await dpo.Client.GetAsync($"/api/recordings/calls/{id}");
        await dpo.Client.GetAsync($"/api/recordings/calls/{id}/audio");

        var trail = await dpo.Client.GetStringAsync("/api/audit?limit=500");

        Assert.Contains("recording.call.upload", trail, StringComparison.Ordinal);
        Assert.Contains("recording.call.read", trail, StringComparison.Ordinal);
        Assert.Contains("caller_number", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("358407654321", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("7654321", trail, StringComparison.Ordinal);
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync(
            "SELECT COUNT(*) FROM audit_events WHERE fields LIKE '%7654321%' OR entity_id LIKE '%7654321%' OR action LIKE '%7654321%'")));
    }

    private static object Consumer(string phone) => new
    {
        firstName = "Veikko",
        lastName = "Soittaja",
        phone,
        source = "Consumer",
    };

    private async Task<Guid> UploadedCallAsync(byte[] audio)
    {
        var response = await UploadCallAsync(await TelephonyAsync(), CallForm(audio));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<string> StorageKeyAsync(Guid id) =>
        (string)(await app.Database.ScalarAsync($"SELECT storage_key FROM call_recordings WHERE id = '{IdLiteral(id)}'"))!;

    private static Task<HttpResponseMessage> UploadCallAsync(HttpClient client, HttpContent form) => client.PostAsync("/api/recordings/calls", form);

    private static MultipartFormDataContent CallForm(
        byte[]? audio, string? callerNumber = Caller, string? agent = "ext 204", string? startedAt = null, string? durationSeconds = "95",
        string contentType = "audio/wav")
    {
        var form = new MultipartFormDataContent();
        Add(form, "callerNumber", callerNumber);
        Add(form, "agent", agent);
        Add(form, "startedAt", startedAt ?? DateTime.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture));
        Add(form, "durationSeconds", durationSeconds);
        if (audio is not null)
        {
            var file = new ByteArrayContent(audio);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "file", "call.wav");
        }

        return form;
    }

    /// <summary>A stream of unknown length, so the client sends the body chunked.</summary>
    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
