using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;

namespace CustomerRegister.Audit;

/// <summary>
/// "Who has seen this person" on the person's page for the DPO (Audit.Read): the trail's reads of the person grouped by
/// who, from <see cref="AuditQueries.ViewersAsync"/> — the same query as <c>GET /api/audit/subjects/{id}/viewers</c>.
/// </summary>
public sealed class AuditViewersSection(AuditQueries queries, AuditActors actors) : ISubjectSection
{
    public string Name => "viewers";

    public string ReadPermission => Permissions.AuditRead;

    /// <summary>The trail is outside the register's categories: ids and action names, no values.</summary>
    public IReadOnlyList<DataCategory> Categories { get; } = [];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var viewers = await queries.ViewersAsync(subjectId, ct);
        var names = await actors.NamesAsync(viewers.Viewers.Select(v => (v.ActorKind, v.ActorId)), ct);
        return new AuditViewersPanel(viewers, names);
    }
}

/// <summary>What the panel draws: the viewers and the names of the staff and keys among them.</summary>
public sealed record AuditViewersPanel(AuditViewers Viewers, IReadOnlyDictionary<Guid, string> Names);
