namespace CustomerRegister.Identity;

/// <summary>Staff accounts, roles and permissions, API keys, sign-in and the second factor.</summary>
public static class IdentityFeature
{
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegisterIdentity(configuration);
        services.AddRegisterTwoFactor(configuration);
        services.AddScoped<ApiSignIn>();
        services.AddScoped<UserQueries>();
        services.AddScoped<StaffNames>();
        services.AddScoped<ApiClientAdministration>();
        services.AddSingleton<SettingsOverview>();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityFeature(this IEndpointRouteBuilder app) =>
        app.MapAuth().MapTwoFactor().MapUsers().MapApiClients().MapSettings();
}
