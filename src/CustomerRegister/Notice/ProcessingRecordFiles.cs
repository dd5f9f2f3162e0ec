using System.Globalization;
using CsvHelper;
using CustomerRegister.Infrastructure.Pdf;
using CustomerRegister.Localization;
using PdfSharp.Pdf;
using static CustomerRegister.Notice.NoticeTexts;

namespace CustomerRegister.Notice;

/// <summary>The Art 30 record as files: CSV (one row per processing activity, for a spreadsheet) and PDF (to print or hand over).</summary>
public static class ProcessingRecordFiles
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string PdfType = "application/pdf";

    public static string FileName(ProcessingRecord r, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"record-of-processing-{r.GeneratedAt:yyyy-MM-dd}-{r.Language}.{extension}");

    /// <summary>The column headings, in the record's language.</summary>
    public static IReadOnlyList<string> Header(string l) =>
    [
        T("Record.Controller", l), T("Record.Dpo", l), T("Record.Purpose", l), T("Record.Bases", l), T("Record.Subjects", l),
        T("Record.Data", l), T("Record.Recipients", l), T("Record.Transfers", l), T("Record.ErasureLimits", l), T("Record.Security", l),
    ];

    /// <summary>
    /// One row per activity; lists within a cell separated by "; ". Semicolon-separated with a byte-order mark, as a
    /// Finnish spreadsheet opens it.
    /// </summary>
    public static byte[] Csv(ProcessingRecord r)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape },
                   leaveOpen: true))
        {
            csv.WriteRecord([.. Header(r.Language)]);
            var controller = string.Join("; ", new[] { r.Controller }.Concat(r.ControllerContacts));
            var security = string.Join("; ", r.Security);
            foreach (var a in r.Activities)
            {
                csv.WriteRecord(
                [
                    controller, r.Dpo ?? "", a.Purpose, string.Join("; ", a.Bases), string.Join("; ", a.Subjects), string.Join("; ", a.Data),
                    string.Join("; ", a.Recipients), a.Transfers, string.Join("; ", a.Erasure), security,
                ]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The record on A4 pages: the controller, then one block per activity, then the security measures.</summary>
    public static byte[] Pdf(ProcessingRecord r)
    {
        PdfFontResolver.Register();
        var l = r.Language;
        var title = T("Record.Title", l);
        var document = new PdfDocument { Language = l };
        document.Info.Title = title;
        document.Info.Author = r.Controller;
        document.Options.CompressContentStreams = true;
        using (var p = new PdfLayout(document))
        {
            p.Heading(title, 1);
            p.Paragraph(F("Record.Intro", l, r.NoticeVersion));
            p.Paragraph(F("Record.Generated", l, Display.DateTime(r.GeneratedAt, l)));
            p.Pair(T("Record.Controller", l), r.Controller);
            p.Pair(T("Record.Contact", l), string.Join(", ", r.ControllerContacts));
            if (r.Dpo is { } dpo)
            {
                p.Pair(T("Record.Dpo", l), dpo);
            }

            p.Heading(T("Record.Activities", l), 2);
            foreach (var a in r.Activities)
            {
                p.Heading(a.Purpose, 3);
                p.Pair(T("Record.Bases", l), string.Join(", ", a.Bases));
                p.Pair(T("Record.Subjects", l), string.Join(", ", a.Subjects));
                p.Pair(T("Record.Data", l), string.Join(", ", a.Data));
                p.Pair(T("Record.Recipients", l), string.Join("; ", a.Recipients));
                p.Pair(T("Record.Transfers", l), a.Transfers);
                p.Paragraph(T("Record.ErasureLimits", l), bold: true);
                foreach (var e in a.Erasure)
                {
                    p.Bullet(e);
                }
            }

            p.Heading(T("Record.Security", l), 2);
            foreach (var s in r.Security)
            {
                p.Bullet(s);
            }
        }

        PdfLayout.Number(document, title, T("Record.Page", l));
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
