using System.Globalization;
using CsvHelper;

namespace CustomerRegister.Imports;

/// <summary>
/// The documented import file: CSV with a header row, the separator <c>;</c> (Finnish Excel) or <c>,</c> (detected from
/// the first lines, or an Excel <c>sep=;</c> line), UTF-8 with or without a byte order mark. The header names the columns
/// (lower case, any order); the required ones must be there and an unknown one refuses the file, so a misspelt column
/// is never silently dropped. Read as a stream, one row at a time.
/// </summary>
public static class ImportFile
{
    public const string ContentType = "text/csv";

    public static readonly IReadOnlyDictionary<ImportKind, IReadOnlyList<ImportColumn>> Columns = new Dictionary<ImportKind, IReadOnlyList<ImportColumn>>
    {
        [ImportKind.Consumers] =
        [
            new("first_name", "firstName", true), new("last_name", "lastName", true), new("street", "street"),
            new("postal_code", "postalCode"), new("city", "city"), new("phone", "phone"), new("email", "email"),
        ],
        [ImportKind.Organisations] =
        [
            new("name", "name", true), new("business_id", "businessId"), new("street", "street"), new("postal_code", "postalCode"),
            new("city", "city"), new("sole_trader", "isSoleTrader"),
        ],
        [ImportKind.ContactPersons] =
        [
            new("organisation_business_id", "organisationBusinessId", true), new("first_name", "firstName", true),
            new("last_name", "lastName", true), new("title", "title"), new("position", "position"), new("phone", "phone"),
            new("email", "email"),
        ],
    };

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        HasHeader = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>The column of <paramref name="kind"/> whose use-case field is <paramref name="field"/>, for naming a refusal.</summary>
    public static string ColumnOf(ImportKind kind, string field) =>
        Columns[kind].FirstOrDefault(c => c.Field == field)?.Name ?? field;

    /// <summary>
    /// Reads the file's rows one at a time. The header is checked first: <see cref="FileProblem"/> is thrown for a file
    /// that is not CSV, lacks a required column, has an unknown one or has more than <paramref name="maxRows"/> rows.
    /// </summary>
    public static IEnumerable<ImportLine> Read(Stream content, ImportKind kind, int maxRows)
    {
        var columns = Columns[kind];
        using var reader = CsvReader.Create(content, ReaderOptions, leaveOpen: true);
        int[] index;
        try
        {
            reader.ReadHeader();
            var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (headers.Count == 0 || headers.All(h => h.Length == 0))
            {
                throw new FileProblem("Imports.File.NoHeader", null);
            }

            var missing = columns.Where(c => c.Required && !headers.Contains(c.Name)).Select(c => c.Name).ToList();
            if (missing.Count > 0)
            {
                throw new FileProblem("Imports.File.MissingColumns", string.Join(", ", missing));
            }

            var unknown = headers.Where(h => columns.All(c => c.Name != h)).ToList();
            if (unknown.Count > 0)
            {
                throw new FileProblem("Imports.File.UnknownColumns", string.Join(", ", unknown.Select(u => u.Length > 40 ? u[..40] : u)));
            }

            index = [.. columns.Select(c => headers.IndexOf(c.Name))];
        }
        catch (CsvFormatException)
        {
            throw new FileProblem("Imports.File.Unreadable", null);
        }

        var rows = 0;
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    break;
                }
            }
            catch (CsvFormatException)
            {
                throw new FileProblem("Imports.File.Unreadable", null);
            }

            if (++rows > maxRows)
            {
                throw new FileProblem("Imports.File.TooManyRows", maxRows.ToString(CultureInfo.InvariantCulture));
            }

            var values = new string?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = index[i] >= 0 && index[i] < reader.FieldCount && reader.GetStringOrNull(index[i]) is { Length: > 0 } v ? v : null;
            }

            yield return new ImportLine((int)reader.LineNumber, values);
        }

        if (rows == 0)
        {
            throw new FileProblem("Imports.File.NoRows", null);
        }
    }
}

/// <summary>A documented column: its header, the use case's field it feeds, and whether the header must be there.</summary>
public sealed record ImportColumn(string Name, string Field, bool Required = false);

/// <summary>One row as read: its line in the file (the header is line 1) and its values in <see cref="ImportFile.Columns"/>' order.</summary>
public sealed record ImportLine(int Line, string?[] Values)
{
    public string? this[int column] => Values[column];
}

/// <summary>Why a whole file is refused: a text key of <see cref="ImportTexts"/> and a detail (column names, a count — never a value).</summary>
public sealed class FileProblem(string key, string? detail) : Exception(key)
{
    public string Key { get; } = key;

    public string? Detail { get; } = detail;
}
