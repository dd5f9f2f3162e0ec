using System.Globalization;
using CsvHelper;

namespace CustomerRegister.Billing;

/// <summary>
/// The collection agency's file format, both ways: semicolon-separated UTF-8 with a header row, dates as
/// <c>yyyy-MM-dd</c>, amounts with a point and two decimals, written with CsvHelper (RFC 4180 quoting; a text field
/// that a spreadsheet would run as a formula is escaped).
/// </summary>
public static class CollectionFile
{
    public const char Separator = ';';

    public const string ContentType = "text/csv";

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The status file's columns, in the order the agency sends them.</summary>
    public static readonly IReadOnlyList<string> StatusColumns = ["case_reference", "status", "date", "amount_paid"];

    /// <summary>The most rows one status file may hold (the whole file is validated before anything is saved).</summary>
    public const int MaxStatusRows = 5000;

    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with
    {
        Separator = Separator,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = Separator,
        HasHeader = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>The file name of an export made at <paramref name="at"/> (UTC).</summary>
    public static string FileName(DateTime at) => $"perinta-{at:yyyyMMdd-HHmmss}.csv";

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Writes the header and the rows; each row holds a value (or null) for every column.</summary>
    public static byte[] Write(IReadOnlyList<CollectionColumn> columns, IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, WriterOptions, leaveOpen: true))
        {
            writer.WriteHeader([.. columns.Select(c => c.Header)]);
            foreach (var row in rows)
            {
                writer.WriteRecord([.. columns.Select(c => row.GetValueOrDefault(c.Header))]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>One row of a status file as sent: its line number in the file (the header is line 1) and its fields.</summary>
    public sealed record StatusRow(int Line, string? CaseReference, string? Status, string? Date, string? AmountPaid);

    /// <summary>The status file read as text: its rows, or the reason the file itself cannot be read (no header, wrong columns).</summary>
    public sealed record StatusFile(IReadOnlyList<StatusRow> Rows, IReadOnlyList<string> MissingColumns, bool TooManyRows, bool Unreadable);

    /// <summary>Reads a status file; the values are checked by <see cref="CollectionStatusRules"/>, not here.</summary>
    public static StatusFile ReadStatuses(byte[] content)
    {
        var rows = new List<StatusRow>();
        try
        {
            using var reader = CsvReader.Create(content, ReaderOptions);
            reader.ReadHeader();
            if (reader.Headers.Count == 0)
            {
                return new([], StatusColumns, false, false);
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var column in StatusColumns)
            {
                if (reader.TryGetFieldIndex(column, out var i))
                {
                    index[column] = i;
                }
                else
                {
                    missing.Add(column);
                }
            }

            if (missing.Count > 0)
            {
                return new([], missing, false, false);
            }

            while (reader.Read())
            {
                if (rows.Count == MaxStatusRows)
                {
                    return new([], [], true, false);
                }

                string? Field(string column) => reader.GetStringOrNull(index[column]) is { Length: > 0 } value ? value : null;
                rows.Add(new StatusRow((int)reader.LineNumber, Field("case_reference"), Field("status"), Field("date"), Field("amount_paid")));
            }
        }
        catch (CsvFormatException)
        {
            return new([], [], false, true);
        }

        return new(rows, [], false, false);
    }
}
