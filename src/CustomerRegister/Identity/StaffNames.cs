using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Identity;

/// <summary>The display names of staff members who recorded something, for the pages ("who logged this contact").</summary>
public sealed class StaffNames(RegisterDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName, ct);
    }
}
