using System.Globalization;
using System.Text;
using CustomerRegister.Localization;

namespace CustomerRegister.Search;

/// <summary>Pure text rules for search: case and accent folding, tokens, and the upper bound of a prefix range.</summary>
public static class SearchText
{
    /// <summary>
    /// The ways a name or place is likely stored — as given, and with single spaces in Title Case, lower and upper case —
    /// for an exact look-up by index, where the database's own case folding may not know ä and ö (an import's match by
    /// name and address, a campaign's municipality). The candidates found are then compared folded (<see cref="Fold"/>).
    /// </summary>
    public static IEnumerable<string> Spellings(string text)
    {
        var single = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var lower = single.ToLower(Display.Format);
        return new[] { text, single, lower, single.ToUpper(Display.Format), Display.Format.TextInfo.ToTitleCase(lower) }.Distinct(StringComparer.Ordinal);
    }

    /// <summary>Lower-cases and strips accents: "Mäki-Åberg" → "maki-aberg".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch
                {
                    'ß' => "ss",
                    'ø' => "o",
                    'æ' => "ae",
                    'đ' => "d",
                    'ł' => "l",
                    _ => c.ToString(),
                });
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The name tokens a person or organisation can be found by: each word, and a hyphenated name whole.</summary>
    public static IEnumerable<string> NameTokens(params string?[] parts)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            foreach (var word in Fold(part).Split([' ', '\t', ',', '.', '(', ')', '&', '/'], StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.Add(word);
                foreach (var piece in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    tokens.Add(piece);
                }
            }
        }

        return tokens;
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>.</summary>
    public static string PrefixUpperBound(string prefix) => prefix + '\uffff';

    /// <summary>A code as it is indexed and searched: "abc-123" → "ABC123", "100 234" → "100234".</summary>
    public static string Code(string text) =>
        new([.. Fold(text).ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
