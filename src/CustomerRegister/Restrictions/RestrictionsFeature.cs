using CustomerRegister.Subjects;

namespace CustomerRegister.Restrictions;

/// <summary>Restriction of processing (Art 18) and objections (Art 21).</summary>
public static class RestrictionsFeature
{
    public static IServiceCollection AddRestrictionsFeature(this IServiceCollection services)
    {
        services.AddScoped<ProcessingLimits>();
        services.AddScoped<RestrictionHandling>();
        services.AddScoped<ISubjectSection, ProcessingLimitsSection>();
        services.AddSingleton<Subjects.Pages.Subjects.ISubjectBadges, Pages.Panels.ProcessingLimitBadges>();
        return services;
    }

    public static IEndpointRouteBuilder MapRestrictionsFeature(this IEndpointRouteBuilder app) =>
        app.MapRestrictions();
}
