using System.Diagnostics;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// Browser hardening (OWASP Secure Headers): a Content-Security-Policy without inline script or style, no framing, no
/// MIME sniffing, no full referrer leaving the site, HSTS on HTTPS outside Development, cookies always <c>Secure</c>
/// outside Development; and the app's own request log, which names the route, never the query string.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>Pages load their script and style from the app's own static files only; nothing inline.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy for a self-contained document (the access letter as HTML, which must read the same when saved or mailed)
    /// whose one inline stylesheet is allowed by its hash; any other inline style and every script stay refused.
    /// </summary>
    public static string PolicyWithStyle(string style) => ContentSecurityPolicy.Replace(
        "style-src 'self'",
        $"style-src 'self' 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)))}'",
        StringComparison.Ordinal);

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>The Development-only interactive API reference loads its own inline script; the policy skips it.</summary>
    private const string ApiReferencePath = "/api-reference";

    public static WebApplicationBuilder AddBrowserHardening(this WebApplicationBuilder builder)
    {
        ConfigureCookies(builder.Services, builder.Environment.IsDevelopment());
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        // Outside Development the cookies are Secure only, so plain HTTP is sent to HTTPS on the same host (behind a
        // proxy that ends TLS, its X-Forwarded-Proto is believed once the proxy is listed in Network:KnownProxies).
        builder.Services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = builder.Configuration.GetValue("Network:HttpsPort", 443);
        });
        return builder;
    }

    /// <summary>Outside Development every cookie the app sets (sign-in, antiforgery, the pages' one-time notices) is sent over HTTPS only.</summary>
    public static void ConfigureCookies(IServiceCollection services, bool development)
    {
        var policy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = policy);
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = policy);
        services.PostConfigure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.SecurePolicy = policy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    /// <summary>First in the pipeline, so that error pages and refusals carry the headers too.</summary>
    public static WebApplication UseBrowserHardening(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CustomerRegister.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                AddHeaders(context, development);
                return Task.CompletedTask;
            });
            try
            {
                await next(context);
            }
            finally
            {
                LogRequest(logger, context.Request.Method, RouteOf(context), context.Response.StatusCode,
                    (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        if (!development)
        {
            app.UseHsts();
            if (app.Configuration.GetValue("Network:RedirectToHttps", true))
            {
                app.UseHttpsRedirection();
            }
        }

        app.UseStaticFiles();
        return app;
    }

    private static void AddHeaders(HttpContext context, bool development)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = ReferrerPolicy;
        // A response that set its own (stricter-than-nothing) policy keeps it: see PolicyWithStyle.
        if (!(development && context.Request.Path.StartsWithSegments(ApiReferencePath)) && string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
    }

    /// <summary>
    /// The route template (<c>/api/requests/{id}</c>), never the path as sent: a path or query string can carry a
    /// name, an email or a confirmation token. Requests no endpoint answered (static files, 404s) are logged as "-".
    /// </summary>
    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() switch
        {
            RouteEndpoint { RoutePattern.RawText: { } pattern } => "/" + pattern.TrimStart('/'),
            _ => "-",
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, long elapsedMs);
}
