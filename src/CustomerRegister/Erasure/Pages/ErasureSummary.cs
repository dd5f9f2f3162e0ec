using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using CustomerRegister.Retention;

namespace CustomerRegister.Erasure.Pages;

/// <summary>One category's line: how many items, and for what is kept the basis, the period and when it leaves.</summary>
public sealed record CategoryLine(string Category, long Count, string? Note = null, string? Law = null, string? Period = null, string? Leaves = null);

/// <summary>
/// The dry run or the certificate (tables with their categories and counts) turned into words per category for the page:
/// what is deleted, emptied, anonymised or kept — with the law, the period and the date it leaves — in the page's language.
/// </summary>
public sealed record ErasureSummary(
    IReadOnlyList<CategoryLine> Deleted, IReadOnlyList<CategoryLine> Emptied, IReadOnlyList<CategoryLine> Anonymised,
    IReadOnlyList<CategoryLine> Kept, IReadOnlyList<string> Bans)
{
    public bool IsEmpty => Deleted.Count + Emptied.Count + Anonymised.Count + Kept.Count == 0;

    public static ErasureSummary Of(IReadOnlyList<ErasedItems> erased, IReadOnlyList<KeptItems> kept, IEnumerable<string> bans,
        RetentionDates dates, string language)
    {
        string T(string key) => UiText.Text(key).In(language);
        string Name(string id) => Categories.All.FirstOrDefault(c => c.Id == id)?.Name(language) ?? id;

        List<CategoryLine> Lines(IEnumerable<(string Category, long Count, string? Note)> items) =>
        [
            .. items.GroupBy(i => (Name(i.Category), i.Note))
                .Select(g => new CategoryLine(g.Key.Item1, g.Sum(i => i.Count), g.Key.Note))
                .OrderBy(l => l.Category, StringComparer.Create(Display.Format, false)),
        ];

        IEnumerable<(string, long, string?)> Of(string action, string? note) =>
            erased.Where(e => e.Action == action).SelectMany(e => e.Categories.Select(c => (c, e.Count, note)));

        var emptied = Of("emptied", T("Erasure.Emptied.Shell")).Concat(kept.SelectMany(k => k.EmptiedCategories.Select(c => (c, k.Count,
            (string?)UiText.Text("Erasure.Emptied.Inside").Format(string.Join(", ", k.Categories.Except(k.EmptiedCategories).Select(Name).Distinct()))
                .In(language)))));

        var keptLines = new List<CategoryLine>();
        foreach (var k in kept)
        {
            var categories = k.Categories.Except(k.EmptiedCategories).Select(id => Categories.All.FirstOrDefault(c => c.Id == id)).OfType<DataCategory>();
            foreach (var category in categories)
            {
                keptLines.Add(KeptLine(k, category, dates, language));
            }
        }

        return new ErasureSummary(
            Lines(Of("deleted", null)),
            Lines(emptied),
            Lines(Of("anonymised", null)),
            [
                .. keptLines.GroupBy(l => (l.Category, l.Law, l.Period, l.Leaves))
                    .Select(g => g.First() with { Count = g.Sum(l => l.Count) })
                    .OrderBy(l => l.Category, StringComparer.Create(Display.Format, false)),
            ],
            [.. bans.Select(b => T("Erasure.Channel." + b))]);
    }

    private static CategoryLine KeptLine(KeptItems k, DataCategory category, RetentionDates dates, string language)
    {
        string T(string key) => UiText.Text(key).In(language);
        var name = category.Name(language);
        if (k.Reason == ErasureRules.VoucherReference)
        {
            return new CategoryLine(name, k.Count, Law: T("Erasure.Law.Voucher"), Leaves: T("Erasure.Leaves.Voucher"));
        }

        if (category.Erasure != ErasureAction.RestrictUntilDue)
        {
            return new CategoryLine(name, k.Count, Law: T("Erasure.Law.Collection"), Leaves: T("Erasure.Leaves.Collection"));
        }

        var rule = category.Retention;
        var law = UiText.Has("Erasure.Law." + rule.Id) ? T("Erasure.Law." + rule.Id) : rule.Law;
        var period = UiText.Text("Erasure.Period").Format((dates.PeriodOf(rule) with { Setting = null }).In(language), rule.StartingEvent.In(language))
            .In(language);
        var leaves = k.DueDate is { } due
            ? Display.Date(due) + (k.DueNote is null ? "" : ". " + UiText.Text("Erasure.Leaves.Later").Format(rule.StartingEvent.In(language)).In(language))
            : UiText.Text("Erasure.Leaves.NotYet").Format(rule.StartingEvent.In(language)).In(language);
        return new CategoryLine(name, k.Count, Law: law, Period: period, Leaves: leaves);
    }
}
