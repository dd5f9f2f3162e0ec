using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerRegister.Requests;

/// <summary>
/// Guesses the type and language of a request mail from keywords in Finnish, Swedish and English. Only a first guess
/// for the handler: an unrecognised mail is an access request, the least intrusive type, written in Finnish.
/// A mail is outside input: every pattern here runs on the non-backtracking engine (time linear in the input) with a
/// match timeout, and only the first <see cref="MaxBodyChars"/> characters of a body are considered.
/// </summary>
public static partial class MailRequestClassifier
{
    /// <summary>Characters of a body (plain text, or HTML before conversion) considered; the stored text is 4000 at most.</summary>
    public const int MaxBodyChars = 65_536;

    private const int TimeoutMilliseconds = 1000;

    // Most specific first: "poista minut suoramarkkinoinnista" is an objection to marketing, not an erasure.
    private static readonly (RequestType Type, Regex Pattern)[] Rules =
    [
        (RequestType.Portability, Words("siirr|siirto|siirtä|portab|dataportab|flytta")),
        (RequestType.ObjectionToProfiling, Words("profiloin|profilering|profiling")),
        (RequestType.ObjectionToMarketing,
            Words("suoramarkkinoin|markkinointikiel|markkinointiviest|direktreklam|marknadsför|marketing|unsubscribe")),
        (RequestType.Restriction, Words("rajoit|begräns|restrict")),
        (RequestType.Rectification, Words("oikais|oikaise|korjat|korjaa|korjau|rätta|rättel|rectif|correct")),
        (RequestType.Erasure, Words("poist|rader|delet|erase|erasure|forget|forgotten")),
    ];

    private static readonly HashSet<string> Swedish =
        ["och", "jag", "mina", "mig", "uppgifter", "personuppgifter", "hej", "tack", "begär", "vänligen", "att", "är", "inte", "med"];

    private static readonly HashSet<string> English =
        ["the", "my", "and", "please", "data", "request", "hello", "dear", "personal", "you", "your", "is", "not", "with", "thank"];

    private static readonly HashSet<string> Finnish =
        ["ja", "minun", "minusta", "tietoni", "tietojen", "tiedot", "haluan", "pyydän", "kiitos", "hei", "ystävällisesti", "ei", "että"];

    public static RequestType Classify(string? subject, string? body)
    {
        var text = $"{Cap(subject)}\n{Cap(body)}";
        try
        {
            foreach (var (type, pattern) in Rules)
            {
                if (pattern.IsMatch(text))
                {
                    return type;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Only a first guess: the handler sets the type.
        }

        return RequestType.Access;
    }

    /// <summary>The part of a subject or body that is looked at.</summary>
    public static string? Cap(string? text) => text is { Length: > MaxBodyChars } ? text[..MaxBodyChars] : text;

    /// <summary>fi, sv or en by the most common marker words; Finnish when in doubt.</summary>
    public static string GuessLanguage(string? subject, string? body)
    {
        int sv = 0, en = 0, fi = 0;
        try
        {
            foreach (Match m in WordPattern().Matches($"{Cap(subject)}\n{Cap(body)}".ToLowerInvariant()))
            {
                sv += Swedish.Contains(m.Value) ? 1 : 0;
                en += English.Contains(m.Value) ? 1 : 0;
                fi += Finnish.Contains(m.Value) ? 1 : 0;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return "fi";
        }

        return sv > fi && sv >= en ? "sv" : en > fi && en > sv ? "en" : "fi";
    }

    /// <summary>
    /// Crude HTML to text, for mails that have no plain-text part: tags out, paragraphs kept, entities decoded. Only the
    /// first <see cref="MaxBodyChars"/> characters are converted; a <see cref="RegexMatchTimeoutException"/> refuses the mail.
    /// </summary>
    public static string HtmlToText(string html)
    {
        var text = ScriptOrStyle().Replace(Cap(html)!, " ");
        text = LineBreakTag().Replace(text, "\n");
        text = AnyTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        var result = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = result.Length > 0;
                continue;
            }

            result.Append(blank ? "\n\n" : result.Length > 0 ? "\n" : "").Append(line);
            blank = false;
        }

        return result.ToString();
    }

    // A stem at the start of a word: no letter before it (the non-backtracking engine has no look-behind).
    private static Regex Words(string stems) =>
        new($@"(?:^|[^\p{{L}}])(?:{stems})", Safe | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(TimeoutMilliseconds));

    private const RegexOptions Safe = RegexOptions.NonBacktracking;

    [GeneratedRegex(@"\p{L}+", Safe, TimeoutMilliseconds)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>",
        Safe | RegexOptions.IgnoreCase | RegexOptions.Singleline, TimeoutMilliseconds)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<\s*(?:br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", Safe | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"<[^>]*>", Safe, TimeoutMilliseconds)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\r\f\v]+", Safe, TimeoutMilliseconds)]
    private static partial Regex Spaces();
}
