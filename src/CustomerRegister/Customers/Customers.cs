using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Subjects;

namespace CustomerRegister.Customers;

/// <summary>A customer organisation. Not a data subject — unless it is a sole trader, whose business data is personal.</summary>
public sealed class Organisation : IVersioned, IKeyedRow
{
    public Guid Id { get; set; }

    /// <summary>Set only for a sole trader: the person behind the business.</summary>
    public Guid? SubjectId { get; set; }

    public string Name { get; set; } = "";

    public string? BusinessId { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public bool IsSoleTrader { get; set; }

    public DataSource Source { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A contact person of a customer organisation (notice § 6: name, title and position, phone, email).</summary>
public sealed class ContactPerson : SubjectRecord, IVersioned
{
    public Guid OrganisationId { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string? Title { get; set; }

    public string? Position { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The Helsinki day the person's role at the organisation ended; their data is then kept for the profile period from it.</summary>
    public DateOnly? RoleEndedOn { get; set; }
}

/// <summary>A consumer customer: name, contact details and the bank account for metal credits (encrypted).</summary>
public sealed class Consumer : SubjectRecord, IVersioned
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The IBAN, encrypted with the key ring outside the database.</summary>
    public byte[]? BankAccountCipher { get; set; }

    /// <summary>Keyed hash of the IBAN for exact look-up; useless without the key.</summary>
    public byte[]? BankAccountLookup { get; set; }

    /// <summary>Masked form for display, e.g. <c>FI21 **** **** **07 85</c>.</summary>
    public string? BankAccountMasked { get; set; }
}
