using System.Globalization;
using CustomerRegister.Infrastructure.Pdf;
using PdfSharp.Pdf;
using static CustomerRegister.Requests.AccessReportTexts;

namespace CustomerRegister.Requests;

/// <summary>
/// The access letter (<see cref="AccessReportLetter"/>) as a PDF: the same blocks as the HTML on A4 pages, with tables that
/// break across pages (repeating their heading) and page numbers.
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
        var letter = AccessReportLetter.Compose(r);
        var document = new PdfDocument { Language = r.Language };
        document.Info.Title = letter.Title;
        document.Info.Author = r.Controller.Name;
        document.Options.CompressContentStreams = true;
        using (var page = new PdfLayout(document))
        {
            Write(page, letter);
        }

        PdfLayout.Number(document, letter.Title, T("page", r.Language));
        return document;
    }

    private static void Write(PdfLayout p, LetterDocument letter)
    {
        foreach (var block in letter.Blocks)
        {
            switch (block)
            {
                case LetterHeading x:
                    p.Heading(x.Text, x.Level);
                    break;
                case LetterParagraph x:
                    p.Paragraph(x.Text, x.Strong);
                    break;
                case LetterList x:
                    foreach (var item in x.Items)
                    {
                        p.Bullet(item);
                    }

                    break;
                case LetterTable x when x.Header.Count == 0:
                    p.Table(x.Shares, [x.Caption ?? ""], x.Rows.Select(r => r.ToArray()));
                    break;
                case LetterTable x:
                    if (x.Caption is { } caption)
                    {
                        p.Heading(caption, 3);
                    }

                    p.Table(x.Shares, [.. x.Header], x.Rows.Select(r => r.ToArray()));
                    break;
            }
        }
    }
}
