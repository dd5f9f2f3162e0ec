using System.Buffers;
using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CustomerRegister.Infrastructure.Pdf;

/// <summary>A top-to-bottom flow of text and tables over A4 pages.</summary>
public sealed class PdfLayout : IDisposable
{
    private const double Margin = 50;
    private const double FooterHeight = 24;
    private const double Padding = 3;
    private const double BodySize = 9;

    private static readonly XFont Body = new(PdfFontResolver.Family, BodySize, XFontStyleEx.Regular);
    private static readonly XFont Strong = new(PdfFontResolver.Family, BodySize, XFontStyleEx.Bold);
    private static readonly XFont[] Headings =
    [
        new(PdfFontResolver.Family, 15, XFontStyleEx.Bold), new(PdfFontResolver.Family, 12.5, XFontStyleEx.Bold),
        new(PdfFontResolver.Family, 10.5, XFontStyleEx.Bold),
    ];

    private static readonly XPen Rule = new(XColor.FromArgb(153, 153, 153), 0.5);
    private static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(235, 235, 235));

    private readonly PdfDocument _document;
    private XGraphics _g;
    private double _y;
    private double _pageHeight;

    public PdfLayout(PdfDocument document)
    {
        _document = document;
        _g = NewPage();
    }

    private double Width => _document.Pages[0].Width.Point - 2 * Margin;

    private double Bottom => _pageHeight - Margin - FooterHeight;

    private static double LineHeight(XFont font) => font.Size * 1.3;

    /// <summary>Adds "title · page n / m" to the foot of every page.</summary>
    public static void Number(PdfDocument document, string title, string pageFormat)
    {
        var font = new XFont(PdfFontResolver.Family, 7.5, XFontStyleEx.Regular);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin;
            var number = string.Format(CultureInfo.InvariantCulture, pageFormat, i + 1, document.PageCount);
            g.DrawLine(Rule, Margin, y - 4, page.Width.Point - Margin, y - 4);
            g.DrawString(title, font, XBrushes.DimGray, Margin, y, XStringFormats.TopLeft);
            g.DrawString(number, font, XBrushes.DimGray, page.Width.Point - Margin, y, XStringFormats.TopRight);
        }
    }

    public void Heading(string text, int level)
    {
        var font = Headings[level - 1];
        var lines = Wrap(text, font, Width);
        var before = level == 1 ? 0 : level == 2 ? 14 : 8;

        // Keep a heading with at least a few lines of what follows it.
        if (_y + before + lines.Count * LineHeight(font) + 4 * LineHeight(Body) > Bottom)
        {
            Break();
        }
        else if (_y > Margin)
        {
            _y += before;
        }

        foreach (var line in lines)
        {
            _g.DrawString(line, font, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
            _y += LineHeight(font);
        }

        if (level == 2)
        {
            _g.DrawLine(new XPen(XColors.Black, 1), Margin, _y, Margin + Width, _y);
        }

        _y += 4;
    }

    public void Pair(string term, string value)
    {
        Lines(Wrap(term, Strong, Width), Strong, 0);
        Lines(Wrap(value, Body, Width - 14), Body, 14);
        _y += 2;
    }

    public void Paragraph(string text, bool bold = false)
    {
        var font = bold ? Strong : Body;
        Lines(Wrap(text, font, Width), font, 0);
        _y += 5;
    }

    public void Bullet(string text)
    {
        var lines = Wrap(text, Body, Width - 12);
        Ensure(LineHeight(Body));
        _g.DrawString("•", Body, XBrushes.Black, Margin + 2, _y, XStringFormats.TopLeft);
        Lines(lines, Body, 12);
        _y += 2;
    }

    /// <summary>
    /// A bordered table; the header is a shaded row (one cell spans the whole width) repeated on each page the
    /// table continues on, and a row too tall for what is left of a page is split between lines.
    /// </summary>
    public void Table(double[] shares, string[] header, IEnumerable<string[]> rows)
    {
        var widths = shares.Select(s => s * Width).ToArray();
        var head = Cells(header, header.Length == 1 ? [Width] : widths, Strong);
        _y += 3;
        Ensure(Height(head) + Height([[""]]));
        DrawRow(head, header.Length == 1 ? [Width] : widths, Strong, 0, head.Max(c => c.Count), shaded: true);
        foreach (var row in rows)
        {
            var cells = Cells(row, widths, Body);
            var count = cells.Max(c => c.Count);
            var from = 0;
            while (from < count)
            {
                var fit = (int)((Bottom - _y - 2 * Padding) / LineHeight(Body));
                var wholeRowFitsAPage = Height(cells) <= Bottom - Margin - Height(head);
                if (fit < 1 || (from == 0 && fit < count && wholeRowFitsAPage))
                {
                    Break();
                    DrawRow(head, header.Length == 1 ? [Width] : widths, Strong, 0, head.Max(c => c.Count), shaded: true);
                    continue;
                }

                var n = Math.Min(fit, count - from);
                DrawRow(cells, widths, Body, from, n, shaded: false);
                from += n;
            }
        }

        _y += 5;
    }

    public void Dispose() => _g.Dispose();

    private static double Height(List<List<string>> cells) => cells.Max(c => c.Count) * LineHeight(Body) + 2 * Padding;

    private List<List<string>> Cells(string[] texts, double[] widths, XFont font) =>
        [.. texts.Select((t, i) => Wrap(t, font, widths[i] - 2 * Padding))];

    private void DrawRow(List<List<string>> cells, double[] widths, XFont font, int from, int count, bool shaded)
    {
        var height = count * LineHeight(font) + 2 * Padding;
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            if (shaded)
            {
                _g.DrawRectangle(Shade, x, _y, widths[i], height);
            }

            _g.DrawRectangle(Rule, x, _y, widths[i], height);
            for (var k = 0; k < count && from + k < cells[i].Count; k++)
            {
                _g.DrawString(cells[i][from + k], font, XBrushes.Black, x + Padding, _y + Padding + k * LineHeight(font), XStringFormats.TopLeft);
            }

            x += widths[i];
        }

        _y += height;
    }

    private void Lines(List<string> lines, XFont font, double indent)
    {
        foreach (var line in lines)
        {
            Ensure(LineHeight(font));
            _g.DrawString(line, font, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
            _y += LineHeight(font);
        }
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom)
        {
            Break();
        }
    }

    private void Break()
    {
        _g.Dispose();
        _g = NewPage();
    }

    private XGraphics NewPage()
    {
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _pageHeight = page.Height.Point;
        _y = Margin;
        return XGraphics.FromPdfPage(page);
    }

    /// <summary>Greedy word wrap; a word wider than the line (a long code or address) is cut between characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var space = _g.MeasureString(" ", font).Width;
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = _g.MeasureString(word, font).Width;
                if (line.Length > 0 && used + space + w <= width)
                {
                    line += " " + word;
                    used += space + w;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                (line, used) = (word, w);
                while (used > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && _g.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                    used = _g.MeasureString(line, font).Width;
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
