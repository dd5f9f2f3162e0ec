using CsvHelper;
using CustomerRegister.Finnish;

namespace CustomerRegister.Marketing.IndustryOptOut;

/// <summary>
/// The opt-out list files as the controller loads them: CSV with a header row, separated by <c>;</c> (Finnish Excel)
/// or <c>,</c> (detected from the first lines), UTF-8 with or without a byte order mark. Columns by name, in any order,
/// other columns ignored:
/// <list type="bullet">
/// <item>phone list: <c>phone</c> (or <c>puhelin</c>, <c>puhelinnumero</c>) — a Finnish number in any usual form or a
/// foreign one with <c>+</c>;</item>
/// <item>address list: <c>street</c> (<c>katuosoite</c>, <c>osoite</c>), <c>postal_code</c> (<c>postinumero</c>),
/// <c>city</c> (<c>postitoimipaikka</c>), and optionally <c>name</c> (<c>nimi</c>), which is read but not kept: an
/// address on the list keeps everyone at it out of addressed direct mail.</item>
/// </list>
/// </summary>
public static class IndustryOptOutFile
{
    public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["phone"] = ["phone", "puhelin", "puhelinnumero", "telefon"],
        ["street"] = ["street", "katuosoite", "osoite", "gatuadress"],
        ["postal_code"] = ["postal_code", "postinumero", "postnummer"],
        ["city"] = ["city", "postitoimipaikka", "postanstalt"],
    };

    /// <summary>The columns a list of <paramref name="kind"/> needs.</summary>
    public static IReadOnlyList<string> Columns(IndustryOptOutKind kind) =>
        kind == IndustryOptOutKind.Phone ? ["phone"] : ["street", "postal_code", "city"];

    internal static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = null,
        HasHeader = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
    };

    /// <summary>One data row's outcome: the normalised value to hash, or the column and the reason it was refused.</summary>
    public readonly record struct Row(string? Normalised, string? Column, string? Reason);

    /// <summary>Reads the value of one data row of a list of <paramref name="kind"/>; <paramref name="index"/> maps columns to fields.</summary>
    internal static Row Read(IndustryOptOutKind kind, CsvReader reader, IReadOnlyDictionary<string, int> index)
    {
        string? Field(string column) => reader.GetStringOrNull(index[column]) is { Length: > 0 } value ? value : null;
        if (kind == IndustryOptOutKind.Phone)
        {
            var phone = Field("phone");
            if (phone is null)
            {
                return new(null, "phone", "Marketing.IndustryOptOut.Row.Missing");
            }

            return PhoneNumber.TryParse(phone, out var number, out _)
                ? new(IndustryOptOuts.NormalisePhone(number.Value), null, null)
                : new(null, "phone", "Marketing.IndustryOptOut.Row.Phone");
        }

        var street = Field("street");
        var postalCode = Field("postal_code");
        if (street is null)
        {
            return new(null, "street", "Marketing.IndustryOptOut.Row.Missing");
        }

        if (postalCode is null)
        {
            return new(null, "postal_code", "Marketing.IndustryOptOut.Row.Missing");
        }

        return PostalCode.TryParse(postalCode, out var code, out _)
            ? new(IndustryOptOuts.NormaliseAddress(street, code.Value), null, null)
            : new(null, "postal_code", "Marketing.IndustryOptOut.Row.PostalCode");
    }

    /// <summary>The field index of each needed column, or the first column missing from the header.</summary>
    internal static (Dictionary<string, int> Index, string? Missing) Header(IndustryOptOutKind kind, CsvReader reader)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in Columns(kind))
        {
            var found = Aliases[column].Select(a => reader.TryGetFieldIndex(a, out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (found < 0)
            {
                return (index, column);
            }

            index[column] = found;
        }

        return (index, null);
    }
}
