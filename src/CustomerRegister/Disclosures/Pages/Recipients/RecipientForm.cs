using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Customers.Pages;
using CustomerRegister.Localization;

namespace CustomerRegister.Disclosures.Pages.Recipients;

/// <summary>The recipient form's fields as typed (new and edit).</summary>
public sealed class RecipientForm : IVersionedForm
{
    public string? Name { get; set; }

    public string? BusinessId { get; set; }

    public string? CountryCode { get; set; } = "FI";

    public RecipientKind? Kind { get; set; }

    public RecipientRole? Role { get; set; }

    public LegalBasis? LegalBasis { get; set; }

    public List<string> CategoryKeys { get; set; } = [];

    public TransferSafeguard? Safeguard { get; set; } = TransferSafeguard.None;

    public string? SafeguardDetails { get; set; }

    public string? NotificationEmail { get; set; }

    public long? Version { get; set; }

    public RecipientInput ToInput() =>
        new(Name, BusinessId, CountryCode, Kind, Role, LegalBasis, CategoryKeys, Safeguard, SafeguardDetails, Version, NotificationEmail);

    public static RecipientForm Of(Recipient r) => new()
    {
        Name = r.Name,
        BusinessId = r.BusinessId,
        CountryCode = r.CountryCode,
        Kind = r.Kind,
        Role = r.Role,
        LegalBasis = r.LegalBasis,
        CategoryKeys = [.. r.Categories],
        Safeguard = r.Safeguard,
        SafeguardDetails = r.SafeguardDetails,
        NotificationEmail = r.NotificationEmail,
        Version = r.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Disclosures.Form.Name", Name), ("Disclosures.Form.BusinessId", BusinessId), ("Disclosures.Form.Country", CountryCode),
        ("Disclosures.Form.Kind", Kind is { } k ? Display.Enum(k) : null), ("Disclosures.Form.Role", Role is { } r ? Display.Enum(r) : null),
        ("Disclosures.Form.Basis", LegalBasis is { } b ? Display.Enum(b) : null),
        ("Disclosures.Form.Categories", RecipientWords.Categories(CategoryKeys)),
        ("Disclosures.Form.Safeguard", Safeguard is { } s ? Display.Enum(s) : null), ("Disclosures.Form.SafeguardDetails", SafeguardDetails),
        ("Disclosures.Form.NotificationEmail", NotificationEmail),
    ];
}

/// <summary>A recipient's values in words for the pages, in the page's language.</summary>
public static class RecipientWords
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The categories' names, comma-separated, in catalogue order.</summary>
    public static string Categories(IEnumerable<string> keys)
    {
        var set = keys.ToHashSet(StringComparer.Ordinal);
        return string.Join(", ", Catalog.Categories.All.Where(c => set.Contains(c.Id)).Select(c => c.Name(Language)));
    }

    public static string CategoryName(DataCategory category) => category.Name(Language);

    public static string Purpose(string purpose) => Purposes.Name(purpose, Language);

    /// <summary>"SE · EU/ETA" or "US · EU:n ja ETA:n ulkopuolella".</summary>
    public static string Country(string code) =>
        $"{code} · {UiText.Get(EeaCountries.Contains(code) ? "Disclosures.Country.Eea" : "Disclosures.Country.Outside")}";

    public static string State(Recipient r) =>
        r.EndedAt is { } ended ? UiText.Format("Disclosures.State.Ended", Display.Date(ended)) : UiText.Get("Disclosures.State.Active");

    public static string Safeguard(Recipient r) =>
        r.Safeguard == TransferSafeguard.None ? Display.Enum(r.Safeguard) : $"{Display.Enum(r.Safeguard)}: {r.SafeguardDetails}";
}
