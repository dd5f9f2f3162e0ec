using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerRegister.Profiling;

/// <summary>Profiling that can be explained and stopped (notice § 13): the rules, the nightly run, the results' panel and queries.</summary>
public static class ProfilingFeature
{
    public static IServiceCollection AddProfilingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProfilingOptions>().Bind(configuration.GetSection(ProfilingOptions.Section)).ValidateSettings(o => o.Invalid());
        services.AddScoped<ProfilingRunner>();
        services.AddScoped<ProfileQueries>();
        services.AddSingleton<ProfilingJobs>();
        services.AddScoped<Subjects.ISubjectSection, ProfilingSection>();
        services.AddSingleton<IInterceptor, ProfilingStop>();
        services.AddSingleton<ProfilingNightly>();
        services.AddHostedService(sp => sp.GetRequiredService<ProfilingNightly>());
        return services;
    }

    public static IEndpointRouteBuilder MapProfilingFeature(this IEndpointRouteBuilder app) =>
        app.MapProfiling();
}
