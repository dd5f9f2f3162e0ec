using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Vehicles;

/// <summary>A person's scrapping certificates, identity codes masked.</summary>
public sealed class VehiclesSection : ISubjectSection
{
    public string Name => "vehicles";

    public string ReadPermission => Permissions.VehicleRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.VehicleScrapping, Catalog.Categories.IdentityCode];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var certificates = await db.Set<ScrappingCertificate>().AsNoTracking().Where(c => c.SubjectId == subjectId).ToListAsync(ct);
        return certificates.Count == 0
            ? null
            : certificates.OrderByDescending(c => c.IssueDate).ThenByDescending(c => c.Id).Select(c => c.ToResponse()).ToList();
    }
}
