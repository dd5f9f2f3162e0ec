using CustomerRegister.Catalog;

namespace CustomerRegister.Customers.Pages.Contacts;

/// <summary>The contact person form's fields as typed.</summary>
public sealed class ContactForm : IVersionedForm
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Title { get; set; }

    public string? Position { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public DataSource? Source { get; set; }

    public DateOnly? RoleEndedOn { get; set; }

    public long? Version { get; set; }

    public ContactPersonRequest ToRequest() => new(FirstName, LastName, Title, Position, Phone, Email, Source, Version, RoleEndedOn);

    public static ContactForm Of(ContactPerson c) => new()
    {
        FirstName = c.FirstName,
        LastName = c.LastName,
        Title = c.Title,
        Position = c.Position,
        Phone = Localization.Display.Phone(c.Phone),
        Email = c.Email,
        Source = c.Source,
        RoleEndedOn = c.RoleEndedOn,
        Version = c.Version,
    };

    public IEnumerable<(string LabelKey, string? Shown)> Shown() =>
    [
        ("Form.Customer.FirstName", FirstName), ("Form.Customer.LastName", LastName), ("Form.Customer.Title", Title),
        ("Form.Customer.Position", Position), ("Field.Phone", Phone), ("Field.Email", Email),
        ("Form.Customer.RoleEndedOn", Localization.Display.Date(RoleEndedOn)),
        ("Field.Source", Source is { } s ? Localization.UiText.Get("Source." + s) : null),
    ];
}
