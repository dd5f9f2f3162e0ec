using CustomerRegister.Infrastructure;

namespace CustomerRegister.Retention;

/// <summary>Retention by purpose: the dates, the preview and the nightly sweep.</summary>
public static class RetentionFeature
{
    public static IServiceCollection AddRetentionFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddScoped<RetentionSweep>();
        services.AddSingleton<RetentionDates>();
        services.AddScoped<ProfileRetention>();
        services.AddHostedService<RetentionJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapRetentionFeature(this IEndpointRouteBuilder app) =>
        app.MapRetention();
}
