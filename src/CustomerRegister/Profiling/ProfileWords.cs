using System.Globalization;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Profiling;

/// <summary>
/// A profiling result in words, from the inputs it stored and the thresholds of <see cref="ProfilingOptions"/>:
/// "asiointi viimeksi 3 kk sitten, 12 käyntiä vuodessa (…) → aktiivinen romunmyyjä". Pure; the person page and the
/// access report both read it, so they say the same thing.
/// </summary>
public static class ProfileWords
{
    public static string Explain(ProfileResult result, ProfilingOptions options, string language)
    {
        if (result.Segment is { } segment)
        {
            var today = HelsinkiTime.DateOf(result.ComputedAt);
            var months = result.LastBusinessOn is { } last ? SegmentRule.MonthsBetween(last, today) : 0;
            var recency = months == 0 ? T("Profiling.Words.LessThanMonth", language) : F("Profiling.Words.MonthsAgo", language, months);
            var window = options.WindowMonths == 12 ? T("Profiling.Words.AYear", language) : F("Profiling.Words.InMonths", language, options.WindowMonths);
            return F("Profiling.Words.Segment", language, recency, result.Deliveries + result.Invoices, window, result.Deliveries, result.Invoices,
                Display.Money(result.Amount), Word($"Segment.{segment}", language));
        }

        if (result.Interest is { } interest && result.Evidence is { } evidence)
        {
            return F("Profiling.Words.Interest", language, F($"Profiling.Evidence.{evidence}", language, result.EvidenceCount, options.WindowMonths),
                Word($"ServiceInterest.{interest}", language));
        }

        return "";
    }

    /// <summary>The rule that produced the result, in words.</summary>
    public static string RuleName(ProfileResult result, string language) =>
        T(result.Segment is not null ? "Profiling.Rule.Segment" : "Profiling.Rule.Interest", language);

    /// <summary>
    /// The access report's profiling block: what profiling is done and for what, the person's results in words (or that
    /// there are none, and why), that no decision with legal effect is made, and how to object.
    /// </summary>
    public static string Report(IReadOnlyList<ProfileResult> results, bool stopped, ProfilingOptions options, string language)
    {
        var parts = new List<string> { T("Profiling.Report.What", language) };
        if (results.Count > 0)
        {
            parts.Add(F("Profiling.Report.Results", language, Display.Date(results.Max(r => r.ComputedAt)),
                string.Join("; ", results.Select(r => Explain(r, options, language)))) + ".");
        }
        else
        {
            parts.Add(T(stopped ? "Profiling.Report.Stopped" : "Profiling.Report.None", language));
        }

        parts.Add(T("Profiling.Report.NoDecisions", language));
        if (!stopped)
        {
            parts.Add(T("Profiling.Report.Object", language));
        }

        return string.Join(" ", parts);
    }

    private static string T(string key, string language) => ProfilingTexts.Texts[key].In(language);

    private static string Word(string key, string language) => ProfilingTexts.Texts[key].In(language);

    private static string F(string key, string language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, T(key, language), args);
}
