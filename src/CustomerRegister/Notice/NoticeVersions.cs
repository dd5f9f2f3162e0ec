using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerRegister.Data;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Notice;

/// <summary>A version as listed: its number and when it was in force (<see cref="Until"/> null for the one in force).</summary>
public sealed record NoticeVersionSummary(int Number, DateTime PublishedAt, DateTime? Until);

/// <summary>A version with its notice in one language.</summary>
public sealed record PublishedNotice(int Number, DateTime PublishedAt, bool Current, NoticeDocument Document);

/// <summary>
/// The notice's versions. <see cref="EnsureCurrentAsync"/> writes the notice from the catalogue and configuration in force,
/// compares its hash with the latest stored version and stores a new version, dated now, when they differ: at start
/// (<see cref="NoticeStartup"/>) and whenever the notice is read, so a changed setting is published before anyone reads it.
/// </summary>
public sealed class NoticeVersions(
    RegisterDbContext db, NoticeWriter writer, Disclosures.RecipientQueries recipients, TimeProvider clock, ILogger<NoticeVersions> log)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The SHA-256 of the notice in every language: equal hashes, equal notices.</summary>
    public static string Hash(IEnumerable<NoticeDocument> documents) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n\f\n", documents.Select(d => d.PlainText())))));

    /// <summary>The version in force, made now when the notice written from the current inputs differs from the latest stored one.</summary>
    public async Task<NoticeVersion> EnsureCurrentAsync(CancellationToken ct)
    {
        var registry = await recipients.ListAsync(includeEnded: false, ct);
        var documents = Languages.All.Select(l => writer.Write(l, registry)).ToList();
        var hash = Hash(documents);
        var latest = await LatestAsync(ct);
        if (latest?.InputsHash == hash)
        {
            return latest;
        }

        var version = new NoticeVersion
        {
            Number = (latest?.Number ?? 0) + 1,
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            InputsHash = hash,
            TextFi = JsonSerializer.Serialize(documents[0], Json),
            TextSv = JsonSerializer.Serialize(documents[1], Json),
            TextEn = JsonSerializer.Serialize(documents[2], Json),
        };
        db.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
            log.LogInformation("Privacy notice version {Number} published", version.Number);
            return version;
        }
        catch (DbUpdateException)
        {
            // Another instance published the same number first: read what it stored.
            db.Entry(version).State = EntityState.Detached;
            return await LatestAsync(ct) ?? throw new InvalidOperationException("No notice version after a conflicting insert.");
        }
    }

    /// <summary>The version in force, in the language.</summary>
    public async Task<PublishedNotice> CurrentAsync(string language, CancellationToken ct)
    {
        var v = await EnsureCurrentAsync(ct);
        return new PublishedNotice(v.Number, v.PublishedAt, true, Document(v, language));
    }

    /// <summary>A stored version in the language, or null when there is none by that number.</summary>
    public async Task<PublishedNotice?> GetAsync(int number, string language, CancellationToken ct)
    {
        var current = await EnsureCurrentAsync(ct);
        var v = await db.Set<NoticeVersion>().AsNoTracking().SingleOrDefaultAsync(x => x.Number == number, ct);
        return v is null ? null : new PublishedNotice(v.Number, v.PublishedAt, v.Number == current.Number, Document(v, language));
    }

    /// <summary>Every version, newest first, each with the time the next one replaced it.</summary>
    public async Task<IReadOnlyList<NoticeVersionSummary>> ListAsync(CancellationToken ct)
    {
        await EnsureCurrentAsync(ct);
        var rows = await db.Set<NoticeVersion>().AsNoTracking().OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.PublishedAt }).ToListAsync(ct);
        return [.. rows.Select((v, i) => new NoticeVersionSummary(v.Number, v.PublishedAt, i + 1 < rows.Count ? rows[i + 1].PublishedAt : null))
            .Reverse()];
    }

    /// <summary>The number of the version in force at <paramref name="at"/> (what a person saw then), or null before the first.</summary>
    public async Task<int?> InForceAtAsync(DateTime at, CancellationToken ct)
    {
        await EnsureCurrentAsync(ct);
        return await db.Set<NoticeVersion>().Where(v => v.PublishedAt <= at).OrderByDescending(v => v.Number)
            .Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
    }

    private Task<NoticeVersion?> LatestAsync(CancellationToken ct) =>
        db.Set<NoticeVersion>().AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    private static NoticeDocument Document(NoticeVersion v, string language) =>
        JsonSerializer.Deserialize<NoticeDocument>(Languages.Normalize(language) switch
        {
            "sv" => v.TextSv,
            "en" => v.TextEn,
            _ => v.TextFi,
        }, Json)!;
}

/// <summary>At start, after the migrations: publishes a new notice version if the catalogue or configuration changed.</summary>
public sealed class NoticeStartup : IStartupStep
{
    public async Task RunAsync(IServiceProvider services, TextWriter console, CancellationToken ct) =>
        await services.GetRequiredService<NoticeVersions>().EnsureCurrentAsync(ct);
}
