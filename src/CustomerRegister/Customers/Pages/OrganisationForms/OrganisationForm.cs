using CustomerRegister.Catalog;

namespace CustomerRegister.Customers.Pages.OrganisationForms;

/// <summary>The organisation form's fields as typed.</summary>
public sealed class OrganisationForm : IVersionedForm
{
    public string? Name { get; set; }

    public string? BusinessId { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public bool IsSoleTrader { get; set; }

    public DataSource? Source { get; set; }

    public long? Version { get; set; }

    public OrganisationRequest ToRequest() => new(Name, BusinessId, Street, PostalCode, City, IsSoleTrader, Source, Version);

    public static OrganisationForm Of(Organisation o) => new()
    {
        Name = o.Name,
        BusinessId = o.BusinessId,
        Street = o.Street,
        PostalCode = o.PostalCode,
        City = o.City,
        IsSoleTrader = o.IsSoleTrader,
        Source = o.Source,
        Version = o.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Form.Customer.OrganisationName", Name), ("Field.BusinessId", BusinessId), ("Form.Customer.Street", Street),
        ("Form.Customer.PostalCode", PostalCode), ("Form.Customer.City", City),
        ("Form.Customer.IsSoleTrader", Localization.Display.YesNo(IsSoleTrader)),
        ("Field.Source", Source is { } s ? Localization.UiText.Get("Source." + s) : null),
    ];
}
