using System.Buffers;
using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static CustomerRegister.Requests.AccessReportTexts;

namespace CustomerRegister.Requests;

/// <summary>
/// The access report as a PDF: the content of <see cref="AccessReportHtml"/> on A4 pages, with tables that break
/// across pages (repeating their heading) and page numbers.
/// </summary>
public static class AccessReportPdf
{
    public const string ContentType = "application/pdf";

    public static string FileName(AccessReport r) =>
        string.Create(CultureInfo.InvariantCulture, $"access-report-{r.GeneratedAt:yyyy-MM-dd}-{r.SubjectId.ToString()[..8]}.pdf");

    /// <summary>Lays the report out. Fonts are loaded here, so a missing font fails before anything is sent.</summary>
    public static PdfDocument Render(AccessReport r)
    {
        PdfFontResolver.Register();
        var l = r.Language;
        var document = new PdfDocument { Language = l };
        document.Info.Title = T("title", l);
        document.Info.Author = r.Controller.Name;
        document.Options.CompressContentStreams = true;
        using (var page = new PdfLayout(document))
        {
            Write(page, r);
        }

        PdfLayout.Number(document, T("title", l), T("page", l));
        return document;
    }

    private static void Write(PdfLayout p, AccessReport r)
    {
        var l = r.Language;
        p.Heading(T("title", l), 1);
        p.Pair(T("controller", l), r.Controller.Name + (r.Controller.Email is { } e ? $", {e}" : ""));
        if (r.Controller.ProtectionOfficer is { } dpo)
        {
            p.Pair(T("dpo", l), dpo + (r.Controller.ProtectionOfficerEmail is { } de ? $", {de}" : ""));
        }

        p.Pair(T("subject", l), r.SubjectId.ToString());
        p.Pair(T("generated", l), r.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        p.Paragraph(r.Explanation);

        p.Heading(T("categories", l), 2);
        foreach (var c in r.Categories)
        {
            p.Heading(c.Name, 3);
            p.Pair(T("uses", l), string.Join("\n", c.Uses.Select(u => $"{u.Name}: {u.Basis}")));
            p.Pair(T("retention", l), AccessReportHtml.Retention(c.Retention, l));
            p.Pair(T("erasure", l), c.Erasure + (c.Masked ? $" ({T("masked", l)})" : ""));
            foreach (var item in c.Items)
            {
                p.Table([0.35, 0.65], [AccessReportHtml.Caption(item, l)], item.Fields.Select(f => new[] { f.Name, f.Value ?? "" }));
            }
        }

        p.Heading(T("recipients", l), 2);
        foreach (var g in r.Recipients.Groups.Concat(r.Recipients.CollectionCases))
        {
            p.Bullet(g);
        }

        p.Paragraph(r.Recipients.Disclosures);
        p.Heading(T("profiling", l), 2);
        p.Paragraph(r.Profiling);
        p.Heading(T("rights", l), 2);
        foreach (var right in r.Rights)
        {
            p.Bullet(right);
        }

        var a = r.Authority;
        p.Paragraph($"{T("complaint", l)}:");
        p.Paragraph($"{a.Name}\n{a.Address}\n{a.Email}, {a.Phone}\n{a.Web}", bold: true);

        p.Heading(T("accesses", l), 2);
        if (r.Accesses.Count == 0)
        {
            p.Paragraph(T("none", l));
        }
        else
        {
            p.Table([0.18, 0.32, 0.25, 0.25], [T("at", l), T("actor", l), T("action", l), T("purpose", l)],
                r.Accesses.Select(x => new[]
                {
                    x.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), AccessReportHtml.Actor(x), x.Action,
                    Purposes.Name(x.Purpose, l),
                }));
        }
    }
}
