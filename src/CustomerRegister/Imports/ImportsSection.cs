using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;

namespace CustomerRegister.Imports;

/// <summary>The files that brought the person's records in or updated them (notice § 7): the person page's "Tuotu tiedostosta" panel.</summary>
public sealed class ImportsSection : ISubjectSection
{
    public string Name => "imports";

    public string ReadPermission => Permissions.CustomerRead;

    /// <summary>Provenance only: the batch's source, supplier and file, no values of the person.</summary>
    public IReadOnlyList<DataCategory> Categories { get; } = [];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        await ImportQueries.OfSubjectAsync(db, subjectId, ct) is { Count: > 0 } found ? found : null;
}
