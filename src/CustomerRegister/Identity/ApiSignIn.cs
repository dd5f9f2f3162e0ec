using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Identity;

/// <summary>What a password change ended in: done, the current password refused, or the new one refused (with reasons).</summary>
public sealed record PasswordChange(bool SignInFailed, string[]? Refused)
{
    public static readonly PasswordChange Done = new(false, null);
}

/// <summary>
/// Sign-in through the API: the password check (audited, logged by user id only), a bearer token with its refresh
/// token, a refresh while the account is still active, and the password change a one-time password demands.
/// </summary>
public sealed class ApiSignIn(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IOptionsMonitor<BearerTokenOptions> bearer,
    TimeProvider clock,
    AuditLog audit,
    UserAccess access,
    ILoggerFactory logs)
{
    public async Task<SignInOutcome> CheckPasswordAsync(string email, string password)
    {
        var outcome = await PasswordSignIn.CheckAsync(signIn, users, email, password);
        await audit.WriteAsync(new AuditEntry("auth.login", Purposes.Security, EntityType: "user",
            EntityId: outcome.User?.Id.ToString(), Outcome: outcome.Succeeded ? "ok" : "failed"));
        logs.CreateLogger("CustomerRegister.Auth").LogInformation(
            "API sign-in {Result} for user {UserId}", outcome.Result, outcome.User?.Id);
        return outcome;
    }

    /// <summary>Writes the bearer token answer <c>{tokenType, accessToken, expiresIn, refreshToken}</c>.</summary>
    public Task IssueTokenAsync(AppUser user)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        return signIn.SignInAsync(user, isPersistent: false);
    }

    /// <summary>The user of a valid, unexpired refresh token whose account is still active and unchanged; else null.</summary>
    public async Task<AppUser?> RefreshAsync(string refreshToken)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        var user = ticket?.Properties.ExpiresUtc is { } expires && clock.GetUtcNow() < expires
            ? await signIn.ValidateSecurityStampAsync(ticket.Principal)
            : null;
        if (user is null || user.IsDisabled || user.MustChangePassword)
        {
            return null;
        }

        await audit.WriteAsync(new AuditEntry("auth.refresh", Purposes.Security, EntityType: "user", EntityId: user.Id.ToString()));
        return user;
    }

    public async Task<PasswordChange> ChangePasswordAsync(string email, string current, string next)
    {
        var outcome = await PasswordSignIn.CheckAsync(signIn, users, email, current);
        if (outcome.User is null || outcome.Result is not (SignInResultKind.Succeeded or SignInResultKind.PasswordChangeRequired))
        {
            await audit.WriteAsync(new AuditEntry("auth.change_password", Purposes.Security, EntityType: "user",
                EntityId: outcome.User?.Id.ToString(), Outcome: "failed"));
            return new PasswordChange(true, null);
        }

        if (await PasswordSignIn.ChangePasswordAsync(users, outcome.User, current, next) is { } refused)
        {
            return new PasswordChange(false, refused);
        }

        access.Invalidate(outcome.User.Id);
        await audit.WriteAsync(new AuditEntry("auth.change_password", Purposes.Security, EntityType: "user",
            EntityId: outcome.User.Id.ToString(), Fields: ["password"]));
        return PasswordChange.Done;
    }
}
