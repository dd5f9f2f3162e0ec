namespace CustomerRegister.Disclosures;

/// <summary>One company named in configuration: seeded into the registry at start when it is not there yet.</summary>
public sealed class ConfiguredRecipient
{
    public string Name { get; set; } = "";

    public string? BusinessId { get; set; }

    public string CountryCode { get; set; } = "FI";
}

/// <summary>
/// <c>Disclosures</c>: the group companies and collection agencies the registry starts with. After the first start the
/// registry is the one list (edited on <c>/recipients</c>); configuration only adds names it does not have yet.
/// </summary>
public sealed class DisclosuresOptions
{
    public const string Section = "Disclosures";

    public List<ConfiguredRecipient> GroupCompanies { get; set; } = [];

    public List<ConfiguredRecipient> CollectionAgencies { get; set; } = [];

    public string? Invalid() =>
        GroupCompanies.Concat(CollectionAgencies).FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) is not null
            ? "Disclosures: every recipient needs a name of at most 200 characters."
            : GroupCompanies.Concat(CollectionAgencies).FirstOrDefault(r => EeaCountries.Normalise(r.CountryCode) is null) is { } bad
                ? $"Disclosures: {bad.Name}'s CountryCode must be an ISO 3166-1 alpha-2 code."
                : null;
}
