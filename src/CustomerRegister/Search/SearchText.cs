using System.Globalization;
using System.Text;

namespace CustomerRegister.Search;

/// <summary>Pure text rules for search: case and accent folding, tokens, and the upper bound of a prefix range.</summary>
public static class SearchText
{
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
