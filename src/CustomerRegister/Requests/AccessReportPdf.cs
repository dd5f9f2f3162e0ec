using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using CustomerRegister.Catalog;
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
        ReportFontResolver.Register();
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

    /// <summary>
    /// Writes the document to a stream that need not seek, such as a response body. PDFsharp writes synchronously
    /// and reads the position for its cross-reference table, so it writes on a worker into a pipe (which counts the
    /// position) while this method copies the pipe to the output asynchronously; no whole-file buffer is made.
    /// </summary>
    public static async Task WriteAsync(PdfDocument document, Stream output, CancellationToken ct)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
        var writing = Task.Run(() =>
        {
            try
            {
                using (var stream = new PipeStream(pipe.Writer))
                {
                    document.Save(stream, closeStream: true);
                }

                pipe.Writer.Complete();
            }
            catch (Exception ex)
            {
                pipe.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        try
        {
            await pipe.Reader.CopyToAsync(output, ct);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            await writing;
        }
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

    /// <summary>
    /// A forward-only stream into a pipe that knows its position (PDFsharp's cross-reference table needs it) and
    /// flushes in large steps, blocking the worker when the reader is behind.
    /// </summary>
    private sealed class PipeStream(PipeWriter writer) : Stream
    {
        private const int FlushEvery = 64 * 1024;
        private long _position;
        private int _unflushed;
        private bool _disposed;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _position;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            writer.Write(buffer);
            _position += buffer.Length;
            _unflushed += buffer.Length;
            if (_unflushed >= FlushEvery)
            {
                Flush();
            }
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush()
        {
            _unflushed = 0;
            var result = writer.FlushAsync().AsTask().GetAwaiter().GetResult();
            if (result.IsCompleted || result.IsCanceled)
            {
                throw new OperationCanceledException("The reader of the PDF stopped.");
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                _ = writer.FlushAsync().AsTask().GetAwaiter().GetResult();
            }

            base.Dispose(disposing);
        }
    }
}
