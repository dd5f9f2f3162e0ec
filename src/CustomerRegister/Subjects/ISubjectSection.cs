using CustomerRegister.Catalog;
using CustomerRegister.Data;

namespace CustomerRegister.Subjects;

/// <summary>
/// A feature's part of a person's whole picture (contracts, marketing permissions, invoices …). Each feature
/// registers its own section, so the picture grows without the subjects feature knowing every other one.
/// </summary>
public interface ISubjectSection
{
    /// <summary>Key of the section in the picture, e.g. <c>contracts</c>.</summary>
    string Name { get; }

    /// <summary>The permission needed to see the section; callers without it get no such section.</summary>
    string ReadPermission { get; }

    /// <summary>The categories the section shows (for the audit event).</summary>
    IReadOnlyList<DataCategory> Categories { get; }

    /// <summary>The subject's items, or null when there are none. Look up by the indexed subject key only.</summary>
    Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct);
}
