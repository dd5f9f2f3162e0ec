using CustomerRegister.Identity;
using CustomerRegister.Retention;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Catalog;

/// <summary>One category as the record of processing states it: uses, retention with the configured period, erasure, access.</summary>
public sealed record CatalogCategory(
    DataCategory Category,
    IReadOnlyList<DataUse> Uses,
    RetentionRule Retention,
    RetentionPeriod Period,
    ErasureAction Erasure,
    IReadOnlyList<string> ReadRoles,
    IReadOnlyList<string> WriteRoles,
    IReadOnlyList<string> RevealRoles,
    bool DisclosedToGroupCompanies,
    IReadOnlyList<CatalogField> Fields);

/// <summary>One purpose and the categories used for it, each with its legal basis.</summary>
public sealed record CatalogPurpose(string Purpose, IReadOnlyList<(DataCategory Category, LegalBasis Basis)> Categories);

/// <summary>The register's own record of processing (GDPR Art 30): what the catalogue page and <c>GET /api/catalog</c> show.</summary>
public sealed record CatalogRecord(
    IReadOnlyList<CatalogCategory> Categories,
    IReadOnlyList<CatalogPurpose> Purposes,
    IReadOnlyList<DataSource> Sources,
    IReadOnlyList<RetentionRule> Rules,
    IReadOnlyDictionary<string, RetentionPeriod> Periods);

/// <summary>
/// Reads the catalogue (<see cref="Categories"/>, the model's declarations, the roles' permissions and the configured
/// retention periods) into one record. Nothing is stored: the record is the code, as deployed.
/// </summary>
public sealed class CatalogDocument(RetentionDates dates)
{
    public CatalogRecord Build(IModel model)
    {
        var catalog = PersonalDataCatalog.Build(model);
        var categories = Categories.All.Select(c => new CatalogCategory(
            c, c.Uses, c.Retention, Words(c.Retention), c.Erasure,
            RolesWith(c.ReadPermission), RolesWith(c.WritePermission),
            c.RevealPermission is { } reveal ? RolesWith(reveal) : [],
            Recipients.GroupCompanies.Contains(c),
            [.. catalog.Fields.Where(f => f.Category == c)])).ToList();
        var purposes = Purposes.All.Select(p => new CatalogPurpose(p,
            [.. from c in Categories.All from u in c.Uses where u.Purpose == p select (c, u.Basis)])).ToList();
        var rules = Categories.All.Select(c => c.Retention).Append(RetentionRule.Prospect).Distinct().ToList();
        return new CatalogRecord(categories, purposes, Enum.GetValues<DataSource>(), rules,
            rules.ToDictionary(r => r.Id, Words));
    }

    /// <summary>The configured period, said in words without the name of the setting behind it.</summary>
    private RetentionPeriod Words(RetentionRule rule) => dates.PeriodOf(rule) with { Setting = null };

    private static IReadOnlyList<string> RolesWith(string permission) =>
        [.. Roles.PermissionsByRole.Where(r => r.Value.Contains(permission)).Select(r => r.Key)];
}
