using CustomerRegister.Subjects;

namespace CustomerRegister.Recordings;

public static class RecordingsSetup
{
    public static IServiceCollection AddRecordings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecordingOptions>().Bind(configuration.GetSection(RecordingOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0 && !string.IsNullOrWhiteSpace(o.Path), "Recordings: Path is required and MaxUploadBytes positive.")
            .ValidateOnStart();
        services.AddSingleton<IRecordingStore, LocalFolderRecordingStore>();
        services.AddScoped<RecordingIntegrity>();
        services.AddHostedService<RecordingRepairService>();
        services.AddScoped<ISubjectSection, RecordingsSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecordingEndpoints(this IEndpointRouteBuilder app) =>
        app.MapRecordings().MapProductionUnits();
}
