using System.Globalization;
using System.Text;
using CustomerRegister.Catalog;
using static CustomerRegister.Requests.AccessReportTexts;

namespace CustomerRegister.Requests;

/// <summary>The access report as one self-contained HTML page (no external assets), readable on screen and on paper.</summary>
public static class AccessReportHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}
        td{overflow-wrap:anywhere}thead{display:table-header-group}tr{break-inside:avoid}
        h2{border-bottom:2px solid #333;margin-top:2rem}h2,h3{break-after:avoid}@media print{body{margin:0}}
        """;

    public static string Render(AccessReport r)
    {
        var l = r.Language;
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{l}\"><head><meta charset=\"utf-8\"><title>{E(T("title", l))}</title>");
        h.Append("<style>").Append(Style).Append("</style></head><body>");
        h.Append(CultureInfo.InvariantCulture, $"<h1>{E(T("title", l))}</h1><dl>");
        Pair(h, T("controller", l), r.Controller.Name + (r.Controller.Email is { } e ? $", {e}" : ""));
        if (r.Controller.ProtectionOfficer is { } dpo)
        {
            Pair(h, T("dpo", l), dpo + (r.Controller.ProtectionOfficerEmail is { } de ? $", {de}" : ""));
        }

        Pair(h, T("subject", l), r.SubjectId.ToString());
        Pair(h, T("generated", l), r.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        h.Append("</dl>").Append(CultureInfo.InvariantCulture, $"<p>{E(r.Explanation)}</p>");

        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("categories", l))}</h2>");
        foreach (var c in r.Categories)
        {
            h.Append(CultureInfo.InvariantCulture, $"<section><h3>{E(c.Name)}</h3><dl>");
            Pair(h, T("uses", l), string.Join("; ", c.Uses.Select(u => $"{u.Name}: {u.Basis}")));
            Pair(h, T("retention", l), Retention(c.Retention, l));
            Pair(h, T("erasure", l), c.Erasure + (c.Masked ? $" ({T("masked", l)})" : ""));
            h.Append("</dl>");
            foreach (var item in c.Items)
            {
                h.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th colspan=\"2\">{E(Caption(item, l))}</th></tr></thead><tbody>");
                foreach (var f in item.Fields)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Name)}</td><td>{E(f.Value)}</td></tr>");
                }

                h.Append("</tbody></table>");
            }

            h.Append("</section>");
        }

        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("recipients", l))}</h2><ul>");
        foreach (var g in r.Recipients.Groups.Concat(r.Recipients.CollectionCases))
        {
            h.Append(CultureInfo.InvariantCulture, $"<li>{E(g)}</li>");
        }

        h.Append(CultureInfo.InvariantCulture, $"</ul><p>{E(r.Recipients.Disclosures)}</p>");
        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("profiling", l))}</h2><p>{E(r.Profiling)}</p>");
        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("rights", l))}</h2><ul>");
        foreach (var right in r.Rights)
        {
            h.Append(CultureInfo.InvariantCulture, $"<li>{E(right)}</li>");
        }

        var a = r.Authority;
        h.Append(CultureInfo.InvariantCulture,
            $"</ul><p>{E(T("complaint", l))}: <strong>{E(a.Name)}</strong>, {E(a.Address)}, {E(a.Email)}, {E(a.Phone)}, {E(a.Web)}</p>");

        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("accesses", l))}</h2>");
        if (r.Accesses.Count == 0)
        {
            h.Append(CultureInfo.InvariantCulture, $"<p>{E(T("none", l))}</p>");
        }
        else
        {
            h.Append(CultureInfo.InvariantCulture,
                $"<table><thead><tr><th>{E(T("at", l))}</th><th>{E(T("actor", l))}</th><th>{E(T("action", l))}</th><th>{E(T("purpose", l))}</th></tr></thead><tbody>");
            foreach (var x in r.Accesses)
            {
                h.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{x.At:yyyy-MM-dd HH:mm}</td><td>{E(Actor(x))}</td><td>{E(x.Action)}</td><td>{E(Purposes.Name(x.Purpose, l))}</td></tr>");
            }

            h.Append("</tbody></table>");
        }

        return h.Append("</body></html>").ToString();
    }

    /// <summary>"6 years, counted from: the record's date (law)" in the report's language.</summary>
    public static string Retention(ReportRetention retention, string language) =>
        $"{retention.Period}, {T("retention.from", language)}: {retention.StartingEvent} ({retention.Law})";

    /// <summary>Where an item is stored and when: the heading of its table.</summary>
    public static string Caption(ReportItem item, string language)
    {
        var parts = new List<string> { $"{T("table", language)}: {item.Table}", $"{T("row", language)}: {item.RowId}" };
        if (item.Source is { } source)
        {
            parts.Add($"{T("source", language)}: {source}");
        }

        parts.Add($"{T("created", language)}: {item.CreatedAt}");
        parts.Add($"{T("updated", language)}: {item.UpdatedAt}");
        if ((item.DueDate ?? item.DueNote) is { } due)
        {
            parts.Add($"{T("due", language)}: {due}");
        }

        return string.Join(" · ", parts);
    }

    public static string Actor(ReportAccess access) => access.ActorName ?? $"{access.ActorKind} {access.ActorId}";

    private static void Pair(StringBuilder h, string term, string value) =>
        h.Append(CultureInfo.InvariantCulture, $"<dt>{E(term)}</dt><dd>{E(value)}</dd>");

    // Only the markup characters: WebUtility.HtmlEncode would turn ä and å into numeric entities.
    private static string E(string? s) => (s ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
