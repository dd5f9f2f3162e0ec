using System.Security.Cryptography;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Tests.Unit;

public sealed class RecordingRulesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void ACctvPeriodOfOneToSixMonthsIsAccepted(int months) => Assert.Null(RecordingRules.CctvMonthsError(months));

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(null)]
    public void ACctvPeriodAboveSixMonthsOrMissingIsRefused(int? months) => Assert.NotNull(RecordingRules.CctvMonthsError(months));

    [Fact]
    public void ACallIsLinkedOnlyWhenExactlyOnePersonHasTheNumber()
    {
        var one = Guid.NewGuid();
        var other = Guid.NewGuid();

        Assert.Equal(one, RecordingRules.MatchSubject([one]));
        Assert.Equal(one, RecordingRules.MatchSubject([one, one]));
        Assert.Null(RecordingRules.MatchSubject([one, other]));
        Assert.Null(RecordingRules.MatchSubject([]));
    }

    [Theory]
    [InlineData("audio/wav", "audio", true)]
    [InlineData("audio/mpeg; codecs=mp3", "audio", true)]
    [InlineData("AUDIO/Ogg", "audio", true)]
    [InlineData("video/mp4", "audio", false)]
    [InlineData("audio/*", "audio", false)]
    [InlineData("application/octet-stream", "video", false)]
    [InlineData("", "audio", false)]
    [InlineData(null, "video", false)]
    public void OnlyAConcreteMediaTypeOfTheRightKindIsAccepted(string? contentType, string kind, bool accepted) =>
        Assert.Equal(accepted, RecordingRules.IsMediaType(contentType, kind));

    [Fact]
    public void ACctvPeriodEndsAfterItStartsAndNotInTheFuture()
    {
        var now = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Null(RecordingRules.CctvPeriodError(now.AddHours(-2), now.AddHours(-1), now));
        Assert.NotNull(RecordingRules.CctvPeriodError(now.AddHours(-1), now.AddHours(-2), now));
        Assert.NotNull(RecordingRules.CctvPeriodError(now.AddHours(-1), now.AddHours(1), now));
    }

    [Fact]
    public void ACctvClipIsAtMostADayLong()
    {
        var now = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Null(RecordingRules.CctvPeriodError(now.AddHours(-24), now, now));
        Assert.NotNull(RecordingRules.CctvPeriodError(now.AddHours(-25), now, now));
        Assert.NotNull(RecordingRules.CctvPeriodError(now.AddHours(-24).AddSeconds(-1), now, now));
    }

    [Fact]
    public void CallsAreFoundByTheirSubjectAndCctvFootageIsDeclaredToNameNobodyAndKeptFromItsStart()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();

        var tables = SubjectRows.Tables(model, sql).Select(t => t.Table).ToList();

        Assert.Contains("call_recordings", tables);
        Assert.DoesNotContain("cctv_recordings", tables);
        Assert.DoesNotContain("cctv_recordings", SubjectRows.Unreachable(model, sql));
        Assert.Equal(nameof(CallRecording.StartedAt),
            model.FindEntityType(typeof(CallRecording))!.FindAnnotation(CatalogModelExtensions.RetainedFromAnnotation)?.Value);
        Assert.Equal(nameof(CctvRecording.PeriodStart),
            model.FindEntityType(typeof(CctvRecording))!.FindAnnotation(CatalogModelExtensions.RetainedFromAnnotation)?.Value);
    }

    [Fact]
    public void TimesAreReadAsIso8601AndWithoutAnOffsetAsUtc()
    {
        Assert.Equal(new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc), RecordingRules.ParseTime("2026-05-01T12:00:00+03:00"));
        Assert.Equal(new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc), RecordingRules.ParseTime("2026-05-01T12:00:00"));
        Assert.Null(RecordingRules.ParseTime("yesterday"));
    }
}

public sealed class LocalFolderRecordingStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "recordings-" + Guid.NewGuid().ToString("N"));

    private LocalFolderRecordingStore Store => new(Options.Create(new RecordingOptions { Path = _root }), Microsoft.Extensions.Logging.Abstractions.NullLogger<LocalFolderRecordingStore>.Instance);

    [Fact]
    public async Task AFileIsStoredUnderARandomKeyWithItsLengthAndChecksum()
    {
        var data = RandomNumberGenerator.GetBytes(300_000);

        var stored = await Store.SaveAsync(new MemoryStream(data), 1_000_000, default);

        Assert.Matches("^[0-9a-f]{32}$", stored.Key);
        Assert.Equal(data.Length, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), stored.Sha256);
        await using (var read = await Store.OpenReadAsync(stored.Key, default))
        {
            Assert.True(read.CanSeek);
            var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(data, copy.ToArray());
        }

        Assert.Equal(stored.Key, Assert.Single(await Store.ListKeysAsync(default)).Key);
        await Store.DeleteAsync(stored.Key, default);
        Assert.False(await Store.ExistsAsync(stored.Key, default));
    }

    [Fact]
    public async Task AFileOverTheLimitLeavesNothingBehind()
    {
        await Assert.ThrowsAsync<RecordingTooLargeException>(() => Store.SaveAsync(new MemoryStream(new byte[200_000]), 100_000, default));

        Assert.Empty(await Store.ListKeysAsync(default));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("")]
    public void AnythingButAKeyIsRefused(string key) => Assert.Throws<ArgumentException>(() => Store.PathOf(key));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
