using CustomerRegister.Subjects;

namespace CustomerRegister.Vehicles;

/// <summary>Scrapping certificates and the owner's identity code.</summary>
public static class VehiclesFeature
{
    public static IServiceCollection AddVehiclesFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VehiclesOptions>().Bind(configuration.GetSection(VehiclesOptions.Section))
            .Validate(o => o.Invalid() is null, "Vehicles:IdentityCodeDays must be 1–365 (see README).").ValidateOnStart();
        services.AddScoped<ISubjectSection, VehiclesSection>();
        services.AddScoped<IdentityCodeExpiry>();
        services.AddScoped<CertificateQueries>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<RecordDeregistration>();
        return services;
    }

    public static IEndpointRouteBuilder MapVehiclesFeature(this IEndpointRouteBuilder app) => app.MapVehicles();
}
