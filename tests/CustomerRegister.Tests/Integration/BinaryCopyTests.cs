using CustomerRegister.Demo;
using CustomerRegister.Tests.Infrastructure;
using Npgsql;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The seeder's own binary COPY encoding (<see cref="PgBinaryRows"/>), read back by PostgreSQL: every store type the
/// register uses, with the awkward values (numeric scales and signs, the date and time extremes, non-ASCII text, nulls).
/// </summary>
[Trait(Category.Name, Category.Postgres)]
public sealed class BinaryCopyTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public static TheoryData<decimal> Numerics =>
    [
        0m, 1m, -1m, 0.05m, 123.45m, -123.45m, 100_000m, 10_000m, 9_999m, 0.00001m, 1.10m, 1234.5678m, 12345678.90m,
        -0.0001m, 0.000000000000000000000000001m, 79228162514264337593543950335m, -79228162514264337593543950335m,
        7.9228162514264337593543950335m, 1000000000000.00m, 0.0m, 0.00m, 250.00m, 99.99m,
    ];

    [Theory]
    [MemberData(nameof(Numerics))]
    public async Task NumericsComeBackWithTheirValueAndScale(decimal value)
    {
        var row = await RoundTripAsync("numeric", value, (rows, v) => rows.WriteNumeric(v));
        Assert.Equal(value, row);
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await TextAsync("numeric", value, (rows, v) => rows.WriteNumeric(v)));
    }

    [Fact]
    public async Task EveryOtherStoreTypeComesBackAsWritten()
    {
        var id = Guid.CreateVersion7();
        Assert.Equal(id, await RoundTripAsync("uuid", id, (rows, v) => rows.WriteUuid(v)));
        Assert.Equal("Äijä Öhman-Åberg ✓ 😀", await RoundTripAsync("character varying(50)", "Äijä Öhman-Åberg ✓ 😀", (rows, v) => rows.WriteText(v)));
        Assert.Equal("", await RoundTripAsync("text", "", (rows, v) => rows.WriteText(v)));
        var time = new DateTime(2026, 11, 26, 8, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560);
        Assert.Equal(time, await RoundTripAsync("timestamp with time zone", time, (rows, v) => rows.WriteTimestampTz(v)));
        var old = new DateTime(1969, 7, 20, 20, 17, 40, DateTimeKind.Utc);
        Assert.Equal(old, await RoundTripAsync("timestamp with time zone", old, (rows, v) => rows.WriteTimestampTz(v)));
        Assert.Equal("infinity", await TextAsync("timestamp with time zone", DateTime.MaxValue, (rows, v) => rows.WriteTimestampTz(v)));
        Assert.Equal(new DateOnly(2026, 2, 28), await RoundTripAsync("date", new DateOnly(2026, 2, 28), (rows, v) => rows.WriteDate(v)));
        Assert.Equal(new DateOnly(1999, 12, 31), await RoundTripAsync("date", new DateOnly(1999, 12, 31), (rows, v) => rows.WriteDate(v)));
        Assert.Equal(long.MinValue + 1, await RoundTripAsync("bigint", long.MinValue + 1, (rows, v) => rows.WriteInt64(v)));
        Assert.Equal(-42, await RoundTripAsync("integer", -42, (rows, v) => rows.WriteInt32(v)));
        Assert.Equal((short)7, await RoundTripAsync("smallint", (short)7, (rows, v) => rows.WriteInt16(v)));
        Assert.True(await RoundTripAsync("boolean", true, (rows, v) => rows.WriteBoolean(v)));
        Assert.False(await RoundTripAsync("boolean", false, (rows, v) => rows.WriteBoolean(v)));
        byte[] bytes = [0, 1, 2, 255, 254];
        Assert.Equal(bytes, await RoundTripAsync("bytea", bytes, (rows, v) => rows.WriteBytes(v)));
        Assert.Equal("null", await TextAsync("text", "x", (rows, _) => rows.WriteNull()));

        // A local time is refused, as Npgsql refuses it, rather than stored shifted.
        Assert.Throws<ArgumentException>(() => new PgBinaryRows().WriteTimestampTz(DateTime.Now));
        Assert.Throws<NotSupportedException>(() => PgBinaryRows.For("jsonb", "Thing.Data"));
    }

    [Fact]
    public async Task ManyRowsLargerThanTheBufferArriveWhole()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE many (n bigint, t text)");
        var rows = new PgBinaryRows();
        await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY many (n, t) FROM STDIN (FORMAT BINARY)"))
        {
            rows.WriteHeader();
            for (var i = 0; i < 50_000; i++)
            {
                rows.StartRow(2);
                rows.WriteInt64(i);
                rows.WriteText(new string('x', i % 100) + i);
                if (rows.IsFull)
                {
                    await copy.WriteAsync(rows.Written);
                    rows.Clear();
                }
            }

            rows.WriteTrailer();
            await copy.WriteAsync(rows.Written);
        }

        await using var check = new NpgsqlCommand("SELECT count(*), sum(n), count(*) FILTER (WHERE t = repeat('x', (n % 100)::int) || n) FROM many", connection);
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(50_000L, reader.GetInt64(0));
        Assert.Equal(49_999L * 50_000 / 2, reader.GetDecimal(1));
        Assert.Equal(50_000L, reader.GetInt64(2));
    }

    public void Dispose() => _database.Dispose();

    private async Task<T> RoundTripAsync<T>(string type, T value, Action<PgBinaryRows, T> write)
    {
        await using var connection = await WrittenAsync(type, value, write);
        await using var read = new NpgsqlCommand("SELECT v FROM t", connection);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetFieldValue<T>(0);
    }

    private async Task<string> TextAsync<T>(string type, T value, Action<PgBinaryRows, T> write)
    {
        await using var connection = await WrittenAsync(type, value, write);
        await using var read = new NpgsqlCommand("SELECT coalesce(v::text, 'null') FROM t", connection);
        return (string)(await read.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> WrittenAsync<T>(string type, T value, Action<PgBinaryRows, T> write)
    {
        var connection = await OpenAsync();
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS t; CREATE TABLE t (v {type})");
        var rows = new PgBinaryRows();
        rows.WriteHeader();
        rows.StartRow(1);
        write(rows, value);
        rows.WriteTrailer();
        await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY t (v) FROM STDIN (FORMAT BINARY)"))
        {
            await copy.WriteAsync(rows.Written);
        }

        return connection;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
