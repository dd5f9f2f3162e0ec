using System.Security.Claims;
using CustomerRegister.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Identity;

public sealed record TwoFactorCodeRequest(string? Code, string? RecoveryCode = null);

public sealed record TwoFactorEnrolmentResponse(string SharedKey, string AuthenticatorUri);

public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

/// <summary>Marks an endpoint a user may reach while the enrolment their roles require is still missing.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowBeforeTwoFactorEnrolmentAttribute : Attribute;

/// <summary>The second factor's endpoints, the sign-in check the API and the pages share, and the enrolment gate.</summary>
public static class TwoFactorApi
{
    public const string EnrolmentRequiredType = "urn:customer-register:two-factor-enrolment-required";
    public const string CodeRequiredType = "urn:customer-register:two-factor-code-required";
    public const string CodeInvalidType = "urn:customer-register:two-factor-code-invalid";
    public const string EnrolmentPage = "/Account/TwoFactor";

    public static IServiceCollection AddRegisterTwoFactor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwoFactorOptions>().Bind(configuration.GetSection(TwoFactorOptions.Section));
        services.AddScoped<TwoFactor>();
        services.AddScoped<IAuthorizationHandler, TwoFactorGate>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentResultHandler>();
        // PostConfigure: Razor Pages replaces its convention collection when it configures its own options.
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/TwoFactorSignIn");
            foreach (var page in new[] { EnrolmentPage, "/Account/Logout", "/Account/ChangePassword" })
            {
                o.Conventions.AddPageApplicationModelConvention(page,
                    m => m.EndpointMetadata.Add(new AllowBeforeTwoFactorEnrolmentAttribute()));
            }
        });
        return services;
    }

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

/// <summary>
/// A user whose roles require a second factor that is not yet enrolled gets nothing but the enrolment (and sign-out,
/// password change): every other permission fails, whatever the roles grant.
/// </summary>
public sealed class TwoFactorGate(TwoFactor twoFactor) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(c => c.Type == ApiKeyAuthentication.ClientIdClaim)
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var endpoint = (context.Resource as HttpContext)?.GetEndpoint() ?? context.Resource as Endpoint;
        if (endpoint?.Metadata.GetMetadata<AllowBeforeTwoFactorEnrolmentAttribute>() is not null)
        {
            return;
        }

        if (await twoFactor.IsEnrolmentPendingAsync(userId))
        {
            context.Fail(new AuthorizationFailureReason(this, TwoFactorApi.EnrolmentRequiredType));
        }
    }
}

/// <summary>Explains the gate's refusal: a 403 problem naming the enrolment endpoint to the API, the enrolment page to a browser.</summary>
public sealed class TwoFactorEnrolmentResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var pending = authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons
            .Any(r => r.Message == TwoFactorApi.EnrolmentRequiredType) == true;
        if (!pending)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Second factor enrolment required",
                type: TwoFactorApi.EnrolmentRequiredType,
                detail: "Your roles require an authenticator app. Enrol with POST /api/auth/two-factor/enrol and "
                        + "POST /api/auth/two-factor/confirm {code}; until then nothing else is open.").ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(TwoFactorApi.EnrolmentPage + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
    }
}

/// <summary>The second factor's tables (picked up by the DbContext's ApplyConfigurationsFromAssembly).</summary>
internal sealed class UserTwoFactorConfiguration : IEntityTypeConfiguration<UserTwoFactor>
{
    public const string Staff = "staff accounts' second factor: the controller's own users, not register data (see Identity/)";

    public void Configure(EntityTypeBuilder<UserTwoFactor> b)
    {
        b.ToTable("user_two_factor").IsOutsideRegister(Staff);
        b.HasKey(t => t.UserId);
        b.Property(t => t.ProtectedSecret).HasMaxLength(1000);
        b.HasOne<AppUser>().WithOne().HasForeignKey<UserTwoFactor>(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRecoveryCodeConfiguration : IEntityTypeConfiguration<UserRecoveryCode>
{
    public void Configure(EntityTypeBuilder<UserRecoveryCode> b)
    {
        b.ToTable("user_recovery_codes").IsOutsideRegister(UserTwoFactorConfiguration.Staff);
        b.Property(c => c.CodeHash).HasMaxLength(32);
        b.HasIndex(c => new { c.UserId, c.CodeHash });
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
