namespace CustomerRegister.Breaches;

/// <summary>The personal-data breach register (GDPR Art 33–34): DPO only.</summary>
public static class BreachesFeature
{
    public static IServiceCollection AddBreachesFeature(this IServiceCollection services)
    {
        services.AddScoped<BreachRegister>();
        services.AddScoped<BreachQueries>();
        services.AddScoped<BreachRetention>();
        services.AddScoped<BreachNotices>();
        services.AddSingleton<Requests.IMailDelivered, BreachNotices.Delivered>();
        return services;
    }

    public static IEndpointRouteBuilder MapBreachesFeature(this IEndpointRouteBuilder app) => app.MapBreaches();
}
