using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;

namespace CustomerRegister.Vehicles;

/// <summary>Scrapping certificates and the owner's identity code.</summary>
public static class VehiclesFeature
{
    public static IServiceCollection AddVehiclesFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VehiclesOptions>().Bind(configuration.GetSection(VehiclesOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddScoped<ISubjectSection, VehiclesSection>();
        services.AddScoped<IdentityCodeExpiry>();
        services.AddScoped<CertificateQueries>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<RecordDeregistration>();
        services.AddScoped<ReceptionDesk>();
        services.AddScoped<CertificatePrints>();
        return services;
    }

    public static IEndpointRouteBuilder MapVehiclesFeature(this IEndpointRouteBuilder app) => app.MapVehicles();
}
