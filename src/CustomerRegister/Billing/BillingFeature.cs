using CustomerRegister.Subjects;

namespace CustomerRegister.Billing;

/// <summary>Invoices, payments, collection cases and metal-credit payouts.</summary>
public static class BillingFeature
{
    public static IServiceCollection AddBillingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section))
            .Validate(o => o.IsValid(), "Billing: FinancialYearEndMonth/Day must be a real date; VoucherRetentionYears at least 6.")
            .ValidateOnStart();
        services.AddScoped<ISubjectSection, BillingSection>();
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<CreateInvoice>();
        services.AddScoped<CancelInvoice>();
        services.AddScoped<RecordPayment>();
        services.AddScoped<OpenCollectionCase>();
        services.AddScoped<CloseCollectionCase>();
        services.AddScoped<MetalCreditQueries>();
        services.AddScoped<PayMetalCredit>();
        return services;
    }

    public static IEndpointRouteBuilder MapBillingFeature(this IEndpointRouteBuilder app) => app.MapBilling();
}
