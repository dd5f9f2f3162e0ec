using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Identity;

/// <summary>Reads of staff accounts with their roles; a list or a read of one account is audited.</summary>
public sealed class UserQueries(RegisterDbContext db, AuditLog audit, UserManager<AppUser> users, UserAccess access)
{
    public async Task<List<UserResponse>> ListAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await RolesByUserAsync(null, ct);
        var enrolled = await EnrolledAsync(null, ct);
        await audit.WriteAsync(new AuditEntry("user.list", Purposes.Administration, EntityType: "user"), ct);
        return users.Select(u => ToResponse(u, roles, enrolled)).ToList();
    }

    public async Task<Outcome<UserResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is not { } user)
        {
            return Outcome.Missing;
        }

        await audit.WriteAsync(new AuditEntry("user.read", Purposes.Administration, EntityType: "user", EntityId: id.ToString()), ct);
        return ToResponse(user, await RolesByUserAsync(id, ct), await EnrolledAsync(id, ct));
    }

    /// <summary>The caller's own account with the permissions its roles grant now; null for a caller without one (an API key).</summary>
    public async Task<MeResponse?> OwnAccountAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return null;
        }

        var state = await access.GetAsync(user.Id);
        var permissions = Permissions.All.Where(p => Roles.Grants(state.Roles, p)).ToList();
        return new MeResponse(user.Id, user.Email!, user.DisplayName, state.Roles, permissions);
    }

    /// <summary>The answer about an account just changed (not audited as a read: the change is).</summary>
    public async Task<UserResponse> ResponseAsync(AppUser user, CancellationToken ct) =>
        ToResponse(user, await RolesByUserAsync(user.Id, ct), await EnrolledAsync(user.Id, ct));

    /// <summary>The users (or the one user) with a confirmed authenticator.</summary>
    private async Task<HashSet<Guid>> EnrolledAsync(Guid? userId, CancellationToken ct)
    {
        var query = db.Set<UserTwoFactor>().Where(t => t.EnabledAt != null);
        if (userId is { } id)
        {
            query = query.Where(t => t.UserId == id);
        }

        return [.. await query.Select(t => t.UserId).ToListAsync(ct)];
    }

    private async Task<ILookup<Guid, string>> RolesByUserAsync(Guid? userId, CancellationToken ct)
    {
        var query = from ur in db.UserRoles
                    join r in db.Roles on ur.RoleId equals r.Id
                    select new { ur.UserId, Role = r.Name! };
        if (userId is { } id)
        {
            query = query.Where(x => x.UserId == id);
        }

        return (await query.ToListAsync(ct)).ToLookup(x => x.UserId, x => x.Role);
    }

    private static UserResponse ToResponse(AppUser user, ILookup<Guid, string> roles, IReadOnlySet<Guid> enrolled) => new(
        user.Id, user.Email!, user.DisplayName, roles[user.Id].Order(StringComparer.Ordinal).ToList(), user.IsDisabled,
        user.MustChangePassword, user.LockoutEnd > DateTimeOffset.UtcNow ? user.LockoutEnd : null, user.CreatedAt,
        enrolled.Contains(user.Id));
}
