using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace CustomerRegister.Identity;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// Grants a permission to an API client that was scoped to it, or to an active user whose current roles
/// grant it. A user who still has to replace a one-time password gets nothing but <see cref="Permissions.AccountSelf"/>.
/// </summary>
public sealed class PermissionHandler(UserAccess access) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (user.HasClaim(c => c.Type == ApiKeyAuthentication.ClientIdClaim))
        {
            if (user.HasClaim(Permissions.ClaimType, requirement.Permission))
            {
                context.Succeed(requirement);
            }

            return;
        }

        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var state = await access.GetAsync(userId);
        if (!state.IsActive)
        {
            return;
        }

        if (state.MustChangePassword && requirement.Permission != Permissions.AccountSelf)
        {
            return;
        }

        if (Roles.Grants(state.Roles, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

public static class PermissionEndpointExtensions
{
    /// <summary>Declares the permission an endpoint (or a group) needs. Every endpoint must declare one.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        if (!Permissions.IsKnown(permission))
        {
            throw new ArgumentException($"Unknown permission {permission}", nameof(permission));
        }

        return builder.RequireAuthorization(Permissions.Policy(permission));
    }
}
