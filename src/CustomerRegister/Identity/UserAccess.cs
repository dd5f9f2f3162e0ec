using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerRegister.Identity;

public sealed record UserAccessState(bool IsActive, bool MustChangePassword, IReadOnlyList<string> Roles, string? SecurityStamp = null);

/// <summary>
/// A signed-in user's current roles and state, read from the database (cached for a few seconds) rather than
/// trusted from the token, so that disabling a user or removing a role takes effect at once. Whatever changes the state
/// or the security stamp calls <see cref="Invalidate"/>, so the cache never outlives a change made here.
/// </summary>
public sealed class UserAccess(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    public async Task<UserAccessState> GetAsync(Guid userId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(userId), out UserAccessState? state) && state is not null)
        {
            return state;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsDisabled, u.MustChangePassword, u.SecurityStamp })
            .FirstOrDefaultAsync(ct);
        var roles = user is null
            ? []
            : await (from ur in db.UserRoles
                     join r in db.Roles on ur.RoleId equals r.Id
                     where ur.UserId == userId
                     select r.Name!).ToListAsync(ct);
        state = new UserAccessState(user is { IsDisabled: false }, user?.MustChangePassword ?? false, roles, user?.SecurityStamp);
        cache.Set(Key(userId), state, Lifetime);
        return state;
    }

    public void Invalidate(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => "user-access:" + userId.ToString("N");
}
