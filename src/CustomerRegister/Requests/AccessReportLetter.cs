using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using static CustomerRegister.Requests.AccessReportTexts;

namespace CustomerRegister.Requests;

/// <summary>One block of the access letter, drawn the same way in HTML and PDF.</summary>
public abstract record LetterBlock;

public sealed record LetterHeading(string Text, int Level) : LetterBlock;

public sealed record LetterParagraph(string Text, bool Strong = false) : LetterBlock;

public sealed record LetterList(IReadOnlyList<string> Items) : LetterBlock;

/// <summary>
/// A table under its caption: with a <see cref="Header"/> of labels one row per item, without one label–value rows of a
/// single item.
/// </summary>
public sealed record LetterTable(string? Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, double[] Shares) : LetterBlock;

/// <summary>The access letter: its title and blocks in order.</summary>
public sealed record LetterDocument(string Language, string Title, IReadOnlyList<LetterBlock> Blocks);

/// <summary>
/// The Art 15 report as a letter to a lay reader (Art 12(1)): grouped by topic, the person's values in Finnish
/// formatting, each topic's purposes, sources and retention said once in words, who received the data and who looked at
/// it, the protected codes masked unless the requester was strongly identified. Table, column, enum and setting names stay
/// in the JSON.
/// </summary>
public static class AccessReportLetter
{
    /// <summary>A kind with more labels than this is shown item by item (label beside value) rather than as one table.</summary>
    private const int MaxColumns = 6;

    public static LetterDocument Compose(AccessReport r)
    {
        var l = r.Language;
        var blocks = new List<LetterBlock>();
        var title = T("letter.title", l);
        blocks.Add(new LetterHeading(title, 1));
        blocks.Add(new LetterParagraph($"{r.Controller.Name} · {Display.Date(r.GeneratedAt)}"));
        blocks.Add(new LetterParagraph(RequestLetters.Greeting(l, r.RequesterName)));
        blocks.Add(new LetterParagraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, T("letter.intro", l),
            Display.Date(r.GeneratedAt))));
        if (r.ProtectedCodesInFull)
        {
            blocks.Add(new LetterParagraph(T("letter.codes.full", l)));
        }
        else if (r.Categories.Any(c => c.Masked && c.Items.Any(i => i.Fields.Any(f => f.Shown is not null))))
        {
            blocks.Add(new LetterParagraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, T("letter.codes.masked", l),
                RequestLetters.Contact(r.Controller))));
        }

        foreach (var topic in AccessReportWords.Topics)
        {
            var categories = r.Categories.Where(c => topic.Categories.Any(t => t.Id == c.Id)).ToList();
            if (categories.Count == 0)
            {
                continue;
            }

            blocks.Add(new LetterHeading(topic.Title.In(l), 2));
            blocks.AddRange(Topic(categories, l));
        }

        if (r.Imports is { Count: > 0 } imports)
        {
            blocks.Add(new LetterHeading(Imports.ImportTexts.Texts["Imports.Letter.Title"].In(l), 2));
            blocks.Add(new LetterList([.. imports.Select(i => i.Text)]));
        }

        blocks.Add(new LetterHeading(T("letter.recipients", l), 2));
        blocks.AddRange(Recipients(r));
        blocks.Add(new LetterHeading(T("letter.accesses", l), 2));
        blocks.AddRange(Accesses(r));
        blocks.Add(new LetterHeading(T("profiling", l), 2));
        blocks.Add(new LetterParagraph(r.Profiling));
        blocks.Add(new LetterHeading(T("letter.rights", l), 2));
        blocks.Add(new LetterList(r.Rights));
        blocks.Add(new LetterParagraph(T("letter.copy", l)));
        foreach (var paragraph in RequestLetters.Closing(l, r.Controller).Split("\n\n"))
        {
            blocks.Add(new LetterParagraph(paragraph));
        }

        return new LetterDocument(l, title, blocks);
    }

    private static IEnumerable<LetterBlock> Topic(IReadOnlyList<ReportCategory> categories, string l)
    {
        yield return new LetterParagraph(string.Format(System.Globalization.CultureInfo.InvariantCulture,
            AccessReportWords.UsesSentence.In(l), AccessReportWords.Uses(categories.SelectMany(c => Categories.Get(c.Id).Uses), l)));

        var sources = categories.SelectMany(c => c.Items).Select(i => AccessReportWords.Source(i.Source, l)).OfType<string>().Distinct().ToList();
        if (sources.Count > 0)
        {
            yield return new LetterParagraph(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                AccessReportWords.SourcesSentence.In(l), AccessReportWords.List(sources, l)));
        }

        var retention = categories.Where(c => c.RetentionWords is not null).GroupBy(c => c.RetentionWords!).ToList();
        foreach (var rule in retention)
        {
            yield return new LetterParagraph(retention.Count == 1
                ? rule.Key
                : $"{AccessReportWords.List([.. rule.Select(c => c.Name)], l)}: {Lower(rule.Key)}");
        }

        // The same stored row may hold items of several categories of the topic: one entry for it.
        var rows = categories.SelectMany(c => c.Items)
            .GroupBy(i => (i.Table, i.RowId))
            .Select(g => (Kind: g.First().Kind ?? "", Fields: Merge(g.SelectMany(i => i.Fields).Where(f => f.Shown is not null && f.Label is not null)
                .DistinctBy(f => f.Name).ToList(), l)))
            .Where(x => x.Fields.Count > 0)
            .ToList();
        foreach (var kind in rows.GroupBy(x => x.Kind))
        {
            var items = kind.ToList();
            var labels = items.SelectMany(x => x.Fields.Select(f => f.Label)).Distinct().ToList();

            // What every item of the kind shares (the billing name on each invoice) is said once, above the table.
            var shared = items.Count < 2
                ? []
                : labels.Where(label => items.All(x => x.Fields.Any(f => f.Label == label))
                    && items.Select(x => x.Fields.First(f => f.Label == label).Value).Distinct().Count() == 1).ToList();
            var columns = labels.Except(shared).ToList();
            if (columns.Count == 0)
            {
                // Items alike in every shown value (two invitations to the same event): said once, with how many.
                yield return new LetterTable($"{kind.Key} ({items.Count})", [],
                    [.. items[0].Fields.Select(f => (IReadOnlyList<string>)[f.Label, f.Value])], [0.35, 0.65]);
                continue;
            }

            if (items.Count == 1 || columns.Count > MaxColumns)
            {
                foreach (var row in items)
                {
                    yield return new LetterTable(kind.Key, [], [.. row.Fields.Select(f => (IReadOnlyList<string>)[f.Label, f.Value])], [0.35, 0.65]);
                }

                continue;
            }

            yield return new LetterTable(kind.Key, columns,
                [.. items.Select(x => (IReadOnlyList<string>)[.. columns.Select(label => x.Fields.FirstOrDefault(f => f.Label == label).Value ?? "")])],
                [.. columns.Select(_ => 1.0 / columns.Count)]);
            if (shared.Count > 0)
            {
                yield return new LetterParagraph(string.Join(" · ", shared.Select(label => $"{label}: {items[0].Fields.First(f => f.Label == label).Value}")));
            }
        }
    }

    /// <summary>First and last name as one name, street, postcode and town as one address; labels and values only.</summary>
    private static List<(string Label, string Value)> Merge(List<ReportField> fields, string l)
    {
        var byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            if (f.Name.EndsWith("first_name", StringComparison.Ordinal) && byName.ContainsKey(f.Name.Replace("first_name", "last_name", StringComparison.Ordinal)))
            {
                used.Add(f.Name.Replace("first_name", "last_name", StringComparison.Ordinal));
            }
            else if (f.Name.EndsWith("street", StringComparison.Ordinal))
            {
                used.Add(f.Name[..^"street".Length] + "postal_code");
                used.Add(f.Name[..^"street".Length] + "city");
            }
        }

        var result = new List<(string, string)>();
        foreach (var f in fields)
        {
            if (used.Contains(f.Name))
            {
                continue;
            }

            if (f.Name.EndsWith("first_name", StringComparison.Ordinal)
                && byName.TryGetValue(f.Name.Replace("first_name", "last_name", StringComparison.Ordinal), out var last))
            {
                result.Add((T("letter.name", l), $"{f.Shown} {last.Shown}"));
                continue;
            }

            if (f.Name.EndsWith("street", StringComparison.Ordinal))
            {
                var prefix = f.Name[..^"street".Length];
                var town = string.Join(" ", new[] { "postal_code", "city" }
                    .Select(s => byName.TryGetValue(prefix + s, out var x) ? x.Shown : null).OfType<string>());
                result.Add((prefix.Length == 0 ? T("letter.address", l) : f.Label!, town.Length == 0 ? f.Shown! : $"{f.Shown}, {town}"));
                continue;
            }

            result.Add((f.Label!, f.Shown!));
        }

        return result;
    }

    private static IEnumerable<LetterBlock> Recipients(AccessReport r)
    {
        var l = r.Language;
        var group = AccessReportWords.List([.. Catalog.Recipients.GroupCompanies.Select(c => Lower(c.Name(l)))], l);
        yield return new LetterParagraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, T("letter.group", l), r.Controller.Name, group));
        if (r.Recipients.Disclosed is { Count: > 0 } disclosed)
        {
            yield return new LetterParagraph(r.Recipients.Disclosures);
            yield return new LetterList([.. disclosed.GroupBy(d => (d.Recipient, Categories: string.Join(", ", d.Categories), d.Purpose))
                .Select(g => $"{g.Key.Recipient}: {g.Key.Categories} ({Lower(g.Key.Purpose)}), {Span([.. g.Select(d => d.At)], l)}")]);
        }

        if (r.Recipients.Handovers is { Count: > 0 } handovers)
        {
            yield return new LetterParagraph(T("letter.collection", l));
            yield return new LetterList([.. handovers.Select(h => $"{h.Agency}, {Display.Date(h.At)}")]);
        }

        yield return new LetterParagraph(T("letter.nobody.else", l) + " " + (r.Recipients.Transfers ?? T("transfers", l)));
    }

    private static IEnumerable<LetterBlock> Accesses(AccessReport r)
    {
        var l = r.Language;
        var looked = r.Accesses.Where(a => a.Action != "subject.disclose").ToList();
        if (looked.Count == 0)
        {
            yield return new LetterParagraph(T("none", l));
            yield break;
        }

        yield return new LetterParagraph(T("letter.accesses.intro", l));
        var rows = looked
            .GroupBy(a => (Who: Who(a, l), Did: Did(a.Action, l), a.Purpose))
            .OrderBy(g => g.Min(a => a.At))
            .Select(g => (IReadOnlyList<string>)[g.Key.Who, g.Key.Did, Purposes.Name(g.Key.Purpose, l), Span([.. g.Select(a => a.At)], l),
                g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .ToList();
        yield return new LetterTable(null, [T("letter.who", l), T("letter.did", l), T("purpose", l), T("letter.when", l), T("letter.times", l)],
            rows, [0.24, 0.16, 0.24, 0.26, 0.1]);
    }

    private static string Who(ReportAccess a, string l) =>
        a.ActorName ?? (a.ActorKind == AuditLog.ActorSystem ? T("letter.actor.system", l)
            : a.ActorKind == AuditLog.ActorClient ? T("letter.actor.client", l) : T("letter.actor.staff", l));

    /// <summary>Looked at (reads, searches, lists, reports) or recorded and changed (everything else).</summary>
    private static string Did(string action, string l) =>
        action.EndsWith(".read", StringComparison.Ordinal) || action.EndsWith(".list", StringComparison.Ordinal)
        || action is "search" or AccessReports.Action || action.EndsWith(".check", StringComparison.Ordinal)
        || action.StartsWith("vehicle.certificate.find", StringComparison.Ordinal)
            ? T("letter.did.read", l)
            : T("letter.did.write", l);

    /// <summary>"4.12.2026" or "1.12.2026–4.12.2026".</summary>
    private static string Span(IReadOnlyList<DateTime> times, string l)
    {
        var first = Display.Date(times.Min());
        var last = Display.Date(times.Max());
        return first == last ? first : $"{first}–{last}";
    }

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
