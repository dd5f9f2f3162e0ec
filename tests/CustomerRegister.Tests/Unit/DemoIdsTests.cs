using Bogus;
using CustomerRegister.Demo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace CustomerRegister.Tests.Unit;

/// <summary>The seeder's own UUIDv7s: valid version 7 ids, rising within a chunk and distinct between chunks.</summary>
public sealed class DemoIdsTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void ChunkIdsAreVersion7RisingUniqueAndCarryTheRunsTime()
    {
        var first = Chunk(firstPosition: 0);
        var second = Chunk(firstPosition: 1_000);
        var ids = new List<Guid>();
        for (var i = 0; i < 30_000; i++)
        {
            ids.Add(first.NewId());
        }

        var others = Enumerable.Range(0, 30_000).Select(_ => second.NewId()).ToList();
        Assert.All(ids.Concat(others), id =>
        {
            Assert.Equal(7, id.Version);
            Assert.Equal('7', Text(id)[12]);
            Assert.Contains(Text(id)[16], "89ab"); // the RFC 9562 variant: binary 10 in the top bits of byte 8
        });

        // Rising: each id sorts after the one before it, as PostgreSQL compares uuids (byte by byte, big-endian).
        Assert.Equal(ids.Select(Text), ids.Select(Text).Order(StringComparer.Ordinal));
        Assert.Equal(60_000, ids.Concat(others).Distinct().Count());
        Assert.True(string.CompareOrdinal(Text(ids[^1]), Text(others[0])) < 0, "the next chunk's ids sort after this chunk's");

        // The first 48 bits are the run's clock in Unix milliseconds (plus one per chunk of 1 000 subjects).
        var millis = new DateTimeOffset(Now).ToUnixTimeMilliseconds();
        Assert.Equal(millis, Convert.ToInt64(Text(ids[0])[..12], 16));
        Assert.Equal(millis + 1, Convert.ToInt64(Text(others[0])[..12], 16));
    }

    private static string Text(Guid id) => id.ToString("N");

    private static DemoChunk Chunk(long firstPosition) =>
        new(new Faker("fi") { Random = new Randomizer(1) }, Codes(), Now, firstPosition, 1_000);

    private static Protection.ProtectedCodes Codes() =>
        new(new EphemeralDataProtectionProvider(), new MemoryLookupKeyStore());
}

file sealed class MemoryLookupKeyStore : Protection.ILookupKeyStore
{
    private byte[]? _key;

    public byte[] LoadOrCreate(Func<byte[]> create) => _key ??= create();
}
