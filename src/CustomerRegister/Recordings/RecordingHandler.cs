using CustomerRegister.Audit;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Recordings;

/// <summary>A recording's file opened for streaming; <see cref="Content"/> is null when the file is missing from the store.</summary>
public sealed record RecordingContent(Stream? Content, string ContentType);

/// <summary>
/// The one path of every kind of recording (<see cref="RecordingKind{T}"/>): uploads stream to the store, then the row
/// is written with its audit event; downloads stream back with range requests; deletes remove the row, then the file.
/// Every upload, list, read and download is audited (names only).
/// </summary>
public sealed class RecordingHandler<T>(
    RecordingKind<T> kind, RegisterDbContext db, IRecordingStore store, AuditLog audit, TimeProvider clock, IOptions<RecordingOptions> options)
    where T : class, IRecording
{
    public RecordingKind<T> Kind => kind;

    /// <summary>
    /// Reads a multipart upload: the file (of the kind's media type, at most <c>Recordings:MaxUploadBytes</c>) streams
    /// into the store first, the row follows; a refused or failed upload removes its file again. A file over the limit
    /// throws <see cref="RecordingTooLargeException"/> with nothing kept.
    /// </summary>
    public async Task<Outcome<T>> UploadAsync(string? contentType, Stream body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var upload = await MultipartUpload.ReadAsync(contentType, body, store, kind.MediaType, options.Value.MaxUploadBytes, errors, ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var recording = await kind.FromFieldsAsync(upload.Fields, errors, now, ct);
            if (recording is null || errors.Any)
            {
                await upload.DiscardAsync(store);
                return Outcome.Invalid(errors);
            }

            recording.StorageKey = upload.File!.Key;
            recording.SizeBytes = upload.File.SizeBytes;
            recording.ContentType = upload.FileContentType!;
            recording.Sha256 = upload.File.Sha256;
            recording.UploadedAt = now;
            db.Add(recording);
            audit.Add(new AuditEntry($"recording.{kind.Name}.upload", kind.Purpose, kind.SubjectOf(recording), kind.EntityType,
                recording.Id.ToString(), kind.UploadedFields(db.Entry(recording))));
            await db.SaveChangesAsync(ct);
            return recording;
        }
        catch
        {
            await upload.DiscardAsync(store);
            throw;
        }
    }

    /// <summary>One page of <paramref name="query"/>, newest first, after the key <paramref name="after"/>; the list is audited.</summary>
    public async Task<Page<T>> PageAsync(IQueryable<T> query, Guid? after, int size, string purpose, Guid? subjectId, CancellationToken ct)
    {
        if (after is { } a)
        {
            query = query.Where(r => r.Id.CompareTo(a) < 0);
        }

        var rows = await query.OrderByDescending(r => r.Id).Take(size + 1).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry($"recording.{kind.Name}.list", purpose, subjectId, kind.EntityType, Fields: kind.Fields), ct);
        return Paging.Of(rows, size, r => r.Id, r => r);
    }

    public async Task<Outcome<T>> GetAsync(Guid id, string purpose, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } recording)
        {
            return Outcome.Missing;
        }

        await audit.WriteAsync(new AuditEntry($"recording.{kind.Name}.read", purpose, kind.SubjectOf(recording), kind.EntityType, id.ToString(),
            kind.Fields), ct);
        return recording;
    }

    /// <summary>The file, seekable for range requests; each download (each range request) is audited.</summary>
    public async Task<Outcome<RecordingContent>> OpenAsync(Guid id, string purpose, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } recording)
        {
            return Outcome.Missing;
        }

        Stream content;
        try
        {
            content = await store.OpenReadAsync(recording.StorageKey, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new RecordingContent(null, recording.ContentType);
        }

        await audit.WriteAsync(new AuditEntry($"recording.{kind.Name}.download", purpose, kind.SubjectOf(recording), kind.EntityType,
            id.ToString(), [kind.Category.Id]), ct);
        return new RecordingContent(content, recording.ContentType);
    }

    /// <summary>
    /// Deletes a recording: the row (with its audit event) first, then the file. A crash between the two leaves an
    /// orphan file that <see cref="RecordingIntegrity.RepairAsync"/> removes, never a row without its file.
    /// </summary>
    public async Task DeleteAsync(T recording, string action, string purpose, CancellationToken ct)
    {
        db.Remove(recording);
        audit.Add(new AuditEntry(action, purpose, kind.SubjectOf(recording), kind.EntityType, recording.Id.ToString(), kind.Fields));
        await db.SaveChangesAsync(ct);
        await store.DeleteAsync(recording.StorageKey, ct);
    }

    private Task<T?> FindAsync(Guid id, CancellationToken ct) => db.Set<T>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
}
