namespace CustomerRegister.Erasure;

/// <summary>Erasure (Art 17) by the catalogue, the kept marketing-ban tombstones and storage reclaim.</summary>
public static class ErasureFeature
{
    public static IServiceCollection AddErasureFeature(this IServiceCollection services)
    {
        services.AddScoped<MarketingBans>();
        services.AddScoped<ErasureEngine>();
        services.AddScoped<ErasureHandling>();
        services.AddSingleton<StorageReclaimer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageReclaimer>());
        return services;
    }

    public static IEndpointRouteBuilder MapErasureFeature(this IEndpointRouteBuilder app) =>
        app.MapErasure();
}
