using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Recordings;

/// <summary>A stored file: its random key, length and SHA-256 (hex), computed while it streamed in.</summary>
public sealed record StoredRecording(string Key, long SizeBytes, string Sha256);

/// <summary>A key in the store and when its file was last written (an upload may still be on its way to its row).</summary>
public sealed record StoredKey(string Key, DateTime ModifiedAt);

/// <summary>The upload was longer than the configured limit; nothing of it was kept.</summary>
public sealed class RecordingTooLargeException(long limit) : Exception($"The file is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>Where recording files live. Keys are random and never derived from names, numbers or times.</summary>
public interface IRecordingStore
{
    /// <summary>Streams the content into the store; the file appears under its key only when complete.</summary>
    Task<StoredRecording> SaveAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>A seekable stream for range requests; throws <see cref="FileNotFoundException"/> when the file is gone.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    Task<IReadOnlyList<StoredKey>> ListKeysAsync(CancellationToken ct);

    /// <summary>Removes files of uploads that never completed (a crash mid-upload) last written before the given time.</summary>
    Task<int> PurgeIncompleteAsync(DateTime olderThan, CancellationToken ct);

    /// <summary>Null when the store is reachable and writable; else why not (no path, no personal data).</summary>
    Task<string?> UnavailableAsync(CancellationToken ct);
}

public sealed class RecordingOptions
{
    public const string Section = "Recordings";

    /// <summary>The store folder; a relative path is resolved against the content root at start (and logged).</summary>
    public string Path { get; set; } = "data/recordings";

    /// <summary>
    /// The largest share of recording rows one repair may delete for a missing file (0–1). Above it the repair deletes
    /// nothing and reports: that many missing files means an unmounted or wrong store, not lost files.
    /// </summary>
    public double MaxRepairShare { get; set; } = 0.01;

    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How often the integrity repair runs in the background; 0 turns it off (run <c>recordings check --repair</c>).</summary>
    public int RepairIntervalMinutes { get; set; } = 60;

    public string? Invalid() =>
        Settings.Required(Section, Path)
        ?? Settings.AtLeast(Section, MaxUploadBytes, 1)
        ?? Settings.Range(Section, MaxRepairShare, 0, 1);
}

/// <summary>
/// Files in a local folder: <c>Recordings:Path/ab/abcdef…</c>. An upload is written to <c>.incoming/</c> and moved
/// into place when complete, so an interrupted one never leaves a half file under a real key.
/// </summary>
public sealed partial class LocalFolderRecordingStore : IRecordingStore
{
    private const int BufferSize = 81920;
    private const string Incoming = ".incoming";
    private readonly string _root;

    public LocalFolderRecordingStore(Microsoft.Extensions.Options.IOptions<RecordingOptions> options, ILogger<LocalFolderRecordingStore> log)
    {
        _root = System.IO.Path.GetFullPath(options.Value.Path);
        if (!Directory.Exists(_root))
        {
            Directory.CreateDirectory(_root);
            log.LogWarning("Recording store folder {Path} did not exist and was created", _root);
        }

        log.LogInformation("Recording store at {Path}", _root);
    }

    public async Task<string?> UnavailableAsync(CancellationToken ct)
    {
        if (!Directory.Exists(_root))
        {
            return "the store folder is missing (an unmounted volume?)";
        }

        var probe = System.IO.Path.Combine(_root, Incoming, $"probe-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(probe)!);
            await File.WriteAllBytesAsync(probe, [1], ct);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(probe);
            return $"the store is not writable ({ex.GetType().Name})";
        }
    }

    public async Task<StoredRecording> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var incoming = System.IO.Path.Combine(_root, Incoming);
        Directory.CreateDirectory(incoming);
        var temp = System.IO.Path.Combine(incoming, key + ".part");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new RecordingTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            var path = PathOf(key);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.Move(temp, path);
            return new StoredRecording(key, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
            BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(IsKey(key) && File.Exists(PathOf(key)));

    public Task<IReadOnlyList<StoredKey>> ListKeysAsync(CancellationToken ct)
    {
        var keys = new List<StoredKey>();
        if (Directory.Exists(_root))
        {
            foreach (var folder in Directory.EnumerateDirectories(_root).Where(d => ShardPattern().IsMatch(System.IO.Path.GetFileName(d))))
            {
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    var name = System.IO.Path.GetFileName(file);
                    if (IsKey(name) && name.StartsWith(System.IO.Path.GetFileName(folder), StringComparison.Ordinal))
                    {
                        keys.Add(new StoredKey(name, File.GetLastWriteTimeUtc(file)));
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyList<StoredKey>>(keys);
    }

    public Task<int> PurgeIncompleteAsync(DateTime olderThan, CancellationToken ct)
    {
        var incoming = System.IO.Path.Combine(_root, Incoming);
        var purged = 0;
        if (Directory.Exists(incoming))
        {
            foreach (var file in Directory.EnumerateFiles(incoming, "*.part").Where(f => File.GetLastWriteTimeUtc(f) < olderThan))
            {
                purged += TryDelete(file) ? 1 : 0;
            }
        }

        return Task.FromResult(purged);
    }

    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>The file of a key; anything but a key (a path, "..") is refused before it reaches the file system.</summary>
    public string PathOf(string key) => IsKey(key)
        ? System.IO.Path.Combine(_root, key[..2], key)
        : throw new ArgumentException("Not a recording key.", nameof(key));

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[0-9a-f]{2}$")]
    private static partial Regex ShardPattern();
}
