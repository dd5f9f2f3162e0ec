namespace CustomerRegister.Catalog;

/// <summary>A purpose an item serves, with the legal basis for that use.</summary>
public sealed record DataUse(string Purpose, LegalBasis Basis);

/// <summary>
/// One category of personal data (notice § 6): what it is used for and on which basis, how long it is kept, what
/// erasure does to it, who may read and write it, and whether it is shown masked. Properties of entities are
/// tied to a category in their EF configuration (<see cref="CatalogModelExtensions.IsPersonal{T}"/>), so every
/// declaration lives once, beside the mapping.
/// </summary>
public sealed record DataCategory(
    string Id,
    string NameFi,
    string NameSv,
    string NameEn,
    IReadOnlyList<DataUse> Uses,
    RetentionRule Retention,
    ErasureAction Erasure,
    string ReadPermission,
    string WritePermission,
    bool Masked = false,
    string? RevealPermission = null,
    bool Sensitive = false)
{
    public string Name(string culture) => culture switch
    {
        "sv" => NameSv,
        "en" => NameEn,
        _ => NameFi,
    };
}
