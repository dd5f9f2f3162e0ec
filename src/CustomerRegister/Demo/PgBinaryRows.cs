using System.Buffers.Binary;
using System.Text;

namespace CustomerRegister.Demo;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4):
/// a signature, then per row a field count and each field as a length-prefixed, big-endian value in the type's "send"
/// format, then a trailer. Written into a buffer that the caller drains to the COPY stream whenever
/// <see cref="IsFull"/>. Npgsql's importer resolves a converter and runs an async state machine for every value, which
/// was a fifth of the machine's CPU in a bulk load; these writers only copy bytes. Only the store types the register
/// uses are here (<see cref="For"/> refuses any other), and an integration test reads every one of them back.
/// </summary>
public sealed class PgBinaryRows
{
    private const int Capacity = 256 * 1024;
    private static readonly long PgEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int PgEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private byte[] _buffer = new byte[Capacity];
    private int _length;

    /// <summary>More than three quarters of the buffer in use: time to drain it (a row never has to wait for room).</summary>
    public bool IsFull => _length > Capacity * 3 / 4;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>The method that writes a value of the given PostgreSQL type, or an exception naming the column.</summary>
    public static System.Reflection.MethodInfo For(string storeType, string column) =>
        typeof(PgBinaryRows).GetMethod(storeType switch
        {
            "uuid" => nameof(WriteUuid),
            "text" or "character varying" or "varchar" or "character" or "char" => nameof(WriteText),
            "timestamp with time zone" or "timestamptz" => nameof(WriteTimestampTz),
            "date" => nameof(WriteDate),
            "bigint" or "int8" => nameof(WriteInt64),
            "integer" or "int" or "int4" => nameof(WriteInt32),
            "smallint" or "int2" => nameof(WriteInt16),
            "boolean" or "bool" => nameof(WriteBoolean),
            "bytea" => nameof(WriteBytes),
            "numeric" or "decimal" => nameof(WriteNumeric),
            _ => throw new NotSupportedException($"Column {column}: the bulk writer has no binary COPY format for {storeType}."),
        })!;

    public void WriteHeader()
    {
        var header = Take(Signature.Length + 8);
        Signature.CopyTo(header);
        header[Signature.Length..].Clear(); // flags and header-extension length: both zero
    }

    public void WriteTrailer() => BinaryPrimitives.WriteInt16BigEndian(Take(2), -1);

    public void StartRow(int fields) => BinaryPrimitives.WriteInt16BigEndian(Take(2), checked((short)fields));

    public void WriteNull() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void WriteUuid(Guid value)
    {
        var span = Field(16);
        value.TryWriteBytes(span, bigEndian: true, out _);
    }

    public void WriteText(string value)
    {
        var span = Field(Encoding.UTF8.GetByteCount(value));
        Encoding.UTF8.GetBytes(value, span);
    }

    /// <summary>Microseconds since 2000-01-01 UTC; like Npgsql, only UTC times are accepted and the extremes mean ±infinity.</summary>
    public void WriteTimestampTz(DateTime value)
    {
        if (value.Kind != DateTimeKind.Utc && value != DateTime.MinValue && value != DateTime.MaxValue)
        {
            throw new ArgumentException($"A timestamp with time zone must be UTC, not {value.Kind}.", nameof(value));
        }

        BinaryPrimitives.WriteInt64BigEndian(Field(8), value == DateTime.MaxValue ? long.MaxValue
            : value == DateTime.MinValue ? long.MinValue
            : (value.Ticks - PgEpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>Days since 2000-01-01; the extremes mean ±infinity, as Npgsql writes them.</summary>
    public void WriteDate(DateOnly value) =>
        BinaryPrimitives.WriteInt32BigEndian(Field(4), value == DateOnly.MaxValue ? int.MaxValue
            : value == DateOnly.MinValue ? int.MinValue
            : value.DayNumber - PgEpochDay);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64BigEndian(Field(8), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32BigEndian(Field(4), value);

    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16BigEndian(Field(2), value);

    public void WriteBoolean(bool value) => Field(1)[0] = value ? (byte)1 : (byte)0;

    public void WriteBytes(byte[] value) => value.CopyTo(Field(value.Length));

    /// <summary>
    /// numeric's send format: digit count, weight (of the first digit, in powers of 10 000), sign, display scale, then
    /// the digits in base 10 000, most significant first, without leading or trailing zero digits.
    /// </summary>
    public void WriteNumeric(decimal value)
    {
        var scale = value.Scale;
        var bits = decimal.GetBits(value);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];

        // Align the fraction to whole base-10 000 digits.
        var fractionDigits = (scale + 3) / 4;
        for (var i = scale; i < fractionDigits * 4; i++)
        {
            mantissa *= 10;
        }

        Span<short> digits = stackalloc short[12]; // 96 bits and 3 more decimal places: at most 9 base-10 000 digits
        var count = 0;
        while (mantissa > 0 || count < fractionDigits)
        {
            digits[count++] = (short)(ushort)(mantissa % 10_000);
            mantissa /= 10_000;
        }

        // digits[] is least significant first; the weight is that of the most significant digit.
        var weight = count - fractionDigits - 1;
        var high = count - 1;
        while (high >= 0 && digits[high] == 0)
        {
            high--;
            weight--;
        }

        var low = 0;
        while (low <= high && digits[low] == 0)
        {
            low++;
        }

        var n = high - low + 1;
        var span = Field(8 + (2 * n));
        BinaryPrimitives.WriteInt16BigEndian(span, (short)n);
        BinaryPrimitives.WriteInt16BigEndian(span[2..], (short)(n == 0 ? 0 : weight));
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)(n > 0 && value < 0 ? 0x4000 : 0));
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)scale);
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(8 + (2 * i))..], digits[high - i]);
        }
    }

    private Span<byte> Field(int length)
    {
        var span = Take(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        return span[4..];
    }

    private Span<byte> Take(int length)
    {
        if (_length + length > _buffer.Length)
        {
            // One value larger than the free quarter of the buffer (a long text): grow rather than split it.
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + length));
        }

        var span = _buffer.AsSpan(_length, length);
        _length += length;
        return span;
    }
}
