using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;

namespace CustomerRegister.Billing;

/// <summary>Invoices, payments, collection cases and metal-credit payouts.</summary>
public static class BillingFeature
{
    public static IServiceCollection AddBillingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddScoped<ISubjectSection, BillingSection>();
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<BillingCustomers>();
        services.AddScoped<CreateInvoice>();
        services.AddScoped<CancelInvoice>();
        services.AddScoped<RecordPayment>();
        services.AddScoped<OpenCollectionCase>();
        services.AddScoped<CloseCollectionCase>();
        services.AddScoped<ExportCollectionCases>();
        services.AddScoped<ImportCollectionStatuses>();
        services.AddScoped<MetalCreditQueries>();
        services.AddScoped<PayMetalCredit>();
        return services;
    }

    public static IEndpointRouteBuilder MapBillingFeature(this IEndpointRouteBuilder app) => app.MapBilling().MapCollection();
}
