using System.Globalization;
using System.Text;
using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using CustomerRegister.Requests;

namespace CustomerRegister.Erasure;

/// <summary>
/// The answer to an erasure request, built from the certificate: categories and dates, never a value. What is kept is
/// said once per kind of data, in words derived from the catalogue's retention rules (never a law citation in English or
/// a setting name), with the date it goes.
/// </summary>
public static class ErasureLetters
{
    private static readonly LocalText Done = new(
        "Olemme poistaneet henkilötietosi pyyntösi mukaisesti.",
        "Vi har raderat dina personuppgifter enligt din begäran.",
        "We have erased your personal data as you asked.");

    private static readonly LocalText Erased = new("Poistimme:", "Vi raderade:", "We erased:");

    private static readonly LocalText Kept = new(
        "Laki velvoittaa meitä säilyttämään osan tiedoista vielä jonkin aikaa. Niitä ei käytetä muuhun, ja ne poistetaan määräajan päättyessä:",
        "Lagen kräver att vi sparar en del uppgifter en tid till. De används inte till något annat och raderas när tiden går ut:",
        "The law requires us to keep some data for a while longer. It is not used for anything else and is deleted when the time is up:");

    private static readonly LocalText Until = new("poistetaan viimeistään {0}", "raderas senast {0}", "deleted by {0}");

    private static readonly LocalText ForVoucher = new(
        "Säilyy niin kauan kuin siihen viittaava lasku tai maksu on säilytettävä kirjanpidossa.",
        "Sparas så länge som den faktura eller betalning som hänvisar till den ska sparas i bokföringen.",
        "Kept for as long as the invoice or payment that refers to it must be kept in the accounts.");

    private static readonly LocalText ForCollection = new(
        "Tarvitaan avoimen perintäasian hoitamiseen, kunnes se päättyy.",
        "Behövs för ett pågående indrivningsärende tills det avslutas.",
        "Needed for an open debt-collection case until it is closed.");

    private static readonly LocalText BanKept = new(
        "Suoramarkkinointikieltosi säilytämme tunnisteena, josta tietojasi ei voi lukea, jotta sinua ei lisätä markkinointiin uudelleen.",
        "Ditt förbud mot direktmarknadsföring sparar vi som en kod som inte avslöjar dina uppgifter, så att du inte läggs till i marknadsföringen igen.",
        "We keep your ban on direct marketing as a code that does not reveal your data, so that you are not added to marketing again.");

    /// <summary>
    /// The letter. <paramref name="periodOf"/> gives a rule's configured period (<c>RetentionDates.PeriodOf</c>); without it
    /// the catalogue's default period is said.
    /// </summary>
    public static string Letter(string language, ErasureReport report, string? name = null, ReportController? from = null,
        Func<RetentionRule, RetentionPeriod>? periodOf = null)
    {
        var erased = new StringBuilder();
        erased.AppendLine(Erased.In(language));
        foreach (var category in report.Erased.SelectMany(e => e.Categories).Distinct().Select(id => Name(id, language)).Distinct())
        {
            erased.AppendLine("- " + category);
        }

        var kept = new StringBuilder();
        if (report.Kept.Count > 0)
        {
            kept.AppendLine(Kept.In(language));

            // One line per reason: a category kept in several tables (the request, its steps, its letters) is said once.
            var lines = report.Kept
                .SelectMany(k => k.Categories.Select(c => (Category: c, Why: Why(k, c, language, periodOf), k.DueDate)))
                .GroupBy(x => x.Why)
                .Select(g => (Names: g.Select(x => Name(x.Category, language)).Distinct().ToList(), Why: g.Key,
                    Due: g.Select(x => x.DueDate).Max()));
            foreach (var (names, why, due) in lines)
            {
                var until = due is { } d ? " " + Capital(Until.Format(Display.Date(d)).In(language), true) + "." : "";
                kept.AppendLine($"- {AccessReportWords.List(names, language)}: {Capital(why, false)}{until}");
            }
        }

        return RequestLetters.Compose(language, name, from, Done.In(language), erased.ToString(), kept.ToString(),
            report.MarketingBansKept.Count > 0 ? BanKept.In(language) : null);
    }

    private static string Why(KeptItems kept, string categoryId, string language, Func<RetentionRule, RetentionPeriod>? periodOf)
    {
        if (kept.Reason == ErasureRules.VoucherReference)
        {
            return ForVoucher.In(language);
        }

        var category = Categories.All.FirstOrDefault(c => c.Id == categoryId);
        if (category is null || category.Erasure != ErasureAction.RestrictUntilDue)
        {
            return ForCollection.In(language);
        }

        return AccessReportWords.Retention(category.Retention, periodOf?.Invoke(category.Retention) ?? category.Retention.Period, language);
    }

    private static string Capital(string s, bool upper) =>
        s.Length == 0 ? s : (upper ? char.ToUpper(s[0], CultureInfo.InvariantCulture) : char.ToLower(s[0], CultureInfo.InvariantCulture)) + s[1..];

    private static string Name(string categoryId, string language) =>
        Categories.All.FirstOrDefault(c => c.Id == categoryId)?.Name(language) ?? categoryId;
}
