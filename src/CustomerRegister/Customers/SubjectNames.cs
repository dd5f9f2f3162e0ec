using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>The names of people to show in a list that links them ("Mäkinen Eero"): a consumer, a contact person, a sole trader.</summary>
internal static class SubjectNames
{
    public static async Task<Dictionary<Guid, string>> OfAsync(RegisterDbContext db, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        if (subjectIds.Count == 0)
        {
            return names;
        }

        var ids = subjectIds.Distinct().ToList();
        foreach (var c in await db.Set<Consumer>().AsNoTracking().Where(c => ids.Contains(c.SubjectId))
                     .Select(c => new { c.SubjectId, c.LastName, c.FirstName }).ToListAsync(ct))
        {
            names[c.SubjectId] = $"{c.LastName} {c.FirstName}";
        }

        foreach (var c in await db.Set<ContactPerson>().AsNoTracking().Where(c => ids.Contains(c.SubjectId))
                     .Select(c => new { c.SubjectId, c.LastName, c.FirstName }).ToListAsync(ct))
        {
            names.TryAdd(c.SubjectId, $"{c.LastName} {c.FirstName}");
        }

        foreach (var o in await db.Set<Organisation>().AsNoTracking().Where(o => o.SubjectId != null && ids.Contains(o.SubjectId.Value))
                     .Select(o => new { o.SubjectId, o.Name }).ToListAsync(ct))
        {
            names.TryAdd(o.SubjectId!.Value, o.Name);
        }

        return names;
    }
}
