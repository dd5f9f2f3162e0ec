using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerRegister.Recordings;

/// <summary>Call recordings and CCTV footage: upload, store, stream, integrity and repair.</summary>
public static class RecordingsFeature
{
    public static IServiceCollection AddRecordingsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecordingOptions>().Bind(configuration.GetSection(RecordingOptions.Section))
            .PostConfigure<IHostEnvironment>((o, env) =>
                o.Path = string.IsNullOrWhiteSpace(o.Path) || System.IO.Path.IsPathRooted(o.Path) ? o.Path : System.IO.Path.Combine(env.ContentRootPath, o.Path))
            .ValidateSettings(o => o.Invalid());
        services.AddHealthChecks().AddCheck<RecordingStoreHealthCheck>("recordings");
        services.AddSingleton<IRecordingStore, LocalFolderRecordingStore>();
        services.AddScoped<RecordingKind<CallRecording>, CallRecordingKind>();
        services.AddScoped<RecordingKind<CctvRecording>, CctvRecordingKind>();
        services.AddScoped(typeof(RecordingHandler<>));
        services.AddScoped<RecordingQueries>();
        services.AddScoped<ProductionUnits>();
        services.AddScoped<RecordingIntegrity>();
        services.AddHostedService<RecordingRepairService>();
        services.AddScoped<ISubjectSection, RecordingsSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecordingsFeature(this IEndpointRouteBuilder app) =>
        app.MapRecordings().MapProductionUnits();
}

/// <summary>/health: the recording store folder is there and takes a file.</summary>
public sealed class RecordingStoreHealthCheck(IRecordingStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await store.UnavailableAsync(ct) is { } why
            ? HealthCheckResult.Unhealthy("Recording store: " + why + ".")
            : HealthCheckResult.Healthy("Recording store reachable and writable.");
}
