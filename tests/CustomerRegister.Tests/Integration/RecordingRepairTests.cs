using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The recording repair never deletes in bulk: a missing or empty store, or more missing files than
/// Recordings:MaxRepairShare of the rows, removes nothing; held people's rows are kept; /health checks the store.
/// Each test has its own database and store (the default share, 1 %, unless it sets another).
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RecordingRepairTests
{
    [Fact]
    public async Task AMissingStoreFolderRemovesNothingAndTheRepairFailsWithAReason()
    {
        await using var app = new RepairFactory();
        var ids = await UploadCallsAsync(app, 3);
        Directory.Delete(app.StorePath, recursive: true);

        var (code, output) = await RepairAsync(app);

        Assert.Equal(1, code);
        Assert.Contains("Repair refused: the store folder is missing", output, StringComparison.Ordinal);
        Assert.Equal(ids.Count, await CallRowsAsync(app));
    }

    [Fact]
    public async Task AnEmptyStoreRemovesNothing()
    {
        await using var app = new RepairFactory(maxShare: "1");
        var ids = await UploadCallsAsync(app, 3);
        foreach (var folder in Directory.EnumerateDirectories(app.StorePath).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            Directory.Delete(folder, recursive: true);
        }

        var (code, output) = await RepairAsync(app);

        Assert.Equal(1, code);
        Assert.Contains("the store holds no file while 3 recording row(s) exist", output, StringComparison.Ordinal);
        Assert.Equal(ids.Count, await CallRowsAsync(app));
    }

    [Fact]
    public async Task MoreMissingFilesThanTheShareRemovesNothing()
    {
        // One of 10 (10 %) against the default 1 %.
        await using var app = new RepairFactory();
        var ids = await UploadCallsAsync(app, 10);
        DeleteFileOf(app, await KeyAsync(app, ids[0]));

        var (code, output) = await RepairAsync(app);

        Assert.Equal(1, code);
        Assert.Contains("1 of 10 recording row(s) have no file, more than Recordings:MaxRepairShare (0.01): nothing removed", output,
            StringComparison.Ordinal);
        Assert.Equal(10, await CallRowsAsync(app));
    }

    [Fact]
    public async Task UnderTheShareOnlyTheRowsWithoutTheirFileAreRemovedAndAHeldPersonsRowIsKept()
    {
        await using var app = new RepairFactory(maxShare: "0.4");
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var reception = await app.CreateUserAsync(Roles.CustomerService);
        var person = (await reception.Client.CreateConsumerAsync(new
        {
            firstName = "Veikko",
            lastName = "Pidätetty",
            phone = "+358401112223",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();
        var hold = await dpo.Client.PostAsJsonAsync("/api/legal-holds", new { subjectId = person, reason = "Riita-asia vireillä" });
        Assert.True(hold.IsSuccessStatusCode, await hold.Content.ReadAsStringAsync());
        var ids = await UploadCallsAsync(app, 8);
        var heldId = (await UploadCallsAsync(app, 1, caller: "+358401112223"))[0];
        var goneKeys = new[] { await KeyAsync(app, ids[0]), await KeyAsync(app, ids[1]) };
        foreach (var key in goneKeys)
        {
            DeleteFileOf(app, key);
        }

        DeleteFileOf(app, await KeyAsync(app, heldId));

        var (code, output) = await RepairAsync(app);

        Assert.Contains("2 row(s) deleted, 1 kept under a legal hold", output, StringComparison.Ordinal);
        Assert.Equal(1, code);
        Assert.Equal(7, await CallRowsAsync(app));
        Assert.Equal(1L, Convert.ToInt64(await app.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM call_recordings WHERE storage_key = '{await KeyAsync(app, heldId)}'"), CultureInfo.InvariantCulture));
        foreach (var key in goneKeys)
        {
            Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync(
                $"SELECT COUNT(*) FROM call_recordings WHERE storage_key = '{key}'"), CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task HealthReportsAMissingStore()
    {
        await using var app = new RepairFactory();
        var healthy = await app.Anonymous().GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", healthy.GetProperty("status").GetString());
        Assert.Contains("reachable and writable", healthy.GetProperty("checks").GetProperty("recordings").GetProperty("Description").GetString());

        Directory.Delete(app.StorePath, recursive: true);
        var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Contains("store folder is missing", body.GetProperty("checks").GetProperty("recordings").GetProperty("Description").GetString());
    }

    [Fact]
    public async Task ARelativeStorePathIsResolvedAgainstTheContentRootAndLogged()
    {
        await using var app = new RepairFactory(path: "relative-recordings-" + Guid.NewGuid().ToString("N"));
        _ = app.Services;

        Assert.Contains(app.Logs.Lines, l => l.Contains("Recording store at", StringComparison.Ordinal) && l.Contains(Path.DirectorySeparatorChar + "relative-recordings-", StringComparison.Ordinal));
        var root = app.Logs.Lines.First(l => l.Contains("Recording store at", StringComparison.Ordinal));
        var path = root[(root.IndexOf("Path=", StringComparison.Ordinal) + 5)..].Split(' ')[0];
        Assert.True(Path.IsPathRooted(path), root);
        Directory.Delete(path, recursive: true);
    }

    private static async Task<(int Code, string Output)> RepairAsync(RepairFactory app)
    {
        var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["recordings", "check", "--repair"], app.Services, output);
        return (code ?? -1, output.ToString());
    }

    private static async Task<int> CallRowsAsync(RepairFactory app) =>
        Convert.ToInt32(await app.Database.ScalarAsync("SELECT COUNT(*) FROM call_recordings"), CultureInfo.InvariantCulture);

    private static async Task<string> KeyAsync(RepairFactory app, Guid id) =>
        (string)(await app.Database.ScalarAsync(
            $"SELECT storage_key FROM call_recordings WHERE id = '{(app.Database.Provider == Data.DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant())}'"))!;

    private static void DeleteFileOf(RepairFactory app, string key) => File.Delete(Path.Combine(app.StorePath, key[..2], key));

    private static async Task<List<Guid>> UploadCallsAsync(RepairFactory app, int count, string caller = "+358407654321")
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Telephony", permissions = new[] { Permissions.RecordingUpload } });
        var apiKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        var telephony = app.Anonymous();
        telephony.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, apiKey);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(caller), "callerNumber" },
                { new StringContent("ext 204"), "agent" },
                { new StringContent(DateTime.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture)), "startedAt" },
                { new StringContent("95"), "durationSeconds" },
            };
            var audio = new byte[2048];
            new Random(i).NextBytes(audio);
            "RIFF"u8.CopyTo(audio);
            BitConverter.TryWriteBytes(audio.AsSpan(4), audio.Length - 8);
            "WAVE"u8.CopyTo(audio.AsSpan(8));
            var file = new ByteArrayContent(audio);
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            form.Add(file, "file", "call.wav");
            var response = await telephony.PostAsync("/api/recordings/calls", form);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        return ids;
    }

    private sealed class RepairFactory(string? maxShare = null, string? path = null) : RegisterFactory
    {
        public string StorePath => Path.Combine(Database.Folder, "recordings");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (maxShare is not null)
            {
                builder.UseSetting("Recordings:MaxRepairShare", maxShare);
            }

            if (path is not null)
            {
                builder.UseSetting("Recordings:Path", path);
            }
        }
    }
}
