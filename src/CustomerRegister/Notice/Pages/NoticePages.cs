using System.Globalization;

namespace CustomerRegister.Notice.Pages;

/// <summary>The notice pages' shared helpers: the language shown and the addresses that keep it.</summary>
public static class NoticePages
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The notice's own address in a language.</summary>
    public static string Home(string language) => language switch
    {
        "sv" => "/dataskydd",
        "en" => "/privacy",
        _ => "/tietosuoja",
    };

    /// <summary>A notice address under /tietosuoja, in the language shown (Finnish needs no parameter).</summary>
    public static string Keep(string path, string language) => language == "fi" ? path : $"{path}?lang={language}";
}
