using CustomerRegister.Data;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Disclosures;

/// <summary>The recipients registry and the one disclosure path (notice § 8, Art 19).</summary>
public static class DisclosuresFeature
{
    public static IServiceCollection AddDisclosuresFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DisclosuresOptions>().Bind(configuration.GetSection(DisclosuresOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddScoped<DiscloseData>();
        services.AddScoped<RecipientQueries>();
        services.AddScoped<RecipientAdministration>();
        services.AddScoped<RecipientNotifications>();
        services.AddSingleton<Requests.IMailDelivered, RecipientNotifications.Delivered>();
        services.AddScoped<Subjects.ISubjectSection, DisclosuresSection>();
        services.AddScoped<IStartupStep, RecipientSeeding>();
        return services;
    }

    public static IEndpointRouteBuilder MapDisclosuresFeature(this IEndpointRouteBuilder app) => app.MapRecipients().MapRecipientNotifications();
}
