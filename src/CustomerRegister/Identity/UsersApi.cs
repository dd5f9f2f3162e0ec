using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Identity;

public sealed record CreateUserRequest(string? Email, string? DisplayName, string[]? Roles, string? Password);

public sealed record SetRolesRequest(string[]? Roles);

public sealed record UserResponse(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool MustChangePassword,
    DateTimeOffset? LockedOutUntil, DateTime CreatedAt, bool TwoFactorEnabled);

public sealed record CreatedUserResponse(UserResponse User, string? OneTimePassword);

/// <summary>Staff accounts (<see cref="UserAdministration"/>, <see cref="UserQueries"/>).</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequirePermission(Permissions.UsersManage);
        group.MapGet("/", async (UserQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)))
            .WithName("ListUsers").WithSummary("Every staff account with its roles and state.");
        group.MapGet("/{id:guid}", async Task<Results<Ok<UserResponse>, NotFound>> (Guid id, UserQueries queries, CancellationToken ct) =>
                (await queries.GetAsync(id, ct)).Value is { } user ? TypedResults.Ok(user) : TypedResults.NotFound())
            .WithName("GetUser").WithSummary("One staff account with its roles and state.");
        group.MapPost("/", CreateAsync).WithName("CreateUser").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a staff account; without a password a one-time password is returned this once. Either is replaced at first sign-in.");
        group.MapPut("/{id:guid}/roles", SetRolesAsync).WithName("SetUserRoles").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace an account's roles; never the caller's own, never the last active administrator's.");
        group.MapPost("/{id:guid}/disable", (Guid id, ClaimsPrincipal me, UserAdministration admin, UserQueries queries) =>
                SetDisabledAsync(id, true, me, admin, queries))
            .WithName("DisableUser").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Disable an account: its tokens and sessions stop working at once; never the caller's own or the last active administrator.");
        group.MapPost("/{id:guid}/enable", (Guid id, ClaimsPrincipal me, UserAdministration admin, UserQueries queries) =>
                SetDisabledAsync(id, false, me, admin, queries))
            .WithName("EnableUser").WithSummary("Enable a disabled account again.");
        group.MapPost("/{id:guid}/two-factor/reset", ResetTwoFactorAsync).WithName("ResetUserTwoFactor")
            .WithSummary("Remove an account's authenticator and recovery codes (a lost phone) and end its sessions; it enrols again at the next sign-in. Never the caller's own.");
        return app;
    }

    private static async Task<Results<Created<CreatedUserResponse>, ValidationProblem>> CreateAsync(
        CreateUserRequest request, UserAdministration admin, UserQueries queries, CancellationToken ct)
    {
        var errors = UserAdministration.Check(request);
        if (errors.Any)
        {
            return errors.Problem();
        }

        // A password the administrator chose is known to two people: its owner replaces it at first sign-in.
        var created = await admin.CreateAsync(
            new NewUser(request.Email!.Trim(), request.DisplayName!, request.Roles!, request.Password, MustChangePassword: true), ct);
        return TypedResults.Created($"/api/users/{created.User.Id}",
            new CreatedUserResponse(await queries.ResponseAsync(created.User, ct), created.OneTimePassword));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SetRolesAsync(
        Guid id, SetRolesRequest request, ClaimsPrincipal me, UserAdministration admin, UserQueries queries, CancellationToken ct)
    {
        if (request.Roles is null)
        {
            return new FieldErrors().Add("roles", FieldMessages.Required).Problem();
        }

        try
        {
            var user = await admin.SetRolesAsync(id, request.Roles, AuditLog.Actor(me).Id ?? Guid.Empty, ct);
            return TypedResults.Ok(await queries.ResponseAsync(user, ct));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ForbiddenException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Own roles", detail: e.Message,
                type: "urn:customer-register:own-roles");
        }
    }

    private static async Task<Results<Ok<UserResponse>, NotFound, ProblemHttpResult>> ResetTwoFactorAsync(
        Guid id, ClaimsPrincipal me, UserAdministration admin, UserQueries queries, CancellationToken ct)
    {
        try
        {
            var user = await admin.ResetTwoFactorAsync(id, AuditLog.Actor(me).Id ?? Guid.Empty);
            return TypedResults.Ok(await queries.ResponseAsync(user, ct));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ForbiddenException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Own second factor", detail: e.Message,
                type: "urn:customer-register:own-two-factor");
        }
    }

    private static async Task<Results<Ok<UserResponse>, NotFound>> SetDisabledAsync(
        Guid id, bool disabled, ClaimsPrincipal me, UserAdministration admin, UserQueries queries)
    {
        try
        {
            var user = await admin.SetDisabledAsync(id, disabled, AuditLog.Actor(me).Id ?? Guid.Empty);
            return TypedResults.Ok(await queries.ResponseAsync(user, default));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }
}
