using CustomerRegister.Subjects;

namespace CustomerRegister.Customers;

/// <summary>Consumers, organisations, their contact persons, relationships, contracts, services and contact history.</summary>
public static class CustomersFeature
{
    public static IServiceCollection AddCustomersFeature(this IServiceCollection services)
    {
        services.AddScoped<BankAccounts>();
        services.AddScoped<OrganisationViews>();
        services.AddScoped<ISubjectSection, RelationshipsSection>();
        services.AddScoped<ISubjectSection, ContactHistorySection>();
        services.AddScoped<ISubjectSection, FeedbackSection>();
        services.AddScoped<ISubjectSection, AdditionalInfoSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomersFeature(this IEndpointRouteBuilder app) =>
        app.MapConsumers().MapOrganisations().MapRelationships().MapCustomerHistory();
}
