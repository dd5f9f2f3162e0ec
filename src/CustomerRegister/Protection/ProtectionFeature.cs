namespace CustomerRegister.Protection;

/// <summary>The encrypted key ring, protected identity codes and accounts, and audited reveals.</summary>
public static class ProtectionFeature
{
    public static IServiceCollection AddProtectionFeature(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddRegisterKeyRing(configuration, environment);
        services.AddSingleton<ProtectedCodes>();
        services.AddScoped<Reveals>();
        return services;
    }
}
