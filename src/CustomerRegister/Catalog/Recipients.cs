namespace CustomerRegister.Catalog;

/// <summary>
/// The regular recipients of notice § 8 and what each receives. The group companies (subsidiaries and associated
/// companies of the controller) receive the contact details they need to serve the same customer; nothing else is
/// disclosed to them. Their API key reads exactly these categories (<c>GET /api/group/subjects/{id}</c>).
/// </summary>
public static class Recipients
{
    public static IReadOnlyList<DataCategory> GroupCompanies { get; } =
        [Categories.Name, Categories.Email, Categories.Phone, Categories.Address];
}
