using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Identity;

public sealed record CreateUserRequest(string? Email, string? DisplayName, string[]? Roles, string? Password);

public sealed record SetRolesRequest(string[]? Roles);

public sealed record UserResponse(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool MustChangePassword,
    DateTimeOffset? LockedOutUntil, DateTime CreatedAt);

public sealed record CreatedUserResponse(UserResponse User, string? OneTimePassword);

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequirePermission(Permissions.UsersManage);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}/roles", SetRolesAsync);
        group.MapPost("/{id:guid}/disable", (Guid id, ClaimsPrincipal me, UserAdministration admin, RegisterDbContext db) =>
            SetDisabledAsync(id, true, me, admin, db));
        group.MapPost("/{id:guid}/enable", (Guid id, ClaimsPrincipal me, UserAdministration admin, RegisterDbContext db) =>
            SetDisabledAsync(id, false, me, admin, db));
        return app;
    }

    private static async Task<Ok<List<UserResponse>>> ListAsync(RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await RolesByUserAsync(db, null, ct);
        await audit.WriteAsync(new AuditEntry("user.list", Purposes.Administration, EntityType: "user"), ct);
        return TypedResults.Ok(users.Select(u => ToResponse(u, roles)).ToList());
    }

    private static async Task<Results<Ok<UserResponse>, NotFound>> GetAsync(Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("user.read", Purposes.Administration, EntityType: "user", EntityId: id.ToString()), ct);
        return TypedResults.Ok(ToResponse(user, await RolesByUserAsync(db, id, ct)));
    }

    private static async Task<Results<Created<CreatedUserResponse>, ValidationProblem>> CreateAsync(
        CreateUserRequest request, UserAdministration admin, RegisterDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("email", request.Email, 256)
            .Required("displayName", request.DisplayName, 200);
        if (request.Roles is null)
        {
            errors.Add("roles", "Required (an empty list is allowed).");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        // A password the administrator chose is known to two people: its owner replaces it at first sign-in.
        var created = await admin.CreateAsync(
            new NewUser(request.Email!.Trim(), request.DisplayName!, request.Roles!, request.Password, MustChangePassword: true), ct);
        var response = ToResponse(created.User, await RolesByUserAsync(db, created.User.Id, ct));
        return TypedResults.Created($"/api/users/{created.User.Id}", new CreatedUserResponse(response, created.OneTimePassword));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SetRolesAsync(
        Guid id, SetRolesRequest request, ClaimsPrincipal me, UserAdministration admin, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (request.Roles is null)
        {
            return new FieldErrors().Add("roles", "Required.").Problem();
        }

        try
        {
            var user = await admin.SetRolesAsync(id, request.Roles, AuditLog.Actor(me).Id ?? Guid.Empty, ct);
            return TypedResults.Ok(ToResponse(user, await RolesByUserAsync(db, id, ct)));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ForbiddenException e)
        {
            await audit.WriteAsync(new AuditEntry("user.roles", Purposes.Administration, EntityType: "user", EntityId: id.ToString(),
                Outcome: "denied"), ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Own roles", detail: e.Message,
                type: "urn:customer-register:own-roles");
        }
    }

    private static async Task<Results<Ok<UserResponse>, NotFound>> SetDisabledAsync(
        Guid id, bool disabled, ClaimsPrincipal me, UserAdministration admin, RegisterDbContext db)
    {
        try
        {
            var actingId = Guid.Parse(me.FindFirstValue(ClaimTypes.NameIdentifier) ?? Guid.Empty.ToString());
            var user = await admin.SetDisabledAsync(id, disabled, actingId);
            return TypedResults.Ok(ToResponse(user, await RolesByUserAsync(db, id, default)));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<ILookup<Guid, string>> RolesByUserAsync(RegisterDbContext db, Guid? userId, CancellationToken ct)
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

    private static UserResponse ToResponse(AppUser user, ILookup<Guid, string> roles) => new(
        user.Id, user.Email!, user.DisplayName, roles[user.Id].Order(StringComparer.Ordinal).ToList(), user.IsDisabled,
        user.MustChangePassword, user.LockoutEnd > DateTimeOffset.UtcNow ? user.LockoutEnd : null, user.CreatedAt);
}
