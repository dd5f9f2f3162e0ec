using CustomerRegister.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// Collects per-field validation messages, each in every language (<see cref="LocalText"/>), and turns them into a
/// ValidationProblem naming each field. The API answers in English; a page shows the page's language.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<LocalText>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Each field and its messages in every language.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<LocalText>>> Messages =>
        _errors.Select(e => KeyValuePair.Create(e.Key, (IReadOnlyList<LocalText>)e.Value));

    public FieldErrors Add(string field, LocalText message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public FieldErrors Required(string field, string? value, int maxLength = 1000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, FieldMessages.Required);
        }

        return value.Length > maxLength ? Add(field, FieldMessages.TooLong(maxLength)) : this;
    }

    /// <summary>The messages in English, as the API answers them.</summary>
    public IDictionary<string, string[]> ToDictionary() => ToDictionary("en");

    /// <summary>The messages in <paramref name="language"/> (fi, sv or en).</summary>
    public IDictionary<string, string[]> ToDictionary(string language) =>
        _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.In(language)).ToArray());

    public ValidationProblem Problem() => TypedResults.ValidationProblem(ToDictionary());
}

/// <summary>The shape of every identifier type's TryParse (see Finnish/).</summary>
public delegate bool IdentifierParser<T>(
    string? input,
    [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value,
    [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Finnish.IdentifierError? error)
    where T : class;

public static class FieldErrorsExtensions
{
    /// <summary>Parses an optional identifier; a bad one adds the field and the precise reason.</summary>
    public static T? Optional<T>(this FieldErrors errors, string field, string? input, IdentifierParser<T> parse)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        if (parse(input, out var value, out var error))
        {
            return value;
        }

        errors.Add(field, error.Text);
        return null;
    }

    /// <summary>Every stored item records where it came from (notice § 7).</summary>
    public static Catalog.DataSource? RequiredSource(this FieldErrors errors, Catalog.DataSource? source)
    {
        if (source is null)
        {
            errors.Add("source", FieldMessages.RequiredOneOf<Catalog.DataSource>());
        }

        return source;
    }

    /// <summary>An update names the version it was based on, so that a stale write is refused.</summary>
    public static long? RequiredVersion(this FieldErrors errors, long? version)
    {
        if (version is null)
        {
            errors.Add("version", FieldMessages.RequiredVersion);
        }

        return version;
    }

    /// <summary>A required document number (invoice, certificate): up to 30 of the letters A–Z, digits and - / .</summary>
    public static string? DocumentNumber(this FieldErrors errors, string field, string? input)
    {
        var number = errors.Text(field, input, 30, required: true);
        if (number is not null && !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '.'))
        {
            errors.Add(field, FieldMessages.DocumentNumberCharacters);
        }

        return number;
    }

    /// <summary>Trims a free-text field; adds an error when it is required and missing or longer than allowed.</summary>
    public static string? Text(this FieldErrors errors, string field, string? input, int maxLength, bool required = false)
    {
        var trimmed = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (trimmed is null)
        {
            if (required)
            {
                errors.Add(field, FieldMessages.Required);
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, FieldMessages.TooLong(maxLength));
            return null;
        }

        return trimmed;
    }
}
