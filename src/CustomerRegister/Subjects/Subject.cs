using CustomerRegister.Catalog;
using CustomerRegister.Data;

namespace CustomerRegister.Subjects;

public enum SubjectKind
{
    Consumer = 1,
    ContactPerson = 2,
    SoleTrader = 3,

    /// <summary>The one shared key that anonymised rows (survey answers, feedback kept for statistics) point at.</summary>
    Anonymised = 9,
}

/// <summary>
/// A data subject: the key that every row of one person's data carries. It holds no personal value itself, so a
/// person's whole picture (page, access report, erasure) is a set of indexed look-ups by this key.
/// </summary>
public sealed class Subject
{
    public Guid Id { get; set; }

    public SubjectKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A new subject key, made together with the first record of the person.</summary>
    public static Subject New(SubjectKind kind, DateTime now) => new() { Id = Guid.CreateVersion7(), Kind = kind, CreatedAt = now };

    /// <summary>The key of <see cref="SubjectKind.Anonymised"/>: rows unlinked from a person by erasure point here.</summary>
    public static readonly Guid Anonymised = new("00000000-0000-0000-0000-0000000000a0");
}

/// <summary>
/// The common shape of every row that holds a person's data: the subject key, where it came from (notice § 7),
/// when it was created and last changed, and a version for optimistic concurrency.
/// </summary>
public abstract class SubjectRecord : IKeyedRow
{
    public Guid Id { get; set; }

    public Guid SubjectId { get; set; }

    public DataSource Source { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Incremented on every update; a write based on another version is refused (409).</summary>
    public long Version { get; set; }
}
