using CustomerRegister.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CustomerRegister.Identity;

public static class IdentitySetup
{
    /// <summary>The default scheme: picks bearer, API key or cookie from the request.</summary>
    public const string SelectorScheme = "Register";

    /// <summary>The staff sign-in cookie (HttpOnly, SameSite=Strict).</summary>
    public const string CookieName = "register.auth";

    public static IServiceCollection AddRegisterIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer, API key or cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
                o.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Auth:TokenMinutes", 60)))
            .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
            {
                c.LoginPath = "/Account/Login";
                c.LogoutPath = "/Account/Logout";
                c.AccessDeniedPath = "/Account/AccessDenied";
                c.Cookie.Name = CookieName;
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Strict;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = TimeSpan.FromHours(8);
                c.SlidingExpiration = true;
            }));

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<RegisterDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<Localization.LocalizedIdentityErrors>();

        // PBKDF2-HMAC-SHA512 at OWASP's recommended work factor (Identity's default format V3 is used).
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
            {
                o.AddPolicy(Permissions.Policy(permission), p => p.AddRequirements(new PermissionRequirement(permission)));
            }
        });
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddMemoryCache();
        services.AddSingleton<UserAccess>();
        services.AddTransient<IStartupFilter, EndpointPermissionGuard>();
        services.AddScoped<FirstAdministrator>();
        services.AddScoped<IStartupStep>(sp => sp.GetRequiredService<FirstAdministrator>());
        services.AddScoped<UserAdministration>();
        services.AddSignInProtection(configuration);
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return IdentityConstants.BearerScheme;
        }

        if (context.Request.Headers.ContainsKey(ApiKeyAuthentication.HeaderName))
        {
            return ApiKeyAuthentication.SchemeName;
        }

        return context.Request.Path.StartsWithSegments("/api")
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
    }
}
