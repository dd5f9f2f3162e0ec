using System.Security.Claims;
using CustomerRegister.Identity.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity;

/// <summary>Marks an endpoint a user may reach while the enrolment their roles require is still missing.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowBeforeTwoFactorEnrolmentAttribute : Attribute;

/// <summary>The second factor's services and the enrolment gate of the API and the pages.</summary>
public static class TwoFactorSetup
{
    public static IServiceCollection AddRegisterTwoFactor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwoFactorOptions>().Bind(configuration.GetSection(TwoFactorOptions.Section));
        services.AddScoped<TwoFactor>();
        services.AddScoped<IAuthorizationHandler, TwoFactorGate>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentResultHandler>();
        // PostConfigure: Razor Pages replaces its convention collection when it configures its own options.
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToPage(AccountPages.TwoFactorSignIn);
            foreach (var page in new[] { AccountPages.TwoFactor, AccountPages.Logout, AccountPages.ChangePassword })
            {
                o.Conventions.AddPageApplicationModelConvention(page,
                    m => m.EndpointMetadata.Add(new AllowBeforeTwoFactorEnrolmentAttribute()));
            }
        });
        return services;
    }
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

        context.Response.Redirect(TwoFactorApi.EnrolmentPath + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
    }
}
