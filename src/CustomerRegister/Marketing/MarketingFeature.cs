using CustomerRegister.Infrastructure;
using CustomerRegister.Marketing.Campaigns;
using CustomerRegister.Marketing.IndustryOptOut;
using CustomerRegister.Marketing.OptOut;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerRegister.Marketing;

/// <summary>Marketing permissions and prohibitions (the ledger), surveys, events and web events.</summary>
public static class MarketingFeature
{
    public static IServiceCollection AddMarketingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MarketingOptions>().Bind(configuration.GetSection(MarketingOptions.Section))
            .ValidateSettings(o => o.Invalid());
        services.AddScoped<ISubjectSection, MarketingSection>();
        services.AddSingleton<Subjects.Pages.Subjects.ISubjectBadges, Pages.Panels.MarketingPanel.Badges>();
        services.AddSingleton<IInterceptor, LedgerSupersededInterceptor>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<Surveys>();
        services.AddScoped<MarketingEvents>();
        services.AddScoped<EventInvitationJobs>();
        services.AddScoped<MarketingOverview>();
        services.AddScoped<WebEvents>();
        services.AddScoped<Campaigns.CampaignLists>();
        services.AddScoped<Campaigns.Campaigns>();
        services.AddOptOutFeature(configuration);
        services.AddIndustryOptOut();
        return services;
    }

    public static IEndpointRouteBuilder MapMarketingFeature(this IEndpointRouteBuilder app) =>
        app.MapMarketingConsents().MapSurveys().MapMarketingEvents().MapWebEvents().MapOptOut().MapIndustryOptOut().MapCampaigns();
}
