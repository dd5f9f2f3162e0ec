using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>The person's data-subject requests: type, state and deadlines (the texts are on the request itself).</summary>
public sealed class RequestsSection(TimeProvider clock) : ISubjectSection
{
    public string Name => "requests";

    public string ReadPermission => Permissions.RequestRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.RightsRequest];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var requests = await db.Set<DataSubjectRequest>().AsNoTracking().Where(r => r.SubjectId == subjectId).ToListAsync(ct);
        var today = HelsinkiTime.Today(clock);
        return requests.Count == 0
            ? null
            : requests.OrderByDescending(r => r.ReceivedAt).Select(r => r.ToSummary(today)).ToList();
    }
}
