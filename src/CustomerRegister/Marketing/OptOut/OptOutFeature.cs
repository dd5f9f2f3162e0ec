using CustomerRegister.Infrastructure;

namespace CustomerRegister.Marketing.OptOut;

/// <summary>Opt-out links in marketing messages and their public page <c>/optout/{token}</c>.</summary>
public static class OptOutFeature
{
    public static IServiceCollection AddOptOutFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OptOutOptions>().Bind(configuration.GetSection(OptOutOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddSingleton<OptOutLinks>();
        services.AddSingleton<OptOutLimits>();
        services.AddScoped<OptOuts>();
        services.PostConfigure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new OptOutCultureProvider()));
        return services;
    }
}
