using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", async (string? q, int? limit, SearchQueries search, CancellationToken ct) =>
                (await search.SearchAsync(q, limit ?? 20, ct)).ToOk())
            .WithTags("Search").RequirePermission(Permissions.CustomerRead)
            .WithName("SearchRegister").WithSummary(
                "Find people and organisations by name prefix, phone, email, business ID, customer, contract or registration number; a hit found by a number names it in codes.");
        return app;
    }
}
