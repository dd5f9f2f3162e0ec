using System.Globalization;
using System.Text;
using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using CustomerRegister.Requests;

namespace CustomerRegister.Erasure;

/// <summary>The answer to an erasure request, built from the certificate: categories and dates, never a value.</summary>
public static class ErasureLetters
{
    private static readonly LocalText Done = new(
        "Olemme poistaneet henkilötietosi pyyntösi mukaisesti (EU:n tietosuoja-asetus 17 artikla).",
        "Vi har raderat dina personuppgifter enligt din begäran (EU:s dataskyddsförordning artikel 17).",
        "We have erased your personal data as you asked (GDPR Article 17).");

    private static readonly LocalText Erased = new("Poistettu:", "Raderat:", "Erased:");

    private static readonly LocalText Kept = new(
        "Säilytetään käsittelyä rajoittaen niin kauan kuin laki edellyttää:",
        "Bevaras, med begränsad behandling, så länge lagen kräver det:",
        "Kept, with processing restricted, for as long as the law requires:");

    private static readonly LocalText BanKept = new(
        "Suoramarkkinointikieltosi säilytetään salattuna tarkisteena, jotta sinua ei lisätä markkinointiin uudelleen.",
        "Ditt förbud mot direktmarknadsföring bevaras som en krypterad kontrollsumma, så att du inte läggs till igen.",
        "Your ban on direct marketing is kept as a keyed hash, so that you are not added to marketing again.");

    public static string Letter(string language, ErasureReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Done.In(language));
        text.AppendLine();
        text.AppendLine(Erased.In(language));
        foreach (var name in report.Erased.SelectMany(e => e.Categories).Distinct().Select(id => Name(id, language)).Distinct())
        {
            text.AppendLine("- " + name);
        }

        if (report.Kept.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Kept.In(language));
            foreach (var kept in report.Kept)
            {
                var until = kept.DueDate is { } d ? d.ToString("d.M.yyyy", CultureInfo.InvariantCulture) : kept.DueNote;
                text.AppendLine($"- {string.Join(", ", kept.Categories.Select(c => Name(c, language)).Distinct())}: {until} ({kept.Reason})");
            }
        }

        if (report.MarketingBansKept.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(BanKept.In(language));
        }

        text.AppendLine();
        text.AppendLine(SupervisoryAuthority.ComplaintRight(language));
        return text.ToString();
    }

    private static string Name(string categoryId, string language) =>
        Categories.All.FirstOrDefault(c => c.Id == categoryId)?.Name(language) ?? categoryId;
}
