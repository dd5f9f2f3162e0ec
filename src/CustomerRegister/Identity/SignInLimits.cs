using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CustomerRegister.Identity.Pages.Account;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Identity;

/// <summary>Limits of the sign-in, refresh and password-change paths (Auth:*).</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Auth";

    /// <summary>Attempts per client address and window, over all accounts.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>Attempts per account and window, over all addresses.</summary>
    public int AccountPermitLimit { get; set; } = 30;

    public int AccountWindowSeconds { get; set; } = 900;

    /// <summary>Wrong passwords for one account from one address before that address is locked out of that account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public string? Invalid() =>
        Settings.AtLeast(Section, SignInPermitLimit, 1)
        ?? Settings.Range(Section, SignInWindowSeconds, 1, 86_400)
        ?? Settings.AtLeast(Section, AccountPermitLimit, 1)
        ?? Settings.Range(Section, AccountWindowSeconds, 1, 86_400)
        ?? Settings.AtLeast(Section, MaxFailedAttempts, 1)
        ?? Settings.Range(Section, LockoutMinutes, 1, 1440);
}

/// <summary>
/// Fixed-window rate limits (System.Threading.RateLimiting, the engine of ASP.NET Core's rate-limiting middleware) on
/// every sign-in, refresh and password-change path, per client address and per account. The account is only known
/// from the request body, so the limits apply in an endpoint filter (API) and a page filter (pages) rather than as
/// a middleware policy.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    /// <summary>ViewData flag that the sign-in pages show as the localized "too many attempts" message.</summary>
    public const string PageFlag = "SignInLimited";

    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byAccount;

    public SignInLimits(IOptions<SignInLimitOptions> options)
    {
        var o = options.Value;
        _byAddress = Create(o.SignInPermitLimit, o.SignInWindowSeconds);
        _byAccount = Create(o.AccountPermitLimit, o.AccountWindowSeconds);
    }

    /// <summary>The client address the limits and lockouts count by (after trusted forwarded headers).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Takes one attempt for the address and, when known, the account; null when allowed, else when to retry.</summary>
    public TimeSpan? Acquire(HttpContext context, string? account)
    {
        var refused = Take(_byAddress, AddressOf(context));
        if (refused is null && !string.IsNullOrWhiteSpace(account))
        {
            refused = Take(_byAccount, account.Trim().ToUpperInvariant());
        }

        if (refused is { } retry)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return refused;
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byAccount.Dispose();
    }

    private static TimeSpan? Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1);
    }

    private static PartitionedRateLimiter<string> Create(int permits, int windowSeconds) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromSeconds(windowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}

/// <summary>Applies <see cref="SignInLimits"/> to an API endpoint: 429 ProblemDetails with Retry-After.</summary>
public sealed class SignInLimitFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var account = context.Arguments.Select(a => a switch
        {
            LoginRequest l => l.Email,
            ChangePasswordRequest c => c.Email,
            RefreshRequest r => RefreshAccount(http, r.RefreshToken),
            _ => null,
        }).FirstOrDefault(a => a is not null);

        if (http.RequestServices.GetRequiredService<SignInLimits>().Acquire(http, account) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts",
                detail: "Too many attempts from this address or for this account. Try again after the time in Retry-After.",
                type: "urn:customer-register:sign-in-limited");
        }

        return await next(context);
    }

    /// <summary>The account (user name, which is the email) a refresh token was issued to, or null when it does not open.</summary>
    private static string? RefreshAccount(HttpContext http, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var bearer = http.RequestServices.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        return bearer.RefreshTokenProtector.Unprotect(token)?.Principal.Identity?.Name;
    }
}

/// <summary>Applies <see cref="SignInLimits"/> to the form posts of the sign-in and password-change pages: the page again with a localized message, 429.</summary>
public sealed class SignInLimitPageFilter : IAsyncPageFilter
{
    private static readonly HashSet<string> LimitedPages = new(StringComparer.OrdinalIgnoreCase) { AccountPages.Login, AccountPages.ChangePassword };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !LimitedPages.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            await next();
            return;
        }

        var account = http.Request.HasFormContentType && http.Request.Form.TryGetValue("email", out var email) && !string.IsNullOrWhiteSpace(email)
            ? email.ToString()
            : http.User.Identity?.Name;
        if (http.RequestServices.GetRequiredService<SignInLimits>().Acquire(http, account) is null)
        {
            await next();
            return;
        }

        if (context.HandlerInstance is PageModel page)
        {
            page.ViewData[SignInLimits.PageFlag] = true;
        }

        context.Result = new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
    }
}

public static class SignInLimitsSetup
{
    /// <summary>Sign-in limits, lockouts per account and address, trusted proxies and immediate token revocation.</summary>
    public static IServiceCollection AddSignInProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLimitOptions>().Bind(configuration.GetSection(SignInLimitOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddSingleton<SignInLimits>();
        services.AddSingleton<SignInLockouts>();
        services.AddSingleton<IPostConfigureOptions<BearerTokenOptions>, SecurityStampCheck>();
        services.AddTrustedProxies(configuration);
        services.Configure<MvcOptions>(o => o.Filters.Add(new SignInLimitPageFilter()));
        return services;
    }

    /// <summary>Rate-limits an auth endpoint per client address and per account.</summary>
    public static TBuilder RequireSignInLimits<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, SignInLimitFilter>()
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));
}
