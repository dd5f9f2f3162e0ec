using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CustomerRegister.Identity;

public sealed record TwoFactorCodeRequest(string? Code, string? RecoveryCode = null);

public sealed record TwoFactorEnrolmentResponse(string SharedKey, string AuthenticatorUri);

public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

/// <summary>The second factor's endpoints and the sign-in check of <c>POST /api/auth/login</c>.</summary>
public static class TwoFactorApi
{
    public const string EnrolmentRequiredType = "urn:customer-register:two-factor-enrolment-required";
    public const string CodeRequiredType = "urn:customer-register:two-factor-code-required";
    public const string CodeInvalidType = "urn:customer-register:two-factor-code-invalid";
    /// <summary>The address of the enrolment page (<see cref="Pages.Account.AccountPages.TwoFactor"/>).</summary>
    public const string EnrolmentPath = "/Account/TwoFactor";

    public static IEndpointRouteBuilder MapTwoFactor(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth/two-factor").WithTags("Authentication")
            .RequirePermission(Permissions.AccountSelf)
            .WithMetadata(new AllowBeforeTwoFactorEnrolmentAttribute());
        group.MapGet("/", StatusAsync).WithName("GetTwoFactorStatus")
            .WithSummary("Whether the caller's roles require a second factor, whether it is enrolled, recovery codes left.");
        group.MapPost("/enrol", EnrolAsync).WithName("EnrolTwoFactor").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start enrolling an authenticator app: returns the shared key and its otpauth URI (confirm with /confirm).");
        group.MapPost("/confirm", ConfirmAsync).WithName("ConfirmTwoFactor")
            .WithSummary("Confirm the enrolment with a current code {code}; returns the recovery codes, shown this once.");
        group.MapPost("/disable", DisableAsync).WithName("DisableTwoFactor")
            .WithSummary("Remove the authenticator with a current code {code} or a recovery code {recoveryCode}.");
        group.MapPost("/recovery-codes", RenewAsync).WithName("RenewRecoveryCodes")
            .WithSummary("Replace the recovery codes after a current code {code}; the old ones stop working.");
        return app;
    }

    /// <summary>
    /// The second factor of a sign-in whose password was right: null to go on, or the refusal (a code is needed,
    /// the code is wrong or malformed). Used by <c>POST /api/auth/login</c>.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefuseSignInAsync(HttpContext http, AppUser user, string? code, string? recoveryCode)
    {
        if (!string.IsNullOrWhiteSpace(code) && TwoFactorRules.NormalizeCode(code) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "One or more validation errors occurred.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["code"] = ["Six digits."] } });
        }

        var result = await http.RequestServices.GetRequiredService<TwoFactor>().VerifyAsync(user, code, recoveryCode);
        return result switch
        {
            SecondFactorResult.NotEnrolled or SecondFactorResult.Verified => null,
            SecondFactorResult.Missing => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Authenticator code required", type: CodeRequiredType,
                detail: "This account has a second factor. Send {email, password, code} with the authenticator's current code, or {email, password, recoveryCode}."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", type: CodeInvalidType,
                detail: "The code is wrong, already used or expired, or the account is locked."),
        };
    }

    private static async Task<Results<Ok<TwoFactorStatus>, NotFound>> StatusAsync(ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor) =>
        await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(await twoFactor.GetStatusAsync(user.Id)) : TypedResults.NotFound();

    private static async Task<Results<Ok<TwoFactorEnrolmentResponse>, NotFound, ProblemHttpResult>> EnrolAsync(
        ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        return await twoFactor.BeginAsync(user) is { } enrolment
            ? TypedResults.Ok(new TwoFactorEnrolmentResponse(enrolment.SharedKey, enrolment.AuthenticatorUri))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already enrolled",
                detail: "An authenticator is enrolled. Disable it with a current code first (POST /api/auth/two-factor/disable).");
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        TwoFactorCodeRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (TwoFactorRules.NormalizeCode(request.Code) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["Six digits."] });
        }

        return await twoFactor.ConfirmAsync(user, request.Code) is { } codes
            ? TypedResults.Ok(new RecoveryCodesResponse(codes))
            : WrongCode();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> DisableAsync(
        TwoFactorCodeRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.RecoveryCode) && TwoFactorRules.NormalizeCode(request.Code) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["Six digits, or give a recoveryCode."] });
        }

        return await twoFactor.DisableAsync(user, request.Code, request.RecoveryCode) ? TypedResults.NoContent() : WrongCode();
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RenewAsync(
        TwoFactorCodeRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (TwoFactorRules.NormalizeCode(request.Code) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["Six digits."] });
        }

        return await twoFactor.RenewRecoveryCodesAsync(user, request.Code) is { } codes
            ? TypedResults.Ok(new RecoveryCodesResponse(codes))
            : WrongCode();
    }

    private static ProblemHttpResult WrongCode() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Wrong code", type: CodeInvalidType,
            detail: "The code is wrong, already used or expired.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["code"] = ["Wrong, already used or expired."] } });
}
