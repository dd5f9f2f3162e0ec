using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Identity;

/// <summary>
/// A bearer token is valid only while it carries the user's current security stamp, compared on every request
/// (through <see cref="UserAccess"/>, which is invalidated whenever the stamp changes). Changing the password,
/// disabling the account and signing out change the stamp, so the user's earlier access and refresh tokens stop
/// working at once (401). Page sessions (cookies) are rechecked by Identity's security-stamp validator instead.
/// </summary>
public sealed class SecurityStampCheck(UserAccess access, IOptions<IdentityOptions> identity)
    : IPostConfigureOptions<BearerTokenOptions>
{
    public void PostConfigure(string? name, BearerTokenOptions options)
    {
        if (name != IdentityConstants.BearerScheme)
        {
            return;
        }

        var earlier = options.Events.OnMessageReceived;
        options.Events.OnMessageReceived = async context =>
        {
            await earlier(context);
            var header = context.Request.Headers.Authorization.ToString();
            if (context.Result is not null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var principal = context.Options.BearerTokenProtector.Unprotect(context.Token ?? header["Bearer ".Length..].Trim())?.Principal;
            if (principal is not null && !await IsCurrentAsync(principal))
            {
                context.Fail("The token was revoked.");
            }
        };
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return true;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var state = await access.GetAsync(userId);
        return stamp is not null && string.Equals(stamp, state.SecurityStamp, StringComparison.Ordinal);
    }
}

public static class SessionRevocation
{
    /// <summary>POST /api/auth/logout: ends every session and token of the signed-in user.</summary>
    public static async Task<NoContent> LogoutAsync(HttpContext context, CancellationToken ct)
    {
        await RevokeAsync(context, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Changes the signed-in user's security stamp, which ends all of their bearer tokens at once and their page sessions within the stamp validation interval.</summary>
    public static async Task RevokeAsync(HttpContext context, CancellationToken ct = default)
    {
        var users = context.RequestServices.GetRequiredService<UserManager<AppUser>>();
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return;
        }

        await users.UpdateSecurityStampAsync(user);
        context.RequestServices.GetRequiredService<UserAccess>().Invalidate(user.Id);
        await context.RequestServices.GetRequiredService<AuditLog>().WriteAsync(
            new AuditEntry("auth.logout", Purposes.Security, EntityType: "user", EntityId: user.Id.ToString()), ct);
    }
}
