namespace CustomerRegister.Imports;

/// <summary>CSV imports of consumers, organisations and contact persons with their provenance (notice § 7).</summary>
public static class ImportsFeature
{
    public static IServiceCollection AddImportsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section))
            .Validate(o => o.MaxFileBytes is > 0 and <= ImportOptions.UploadLimitBytes && o.MaxRows > 0 && o.ChunkSize is >= 1 and <= 10_000
                           && o.UnconfirmedKeepDays is >= 1 and <= 365,
                "Imports: MaxFileBytes 1..64 MiB, MaxRows > 0, ChunkSize 1..10000, UnconfirmedKeepDays 1..365")
            .ValidateOnStart();
        services.AddScoped<ImportBatches>();
        services.AddScoped<ImportEngine>();
        services.AddScoped<ImportQueries>();
        services.AddScoped<ImportHousekeeping>();
        services.AddHostedService<ImportHousekeepingService>();
        services.AddScoped<Subjects.ISubjectSection, ImportsSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapImportsFeature(this IEndpointRouteBuilder app) => app.MapImports();
}
