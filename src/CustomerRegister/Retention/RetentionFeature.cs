using CustomerRegister.Infrastructure;

namespace CustomerRegister.Retention;

/// <summary>Retention by purpose: the dates, the preview, the sweep (lease, rows, profiles, deletion log) and its schedule; legal holds.</summary>
public static class RetentionFeature
{
    public static IServiceCollection AddRetentionFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddSingleton<RetentionDates>();
        services.AddScoped<SweepSql>();
        services.AddScoped<SweepLease>();
        services.AddScoped<DeletionLog>();
        services.AddScoped<RowSweep>();
        services.AddScoped<ProfileSweep>();
        services.AddScoped<RetentionSweep>();
        services.AddScoped<RetentionQueries>();
        services.AddSingleton<ForecastCache>();
        services.AddScoped<RetentionForecast>();
        services.AddScoped<RetentionRunner>();
        services.AddSingleton<RetentionRules>();
        services.AddScoped<LegalHolds>();
        services.AddScoped<ProfileRetention>();
        services.AddHostedService<RetentionJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapRetentionFeature(this IEndpointRouteBuilder app) =>
        app.MapRetention();
}
