using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Identity;

public sealed record LoginRequest(string? Email, string? Password, string? Code = null, string? RecoveryCode = null);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? Email, string? CurrentPassword, string? NewPassword);

public sealed record MeResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");

        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireSignInLimits()
            .WithName("SignIn").Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Sign in with email and password (and code or recoveryCode when the account has a second factor); returns a bearer token {tokenType, accessToken, expiresIn, refreshToken}.");
        group.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireSignInLimits()
            .WithName("RefreshToken").Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Exchange a refresh token for a new bearer token, while the account is still active.");
        group.MapPost("/change-password", ChangePasswordAsync).AllowAnonymous().RequireSignInLimits()
            .WithName("ChangePassword").ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Replace a password (required after a one-time password).");
        group.MapPost("/logout", SessionRevocation.LogoutAsync).RequirePermission(Permissions.AccountSelf).WithName("SignOut")
            .WithSummary("Sign out: every access and refresh token of the user stops working at once.");
        group.MapGet("/me", MeAsync).RequirePermission(Permissions.AccountSelf).WithName("GetOwnAccount")
            .WithSummary("The caller's own account: id, email, display name, roles and the permissions they grant.");
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, ILoggerFactory logs)
    {
        var errors = new FieldErrors()
            .Required("email", request.Email)
            .Required("password", request.Password);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var outcome = await PasswordSignIn.CheckAsync(signIn, users, request.Email!, request.Password!);
        await audit.WriteAsync(new AuditEntry("auth.login", Purposes.Security, EntityType: "user",
            EntityId: outcome.User?.Id.ToString(), Outcome: outcome.Succeeded ? "ok" : "failed"));
        logs.CreateLogger("CustomerRegister.Auth").LogInformation(
            "API sign-in {Result} for user {UserId}", outcome.Result, outcome.User?.Id);

        if (outcome.Result == SignInResultKind.PasswordChangeRequired)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Password change required",
                detail: "This account has a one-time password. Choose a new one with POST /api/auth/change-password.",
                type: "urn:customer-register:password-change-required");
        }

        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The email or password is wrong, or the account is locked or disabled.");
        }

        if (await TwoFactorApi.RefuseSignInAsync(signIn.Context, outcome.User!, request.Code, request.RecoveryCode) is { } secondFactor)
        {
            return secondFactor;
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(outcome.User!, isPersistent: false);
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, AuditLog audit)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return new FieldErrors().Add("refreshToken", "Required.").Problem();
        }

        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        var user = ticket?.Properties.ExpiresUtc is { } expires && clock.GetUtcNow() < expires
            ? await signIn.ValidateSecurityStampAsync(ticket.Principal)
            : null;
        if (user is null || user.IsDisabled || user.MustChangePassword)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Refresh failed",
                detail: "The refresh token is invalid or expired, or the account has changed. Sign in again.");
        }

        await audit.WriteAsync(new AuditEntry("auth.refresh", Purposes.Security, EntityType: "user", EntityId: user.Id.ToString()));
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Empty;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, UserAccess access)
    {
        var errors = new FieldErrors()
            .Required("email", request.Email)
            .Required("currentPassword", request.CurrentPassword)
            .Required("newPassword", request.NewPassword);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var outcome = await PasswordSignIn.CheckAsync(signIn, users, request.Email!, request.CurrentPassword!);
        if (outcome.User is null || outcome.Result is not (SignInResultKind.Succeeded or SignInResultKind.PasswordChangeRequired))
        {
            await audit.WriteAsync(new AuditEntry("auth.change_password", Purposes.Security, EntityType: "user",
                EntityId: outcome.User?.Id.ToString(), Outcome: "failed"));
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The email or password is wrong, or the account is locked or disabled.");
        }

        var change = await PasswordSignIn.ChangePasswordAsync(users, outcome.User, request.CurrentPassword!, request.NewPassword!);
        if (change is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = change });
        }

        access.Invalidate(outcome.User.Id);
        await audit.WriteAsync(new AuditEntry("auth.change_password", Purposes.Security, EntityType: "user",
            EntityId: outcome.User.Id.ToString(), Fields: ["password"]));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> MeAsync(ClaimsPrincipal principal, UserManager<AppUser> users, UserAccess access)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var state = await access.GetAsync(user.Id);
        var permissions = Permissions.All.Where(p => Roles.Grants(state.Roles, p)).ToList();
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, state.Roles, permissions));
    }
}

public enum SignInResultKind
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
    PasswordChangeRequired,
}

public sealed record SignInOutcome(SignInResultKind Result, AppUser? User)
{
    public bool Succeeded => Result == SignInResultKind.Succeeded;
}

/// <summary>The one password check shared by the API and the sign-in page: lockout per account and address, disabled accounts, one-time passwords.</summary>
public static class PasswordSignIn
{
    public static async Task<SignInOutcome> CheckAsync(SignInManager<AppUser> signIn, UserManager<AppUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        var result = await signIn.Context.RequestServices.GetRequiredService<SignInLockouts>().CheckAsync(users, user, password, signIn.Context);
        if (user is null || result != SignInResultKind.Succeeded)
        {
            return new SignInOutcome(result, user);
        }

        return new SignInOutcome(user.MustChangePassword ? SignInResultKind.PasswordChangeRequired : SignInResultKind.Succeeded, user);
    }

    /// <summary>Changes the password and clears the one-time flag; returns the reasons when the new password is refused.</summary>
    public static async Task<string[]?> ChangePasswordAsync(UserManager<AppUser> users, AppUser user, string current, string next)
    {
        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            return ["The new password must differ from the current one."];
        }

        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToArray();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return null;
    }
}
