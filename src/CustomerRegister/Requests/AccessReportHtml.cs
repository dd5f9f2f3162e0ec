using System.Globalization;
using System.Text;

namespace CustomerRegister.Requests;

/// <summary>The access letter (<see cref="AccessReportLetter"/>) as one self-contained HTML page (no external assets), for screen and paper.</summary>
public static class AccessReportHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#111;line-height:1.45}
        table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem}th,td{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}
        caption{text-align:left;font-weight:bold;padding:.2rem 0}th[scope=row]{font-weight:normal;width:35%}td{overflow-wrap:anywhere}
        thead{display:table-header-group}tr{break-inside:avoid}thead th{background:#eee}
        h2{border-bottom:2px solid #333;margin-top:2rem}h2,h3{break-after:avoid}@media print{body{margin:0}}
        """;

    /// <summary>The Content-Security-Policy to serve the page with: the app's own, plus this page's stylesheet by its hash.</summary>
    public static readonly string ContentSecurityPolicy = Infrastructure.SecurityHeaders.PolicyWithStyle(Style);

    public static string Render(AccessReport r) => Render(AccessReportLetter.Compose(r));

    public static string Render(LetterDocument letter)
    {
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{letter.Language}\"><head><meta charset=\"utf-8\"><title>{E(letter.Title)}</title>");
        h.Append("<style>").Append(Style).Append("</style></head><body>");
        foreach (var block in letter.Blocks)
        {
            switch (block)
            {
                case LetterHeading x:
                    h.Append(CultureInfo.InvariantCulture, $"<h{x.Level}>{E(x.Text)}</h{x.Level}>");
                    break;
                case LetterParagraph x:
                    h.Append("<p>").Append(Lines(x.Strong ? $"<strong>{E(x.Text)}</strong>" : E(x.Text))).Append("</p>");
                    break;
                case LetterList x:
                    h.Append("<ul>");
                    foreach (var item in x.Items)
                    {
                        h.Append(CultureInfo.InvariantCulture, $"<li>{E(item)}</li>");
                    }

                    h.Append("</ul>");
                    break;
                case LetterTable x:
                    Table(h, x);
                    break;
            }
        }

        return h.Append("</body></html>").ToString();
    }

    private static void Table(StringBuilder h, LetterTable t)
    {
        h.Append("<table>");
        if (t.Caption is { } caption)
        {
            h.Append(CultureInfo.InvariantCulture, $"<caption>{E(caption)}</caption>");
        }

        if (t.Header.Count > 0)
        {
            h.Append("<thead><tr>");
            foreach (var label in t.Header)
            {
                h.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(label)}</th>");
            }

            h.Append("</tr></thead><tbody>");
            foreach (var row in t.Rows)
            {
                h.Append("<tr>");
                foreach (var cell in row)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<td>{E(cell)}</td>");
                }

                h.Append("</tr>");
            }
        }
        else
        {
            h.Append("<tbody>");
            foreach (var row in t.Rows)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(row[0])}</th><td>{Lines(E(row[1]))}</td></tr>");
            }
        }

        h.Append("</tbody></table>");
    }

    private static string Lines(string s) => s.Replace("\n", "<br>", StringComparison.Ordinal);

    // Only the markup characters: WebUtility.HtmlEncode would turn ä and å into numeric entities.
    private static string E(string? s) => (s ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
