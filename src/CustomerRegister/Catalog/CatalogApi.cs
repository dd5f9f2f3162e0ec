using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Catalog;

public sealed record CatalogUseResponse(string Purpose, LegalBasis Basis);

public sealed record CatalogRetentionResponse(string Rule, LocalText StartingEvent, LocalText Period, string Law);

public sealed record CatalogFieldResponse(string Table, string Column);

public sealed record CatalogCategoryResponse(
    string Id, LocalText Name, IReadOnlyList<CatalogUseResponse> Uses, CatalogRetentionResponse Retention, ErasureAction Erasure,
    IReadOnlyList<string> ReadRoles, IReadOnlyList<string> WriteRoles, bool Masked, IReadOnlyList<string> RevealRoles,
    bool DisclosedToGroupCompanies, IReadOnlyList<CatalogFieldResponse> Fields);

public sealed record CatalogCategoryUseResponse(string Category, LegalBasis Basis);

public sealed record CatalogPurposeResponse(string Id, LocalText Name, IReadOnlyList<CatalogCategoryUseResponse> Categories);

public sealed record CatalogResponse(
    IReadOnlyList<CatalogCategoryResponse> Categories, IReadOnlyList<CatalogPurposeResponse> Purposes, IReadOnlyList<DataSource> Sources);

/// <summary>The record of processing (<see cref="CatalogDocument"/>) for the catalogue page and <c>GET /api/catalog</c>.</summary>
public static class CatalogFeature
{
    public static IServiceCollection AddCatalogFeature(this IServiceCollection services) => services.AddSingleton<CatalogDocument>();

    public static IEndpointRouteBuilder MapCatalogFeature(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalog", (CatalogDocument document, RegisterDbContext db) => TypedResults.Ok(ToResponse(document.Build(db.Model))))
            .WithTags("Catalog").WithName("GetCatalog")
            .WithSummary("The personal-data catalogue: categories, purposes and bases, retention, erasure, who may read and write.")
            .RequirePermission(Permissions.CatalogRead);
        return app;
    }

    public static CatalogResponse ToResponse(CatalogRecord record) => new(
        [.. record.Categories.Select(c => new CatalogCategoryResponse(
            c.Category.Id, new LocalText(c.Category.NameFi, c.Category.NameSv, c.Category.NameEn),
            [.. c.Uses.Select(u => new CatalogUseResponse(u.Purpose, u.Basis))],
            new CatalogRetentionResponse(c.Retention.Id, c.Retention.StartingEvent, c.Period.Text, c.Retention.Law),
            c.Erasure, c.ReadRoles, c.WriteRoles, c.Category.Masked, c.RevealRoles, c.DisclosedToGroupCompanies,
            [.. c.Fields.Select(f => new CatalogFieldResponse(f.Table, f.Column))]))],
        [.. record.Purposes.Select(p => new CatalogPurposeResponse(p.Purpose,
            new LocalText(Purposes.Name(p.Purpose, "fi"), Purposes.Name(p.Purpose, "sv"), Purposes.Name(p.Purpose, "en")),
            [.. p.Categories.Select(c => new CatalogCategoryUseResponse(c.Category.Id, c.Basis))]))],
        record.Sources);
}
