namespace CustomerRegister.Marketing.IndustryOptOut;

/// <summary>The marketing industry's opt-out lists: loading them and checking campaign lists against them.</summary>
public static class IndustryOptOutFeature
{
    public static IServiceCollection AddIndustryOptOut(this IServiceCollection services)
    {
        services.AddScoped<IndustryOptOuts>();
        return services;
    }
}
