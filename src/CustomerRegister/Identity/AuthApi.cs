using System.Security.Claims;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

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
        LoginRequest request, ApiSignIn signIn, HttpContext http)
    {
        var errors = new FieldErrors()
            .Required("email", request.Email)
            .Required("password", request.Password);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var outcome = await signIn.CheckPasswordAsync(request.Email!, request.Password!);
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
            return SignInFailed();
        }

        if (await TwoFactorApi.RefuseSignInAsync(http, outcome.User!, request.Code, request.RecoveryCode) is { } secondFactor)
        {
            return secondFactor;
        }

        await signIn.IssueTokenAsync(outcome.User!);
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> RefreshAsync(RefreshRequest request, ApiSignIn signIn)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return new FieldErrors().Add("refreshToken", FieldMessages.Required).Problem();
        }

        if (await signIn.RefreshAsync(request.RefreshToken) is not { } user)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Refresh failed",
                detail: "The refresh token is invalid or expired, or the account has changed. Sign in again.");
        }

        await signIn.IssueTokenAsync(user);
        return TypedResults.Empty;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ApiSignIn signIn)
    {
        var errors = new FieldErrors()
            .Required("email", request.Email)
            .Required("currentPassword", request.CurrentPassword)
            .Required("newPassword", request.NewPassword);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var change = await signIn.ChangePasswordAsync(request.Email!, request.CurrentPassword!, request.NewPassword!);
        return change switch
        {
            { SignInFailed: true } => SignInFailed(),
            { Refused: { } refused } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = refused }),
            _ => TypedResults.NoContent(),
        };
    }

    private static ProblemHttpResult SignInFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
            detail: "The email or password is wrong, or the account is locked or disabled.");

    private static async Task<Results<Ok<MeResponse>, NotFound>> MeAsync(ClaimsPrincipal principal, UserQueries queries) =>
        await queries.OwnAccountAsync(principal) is { } me ? TypedResults.Ok(me) : TypedResults.NotFound();
}
