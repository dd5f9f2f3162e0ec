using CustomerRegister.Catalog;

namespace CustomerRegister.Customers.Pages.Consumers;

/// <summary>The consumer form's fields as typed; the use case reads and checks them.</summary>
public sealed class ConsumerForm : IVersionedForm
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? BankAccount { get; set; }

    public DataSource? Source { get; set; }

    public long? Version { get; set; }

    public ConsumerRequest ToRequest() =>
        new(FirstName, LastName, Street, PostalCode, City, Phone, Email, string.IsNullOrWhiteSpace(BankAccount) ? null : BankAccount, Source, Version);

    public static ConsumerForm Of(Consumer c) => new()
    {
        FirstName = c.FirstName,
        LastName = c.LastName,
        Street = c.Street,
        PostalCode = c.PostalCode,
        City = c.City,
        Phone = Localization.Display.Phone(c.Phone),
        Email = c.Email,
        Source = c.Source,
        Version = c.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Form.Customer.FirstName", FirstName), ("Form.Customer.LastName", LastName), ("Field.Phone", Phone), ("Field.Email", Email),
        ("Form.Customer.Street", Street), ("Form.Customer.PostalCode", PostalCode), ("Form.Customer.City", City),
        ("Field.Source", Source is { } s ? Localization.UiText.Get("Source." + s) : null),
    ];
}
