namespace CustomerRegister.Search;

/// <summary>Search across the register by name, phone, email and numbers, within the caller's read permissions.</summary>
public static class SearchFeature
{
    public static IServiceCollection AddSearchFeature(this IServiceCollection services)
    {
        services.AddScoped<SearchQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearchFeature(this IEndpointRouteBuilder app) =>
        app.MapSearch();
}
