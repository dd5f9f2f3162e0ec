using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Breaches;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Demo;
using CustomerRegister.Disclosures;
using CustomerRegister.Erasure;
using CustomerRegister.Identity;
using CustomerRegister.Identity.Pages.Account;
using CustomerRegister.Imports;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;
using CustomerRegister.Marketing;
using CustomerRegister.Notice;
using CustomerRegister.Profiling;
using CustomerRegister.Protection;
using CustomerRegister.Recordings;
using CustomerRegister.Requests;
using CustomerRegister.Requests.Pages;
using CustomerRegister.Restrictions;
using CustomerRegister.Retention;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using CustomerRegister.Vehicles;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

namespace CustomerRegister;

/// <summary>Composition of the host: services first, then the pipeline and every feature's endpoints.</summary>
public static class RegisterApp
{
    public static WebApplicationBuilder AddRegister(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Settings shipped beside the binary apply wherever it is started from; environment variables and
        // the command line still override them.
        var shipped = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Optional = true };
        shipped.ResolveFileProvider();
        configuration.Sources.Insert(0, shipped);

        // These categories would log request URLs (with query strings) and SQL parameters: never personal data.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(k =>
            k.Limits.MaxRequestBodySize = configuration.GetValue("Api:MaxRequestBodyBytes", 1L << 20));
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"])
            && string.IsNullOrEmpty(configuration["ASPNETCORE_HTTP_PORTS"]))
        {
            builder.WebHost.UseUrls(configuration["Register:Urls"] ?? "http://localhost:5080");
        }

        builder.AddBrowserHardening();
        builder.Logging.EnableRedaction();
        services.AddRegisterRedaction();

        services.AddSingleton(TimeProvider.System);

        services.AddHttpContextAccessor();
        services.AddRegisterDatabase();
        services.AddHostedService<DatabaseInitializer>();
        services.AddScoped<Access>();
        services.AddScoped<Infrastructure.Pages.Navigation>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddProtectionFeature(configuration, builder.Environment);
        services.AddIdentityFeature(configuration);
        services.AddAuditFeature();
        services.AddCatalogFeature();
        services.AddSubjectsFeature();
        services.AddSearchFeature();
        services.AddCustomersFeature();
        services.AddMarketingFeature(configuration);
        services.AddProfilingFeature(configuration);
        services.AddBillingFeature(configuration);
        services.AddVehiclesFeature(configuration);
        services.AddRequestsFeature(configuration);
        services.AddRestrictionsFeature();
        services.AddErasureFeature();
        services.AddJobsFeature();
        services.AddRetentionFeature(configuration);
        services.AddRecordingsFeature(configuration);
        services.AddBreachesFeature();
        services.AddDemoFeature();
        services.AddDisclosuresFeature(configuration);
        services.AddImportsFeature(configuration);

        // After the registry's seeding: the notice's first version names the recipients.
        services.AddNoticeFeature(configuration);

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddRegisterOpenApi();
        services.AddRazorPages(o =>
        {
            FeaturePages.AddTo(o);
            o.Conventions.AuthorizeFolder("/", Permissions.Policy(Permissions.AccountSelf));
            o.Conventions.AllowAnonymousToPage(AccountPages.Login);
            o.Conventions.AllowAnonymousToPage(AccountPages.AccessDenied);
            o.Conventions.AllowAnonymousToPage(RequestPages.Rights);
            o.Conventions.AddPageApplicationModelConvention(RequestPages.Rights,
                m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RequestOptions.PublicRateLimitPolicy)));
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.All.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // Finnish first: the staff pick their language on the page (cookie); a browser's own setting does not
            // override it.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Pages are written in Finnish and Swedish: emit ä, ö and å as they are, not as character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseRegister(this WebApplication app)
    {
        app.UseBrowserHardening();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRestrictedSubjectRoutes();

        app.MapIdentityFeature();
        app.MapAuditFeature();
        app.MapCatalogFeature();
        app.MapCustomersFeature();
        app.MapSubjectsFeature();
        app.MapSearchFeature();
        app.MapMarketingFeature();
        app.MapProfilingFeature();
        app.MapBillingFeature();
        app.MapVehiclesFeature();
        app.MapRequestsFeature();
        app.MapErasureFeature();
        app.MapRestrictionsFeature();
        app.MapJobsFeature();
        app.MapRetentionFeature();
        app.MapRecordingsFeature();
        app.MapBreachesFeature();
        app.MapDisclosuresFeature();
        app.MapImportsFeature();
        app.MapNoticeFeature();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/api-reference").AllowAnonymous();
        }

        app.MapGet("/set-language", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (Languages.IsSupported(culture))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            }

            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapRazorPages();

        // Builds the pages' routes now, so a page outside a Pages folder or two pages on one route stop the start (FeaturePages).
        _ = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors;
        return app;
    }
}
