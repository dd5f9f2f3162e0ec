using System.Buffers;
using System.IO.Pipelines;
using PdfSharp.Pdf;

namespace CustomerRegister.Infrastructure.Pdf;

/// <summary>Writing a laid-out PDF to a stream that need not seek (a response body), without a whole-file buffer.</summary>
public static class PdfOutput
{
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
