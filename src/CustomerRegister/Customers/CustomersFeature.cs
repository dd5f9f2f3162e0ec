using CustomerRegister.Subjects;

namespace CustomerRegister.Customers;

/// <summary>Consumers, organisations, their contact persons, relationships, contracts, services and contact history.</summary>
public static class CustomersFeature
{
    public static IServiceCollection AddCustomersFeature(this IServiceCollection services)
    {
        services.AddScoped<BankAccounts>();
        services.AddScoped<ConsumerQueries>();
        services.AddScoped<CustomerFormQueries>();
        services.AddScoped<CreateConsumer>();
        services.AddScoped<UpdateConsumer>();
        services.AddScoped<SetBankAccount>();

        services.AddScoped<OrganisationQueries>();
        services.AddScoped<CreateOrganisation>();
        services.AddScoped<UpdateOrganisation>();
        services.AddScoped<CreateContactPerson>();
        services.AddScoped<UpdateContactPerson>();

        services.AddScoped<RelationshipQueries>();
        services.AddScoped<CreateRelationship>();
        services.AddScoped<UpdateRelationship>();
        services.AddScoped<EndRelationship>();
        services.AddScoped<CreateContract>();
        services.AddScoped<UpdateContract>();
        services.AddScoped<OrderService>();
        services.AddScoped<UpdateService>();
        services.AddScoped<RecordServiceEvent>();

        services.AddScoped<CustomerHistoryQueries>();
        services.AddScoped<SubjectRecordWrites>();
        services.AddScoped<RecordContactHistory>();
        services.AddScoped<RecordFeedback>();
        services.AddScoped<RecordAdditionalInfo>();
        services.AddScoped<WithdrawConsent>();
        services.AddScoped<RecentCustomerWork>();

        services.AddScoped<ISubjectSection, RelationshipsSection>();
        services.AddScoped<ISubjectSection, ContactHistorySection>();
        services.AddScoped<ISubjectSection, FeedbackSection>();
        services.AddScoped<ISubjectSection, AdditionalInfoSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomersFeature(this IEndpointRouteBuilder app) =>
        app.MapConsumers().MapOrganisations().MapRelationships().MapCustomerHistory();
}
