using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register with a small upload limit, so that a test can exceed it.</summary>
public sealed class RecordingsFactory : RegisterFactory
{
    public const long MaxUploadBytes = 6 * 1024 * 1024;

    public string StorePath => Path.Combine(Database.Folder, "recordings");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Recordings:MaxUploadBytes", MaxUploadBytes.ToString(CultureInfo.InvariantCulture));

        // The tests of each class share one store; RecordingRepairTests checks the share limit on a store of its own.
        builder.UseSetting("Recordings:MaxRepairShare", "1");
    }
}

/// <summary>What the call recording and CCTV footage tests share: API clients, the store on disk and test files.</summary>
public abstract class RecordingsTestBase
{
    /// <summary>The class fixture of the test class: each class has a store of its own.</summary>
    protected abstract RecordingsFactory App { get; }

    protected string IdLiteral(Guid id) => App.Database.Provider == Data.DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    protected async Task<HttpClient> TelephonyAsync() => await ClientAsync(Permissions.RecordingUpload);

    protected async Task<HttpClient> ClientAsync(string permission)
    {
        var admin = await App.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Telephony " + permission, permissions = new[] { permission } });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key);
        return client;
    }

    protected static void Add(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            form.Add(new StringContent(value), name);
        }
    }

    /// <summary>A RIFF/WAVE header and deterministic noise: a few megabytes that look like audio.</summary>
    protected static byte[] Wav(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        "RIFF"u8.CopyTo(bytes);
        if (length >= 12)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(4), length - 8);
            "WAVE"u8.CopyTo(bytes.AsSpan(8));
        }

        return bytes;
    }

    protected List<string> StoredFiles() => Directory.Exists(App.StorePath)
        ? [.. Directory.EnumerateDirectories(App.StorePath).Where(d => !Path.GetFileName(d).StartsWith('.')).SelectMany(Directory.EnumerateFiles)]
        : [];

    protected List<string> IncomingFiles()
    {
        var incoming = Path.Combine(App.StorePath, ".incoming");
        return Directory.Exists(incoming) ? [.. Directory.EnumerateFiles(incoming)] : [];
    }
}
