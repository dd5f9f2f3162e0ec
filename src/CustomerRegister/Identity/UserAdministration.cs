using System.Security.Cryptography;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Identity;

/// <summary>
/// A user to create. <paramref name="MustChangePassword"/> is set when an administrator chose the password: only its
/// owner should know it, so it is replaced at first sign-in (a generated one-time password always is).
/// </summary>
public sealed record NewUser(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Password, bool MustChangePassword = false);

public sealed record CreatedUser(AppUser User, string? OneTimePassword);

/// <summary>Raised for a request that is well-formed but cannot be carried out as asked (answers 409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>Raised when the caller may call the endpoint but not do this to this target (answers 403 with the reason).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Raised with per-field messages (answers 400 naming each field).</summary>
public sealed class ValidationException(IDictionary<string, string[]> errors) : Exception("Validation failed")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Creating users, changing their roles, disabling them. Used by the API, the pages and the CLI alike.</summary>
public sealed class UserAdministration(
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    RegisterDbContext db,
    AuditLog audit,
    UserAccess access,
    TwoFactor twoFactor,
    TimeProvider clock,
    ILogger<UserAdministration> logger)
{
    private static readonly LocalText RolesRequired = new(
        "Pakollinen tieto (tyhjä luettelo käy).",
        "Obligatorisk uppgift (en tom lista går bra).",
        "Required (an empty list is allowed).");

    /// <summary>The form checks of a new account, the same for the API and the page (the use case checks the rest).</summary>
    public static FieldErrors Check(CreateUserRequest request)
    {
        var errors = new FieldErrors()
            .Required("email", request.Email, 256)
            .Required("displayName", request.DisplayName, 200);
        if (request.Roles is null)
        {
            errors.Add("roles", RolesRequired);
        }

        return errors;
    }

    public async Task<CreatedUser> CreateAsync(NewUser request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var unknown = request.Roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            errors["displayName"] = ["Display name is required (at most 200 characters)."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (await users.FindByEmailAsync(request.Email) is not null)
        {
            throw new ConflictException("A user with this email already exists.");
        }

        var oneTime = request.Password is null ? GeneratePassword() : null;
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            MustChangePassword = oneTime is not null || request.MustChangePassword,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        await EnsureRolesExistAsync();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, request.Password ?? oneTime!);
        ThrowIfFailed(result);
        if (request.Roles.Count > 0)
        {
            ThrowIfFailed(await users.AddToRolesAsync(user, request.Roles.Distinct()));
        }

        await audit.WriteAsync(new AuditEntry("user.create", Purposes.Administration,
            EntityType: "user", EntityId: user.Id.ToString(), Fields: ["email", "display_name", "roles"],
            Grants: GrantNames([], request.Roles)), ct);
        await tx.CommitAsync(ct);
        Log.UserCreated(logger, user.Id, string.Join(',', request.Roles), user.Email);
        return new CreatedUser(user, oneTime);
    }

    /// <summary>Replaces a user's roles. Nobody changes their own: a grant always takes a second person.</summary>
    public async Task<AppUser> SetRolesAsync(Guid userId, IReadOnlyList<string> newRoles, Guid actingUserId, CancellationToken ct = default)
    {
        if (userId == actingUserId)
        {
            await audit.WriteAsync(new AuditEntry("user.roles", Purposes.Administration, EntityType: "user", EntityId: userId.ToString(),
                Outcome: "denied"), ct);
            throw new ForbiddenException("You cannot change your own roles; another administrator must.");
        }

        var unknown = newRoles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}."],
            });
        }

        var user = await FindAsync(userId) ?? throw new KeyNotFoundException();
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && !newRoles.Contains(Roles.Administrator))
        {
            await EnsureAnotherActiveAdministratorAsync(user.Id);
        }

        await EnsureRolesExistAsync();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(newRoles)));
        ThrowIfFailed(await users.AddToRolesAsync(user, newRoles.Except(current).Distinct()));
        await audit.WriteAsync(new AuditEntry("user.roles", Purposes.Administration,
            EntityType: "user", EntityId: user.Id.ToString(), Fields: ["roles"], Grants: GrantNames(current, newRoles)), ct);
        await tx.CommitAsync(ct);
        access.Invalidate(user.Id);
        return user;
    }

    public async Task<AppUser> SetDisabledAsync(Guid userId, bool disabled, Guid actingUserId, CancellationToken ct = default)
    {
        var user = await FindAsync(userId) ?? throw new KeyNotFoundException();
        if (disabled && user.Id == actingUserId)
        {
            throw new ConflictException("You cannot disable your own account.");
        }

        if (disabled && (await users.GetRolesAsync(user)).Contains(Roles.Administrator))
        {
            await EnsureAnotherActiveAdministratorAsync(user.Id);
        }

        user.IsDisabled = disabled;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        ThrowIfFailed(await users.UpdateAsync(user));
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(new AuditEntry(disabled ? "user.disable" : "user.enable", Purposes.Administration,
            EntityType: "user", EntityId: user.Id.ToString(), Fields: ["disabled"]), ct);
        await tx.CommitAsync(ct);
        access.Invalidate(user.Id);
        return user;
    }

    /// <summary>
    /// Removes another user's authenticator and recovery codes (a lost phone) and ends their sessions: a role that
    /// requires the second factor enrols again at the next sign-in. Nobody resets their own: it takes a second person.
    /// </summary>
    public async Task<AppUser> ResetTwoFactorAsync(Guid userId, Guid actingUserId)
    {
        if (userId == actingUserId)
        {
            await audit.WriteAsync(new AuditEntry("auth.two_factor.reset", Purposes.Security, EntityType: "user", EntityId: userId.ToString(),
                Outcome: "denied"));
            throw new ForbiddenException("You cannot reset your own second factor; another administrator must.");
        }

        var user = await FindAsync(userId) ?? throw new KeyNotFoundException();
        await twoFactor.ResetAsync(user.Id);
        await users.UpdateSecurityStampAsync(user);
        access.Invalidate(user.Id);
        return user;
    }

    /// <summary>
    /// What a change of roles grants, for the audit event: the roles and permissions gained, and those lost prefixed
    /// with <c>-</c>. Names only.
    /// </summary>
    public static IReadOnlyList<string> GrantNames(IEnumerable<string> before, IEnumerable<string> after)
    {
        var (was, now) = (before.Distinct().ToList(), after.Distinct().ToList());
        var hadPermissions = Permissions.All.Where(p => Roles.Grants(was, p)).ToList();
        var hasPermissions = Permissions.All.Where(p => Roles.Grants(now, p)).ToList();
        return
        [
            .. now.Except(was).Order(StringComparer.Ordinal),
            .. hasPermissions.Except(hadPermissions),
            .. was.Except(now).Order(StringComparer.Ordinal).Select(r => "-" + r),
            .. hadPermissions.Except(hasPermissions).Select(p => "-" + p),
        ];
    }

    public Task<AppUser?> FindAsync(Guid id) => users.FindByIdAsync(id.ToString());

    public async Task EnsureRolesExistAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                ThrowIfFailed(await roles.CreateAsync(new AppRole(role) { Id = Guid.CreateVersion7() }));
            }
        }
    }

    /// <summary>A one-time password: 20 characters from an unambiguous alphabet, about 110 bits.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    internal static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var errors = result.Errors
            .GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        throw new ValidationException(errors);
    }

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "password",
        _ when code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) => "email",
        _ when code.Contains("Role", StringComparison.Ordinal) => "roles",
        _ => "user",
    };

    private async Task EnsureAnotherActiveAdministratorAsync(Guid exceptUserId)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (!admins.Any(a => a.Id != exceptUserId && !a.IsDisabled))
        {
            throw new ConflictException("This is the last active administrator.");
        }
    }
}
