using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Audit;

/// <summary>Someone who can appear in the trail: a staff member or an API key, by name.</summary>
public sealed record AuditActor(Guid Id, string Kind, string Name);

/// <summary>
/// The names behind the trail's actor ids, for the pages: the trail itself keeps ids only, and a name is read from the
/// staff accounts and API keys when shown. Staff names and key names are the controller's own, not customers' data.
/// </summary>
public sealed class AuditActors(RegisterDbContext db, StaffNames staff)
{
    /// <summary>Every staff member and API key, by name: the choices of the audit page's "done by" filter.</summary>
    public async Task<IReadOnlyList<AuditActor>> AllAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(ct);
        var clients = await db.Set<ApiClient>().AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return [.. users.Select(u => new AuditActor(u.Id, AuditLog.ActorUser, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName))
            .Concat(clients.Select(c => new AuditActor(c.Id, AuditLog.ActorClient, c.Name)))
            .OrderBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The names of the given actors (staff and API keys); an id without an account is left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<(string Kind, Guid? Id)> actors, CancellationToken ct)
    {
        var list = actors.Where(a => a.Id is not null).Distinct().ToList();
        var names = new Dictionary<Guid, string>(await staff.OfAsync(list.Where(a => a.Kind == AuditLog.ActorUser).Select(a => a.Id), ct));
        var clientIds = list.Where(a => a.Kind == AuditLog.ActorClient).Select(a => a.Id!.Value).ToList();
        if (clientIds.Count > 0)
        {
            foreach (var c in await db.Set<ApiClient>().AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            {
                names[c.Id] = UiText.Format("Audit.Actor.Client", c.Name);
            }
        }

        return names;
    }

    /// <summary>The actor in words: the staff member's or key's name, "Järjestelmä", or "Poistettu tunnus".</summary>
    public static string Describe(string kind, Guid? id, IReadOnlyDictionary<Guid, string> names) =>
        kind == AuditLog.ActorSubject ? UiText.Get("Audit.Actor.Subject")
        : kind == AuditLog.ActorSystem || id is null ? UiText.Get("Audit.Actor.System")
        : names.TryGetValue(id.Value, out var name) ? name
        : UiText.Get("Audit.Actor.Unknown");
}
