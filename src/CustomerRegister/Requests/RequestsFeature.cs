using System.Threading.RateLimiting;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerRegister.Requests;

/// <summary>Data-subject requests: intake, workflow, access reports, letters and mail.</summary>
public static class RequestsFeature
{
    public static IServiceCollection AddRequestsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestOptions>().Bind(configuration.GetSection(RequestOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .ValidateSettings(o => o.Invalid());
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        if (mail.UsesSmtp)
        {
            services.AddSingleton<IMailTransport, SmtpTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, PickupDirectoryTransport>();
        }

        services.AddScoped<IMailSender, MailOutbox>();
        services.AddSingleton<MailDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDelivery>());
        services.AddScoped<RequestSteps>();
        services.AddScoped<RequestIntake>();
        services.AddScoped<RequestWorkflow>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<RequestQueue>();
        services.AddScoped<RequestPeople>();
        services.AddScoped<SendAccessReport>();
        services.AddScoped<DpoDashboard>();
        services.AddSingleton<DpoDeskFigures>();
        services.AddScoped<Rectifications>();
        services.AddScoped<RectificationTargets>();
        services.AddScoped<RequestJobs>();
        services.AddOptions<ControllerOptions>().Bind(configuration.GetSection(ControllerOptions.Section));
        services.AddScoped<AccessReportBuilder>();
        services.AddScoped<AccessReports>();
        services.AddScoped<FailedMails>();
        services.AddScoped<UnconfirmedRequests>();
        services.AddScoped<RequestWarnings>();
        services.AddHostedService<RequestWarningService>();
        services.AddScoped<ISubjectSection, RequestsSection>();
        services.AddOptions<MailboxOptions>().Bind(configuration.GetSection(MailboxOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddSingleton<MailboxPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<MailboxPoller>());

        var limits = configuration.GetSection(RequestOptions.Section).Get<RequestOptions>() ?? new RequestOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "Too many submissions from this address. Try again later or write to the customer-service mailbox.",
                    },
                });
            };

            // Only submissions count: reading the form or following a confirmation link is not limited.
            o.AddPolicy(RequestOptions.PublicRateLimitPolicy, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
                        new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limits.PublicPermitLimit,
                            Window = TimeSpan.FromSeconds(limits.PublicWindowSeconds),
                            QueueLimit = 0,
                        }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapRequestsFeature(this IEndpointRouteBuilder app) =>
        app.MapRequests().MapAccessReports().MapPublicRequests();
}
