using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CustomerRegister.Recordings;

/// <summary>
/// What sets one kind of recording apart: its name in routes and audit events, media type, purpose, category, the
/// metadata fields of its upload and what a row links to (a person, a production unit). The rest — the multipart
/// upload, size limit and content type, file before row, audit, range streaming, row before file on delete — lives
/// once in <see cref="RecordingHandler{T}"/>. Retention counts from each kind's own start (<c>RetainedFrom</c> in its
/// entity configuration).
/// </summary>
public abstract class RecordingKind<T>
    where T : class, IRecording
{
    /// <summary><c>call</c> or <c>cctv</c>: events are <c>recording.{Name}.upload</c>, <c>.list</c>, <c>.read</c>, <c>.download</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The path under <c>/api/recordings</c>.</summary>
    public abstract string Route { get; }

    /// <summary>The top-level media type of the file, e.g. <c>audio</c>.</summary>
    public abstract string MediaType { get; }

    public abstract string EntityType { get; }

    public abstract string Table { get; }

    /// <summary>The purpose of an upload and of a read that states none.</summary>
    public abstract string Purpose { get; }

    public abstract DataCategory Category { get; }

    /// <summary>The columns an event about a row names (never their values).</summary>
    public abstract IReadOnlyList<string> Fields { get; }

    /// <summary>The person a row is linked to, if any.</summary>
    public virtual Guid? SubjectOf(T recording) => null;

    /// <summary>The columns the upload event names.</summary>
    public virtual IEnumerable<string> UploadedFields(EntityEntry entry) => Fields;

    /// <summary>
    /// A new row (its id set, its file not yet) from the upload's metadata fields; null when a field is bad, each added
    /// to <paramref name="errors"/>, or when <paramref name="errors"/> already holds the file's.
    /// </summary>
    public abstract Task<T?> FromFieldsAsync(IReadOnlyDictionary<string, string> fields, FieldErrors errors, DateTime now, CancellationToken ct);
}
