using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Identity;

/// <summary>
/// A bearer token is valid only while it carries the user's current security stamp, compared on every request
/// (through <see cref="UserAccess"/>, which is invalidated whenever the stamp changes). Changing the password,
/// disabling the account, changing its roles and signing out change the stamp, so the user's earlier access and
/// refresh tokens stop working at once.
/// </summary>
public sealed class SecurityStampCheck(UserAccess access, IOptions<IdentityOptions> identity, IHttpContextAccessor http)
    : IClaimsTransformation
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // Page sessions (cookies) are rechecked by Identity's security-stamp validator instead.
        var bearer = http.HttpContext?.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true;
        if (!bearer || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var state = await access.GetAsync(userId);
        return stamp is not null && string.Equals(stamp, state.SecurityStamp, StringComparison.Ordinal) ? principal : Nobody;
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
