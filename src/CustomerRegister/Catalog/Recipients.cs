namespace CustomerRegister.Catalog;

/// <summary>
/// The regular recipients of notice § 8 and what each kind receives. The group companies (subsidiaries and associated
/// companies of the controller) receive the contact details they need to serve the same customer; nothing else is
/// disclosed to them. A collection agency receives what collecting an unpaid invoice needs. The registry
/// (<c>Disclosures/Recipient</c>) holds the companies themselves: a group company's row always carries exactly
/// <see cref="GroupCompanies"/> (the registry reads it, at start and on every save); an agency starts with
/// <see cref="CollectionAgency"/>, and the controller may widen it where the agency's basis allows (the identity code).
/// </summary>
public static class Recipients
{
    public static IReadOnlyList<DataCategory> GroupCompanies { get; } =
        [Categories.Name, Categories.Email, Categories.Phone, Categories.Address];

    public static IReadOnlyList<DataCategory> CollectionAgency { get; } =
        [Categories.Name, Categories.Address, Categories.Invoice, Categories.Payment, Categories.Collection];
}
