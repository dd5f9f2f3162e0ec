using System.Globalization;
using System.Text;
using CustomerRegister.Catalog;
using CustomerRegister.Requests;

namespace CustomerRegister.Erasure;

/// <summary>The answer to an erasure request, built from the certificate: categories and dates, never a value.</summary>
public static class ErasureLetters
{
    public static string Letter(string language, ErasureReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(language switch
        {
            "sv" => "Vi har raderat dina personuppgifter enligt din begäran (EU:s dataskyddsförordning artikel 17).",
            "en" => "We have erased your personal data as you asked (GDPR Article 17).",
            _ => "Olemme poistaneet henkilötietosi pyyntösi mukaisesti (EU:n tietosuoja-asetus 17 artikla).",
        });
        text.AppendLine();
        text.AppendLine(language switch { "sv" => "Raderat:", "en" => "Erased:", _ => "Poistettu:" });
        foreach (var name in report.Erased.SelectMany(e => e.Categories).Distinct().Select(id => Name(id, language)).Distinct())
        {
            text.AppendLine("- " + name);
        }

        if (report.Kept.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(language switch
            {
                "sv" => "Bevaras, med begränsad behandling, så länge lagen kräver det:",
                "en" => "Kept, with processing restricted, for as long as the law requires:",
                _ => "Säilytetään käsittelyä rajoittaen niin kauan kuin laki edellyttää:",
            });
            foreach (var kept in report.Kept)
            {
                var until = kept.DueDate is { } d ? d.ToString("d.M.yyyy", CultureInfo.InvariantCulture) : kept.DueNote;
                text.AppendLine($"- {string.Join(", ", kept.Categories.Select(c => Name(c, language)).Distinct())}: {until} ({kept.Reason})");
            }
        }

        if (report.MarketingBansKept.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(language switch
            {
                "sv" => "Ditt förbud mot direktmarknadsföring bevaras som en krypterad kontrollsumma, så att du inte läggs till igen.",
                "en" => "Your ban on direct marketing is kept as a keyed hash, so that you are not added to marketing again.",
                _ => "Suoramarkkinointikieltosi säilytetään salattuna tarkisteena, jotta sinua ei lisätä markkinointiin uudelleen.",
            });
        }

        text.AppendLine();
        text.AppendLine(SupervisoryAuthority.ComplaintRight(language));
        return text.ToString();
    }

    private static string Name(string categoryId, string language) =>
        Categories.All.FirstOrDefault(c => c.Id == categoryId)?.Name(language) ?? categoryId;
}
