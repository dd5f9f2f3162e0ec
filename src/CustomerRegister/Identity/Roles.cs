namespace CustomerRegister.Identity;

/// <summary>
/// The roles of the controller's staff and what each may do. This one table is the truth:
/// the README shows it and a test keeps the two equal.
/// </summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string DataProtectionOfficer = "DataProtectionOfficer";
    public const string CustomerService = "CustomerService";
    public const string Marketing = "Marketing";
    public const string Billing = "Billing";
    public const string VehicleReception = "VehicleReception";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> PermissionsByRole =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            [Administrator] = Set(
                Permissions.AccountSelf, Permissions.UsersManage, Permissions.CatalogRead,
                Permissions.RetentionRead, Permissions.RetentionRun, Permissions.RecipientManage),
            [DataProtectionOfficer] = Set(
                Permissions.AccountSelf, Permissions.CustomerRead, Permissions.CustomerWrite,
                Permissions.IdentityCodeReveal, Permissions.BankAccountReveal,
                Permissions.MarketingRead, Permissions.MarketingWrite, Permissions.BillingRead, Permissions.VehicleRead,
                Permissions.RecordingRead, Permissions.RequestRead, Permissions.RequestHandle,
                Permissions.RetentionRead, Permissions.RetentionRun, Permissions.AuditRead, Permissions.CatalogRead,
                Permissions.RestrictedRead, Permissions.WebEventWrite, Permissions.ApiClientApprove,
                Permissions.LegalHoldRelease, Permissions.RecordingConfigure, Permissions.RecipientManage, Permissions.ImportRun),
            [CustomerService] = Set(
                Permissions.AccountSelf, Permissions.CustomerRead, Permissions.CustomerWrite,
                Permissions.MarketingRead, Permissions.MarketingWrite, Permissions.BillingRead,
                Permissions.RecordingRead, Permissions.RequestRead, Permissions.WebEventWrite, Permissions.ImportRun),
            [Marketing] = Set(
                Permissions.AccountSelf, Permissions.CustomerRead, Permissions.MarketingRead, Permissions.MarketingWrite,
                Permissions.WebEventWrite, Permissions.ImportRun),
            [Billing] = Set(
                Permissions.AccountSelf, Permissions.CustomerRead, Permissions.BillingRead, Permissions.BillingWrite,
                Permissions.BankAccountReveal),
            [VehicleReception] = Set(
                Permissions.AccountSelf, Permissions.CustomerRead, Permissions.CustomerWrite,
                Permissions.VehicleRead, Permissions.VehicleWrite, Permissions.IdentityCodeReveal,
                Permissions.BankAccountReveal, Permissions.BillingWrite),
            [Auditor] = Set(
                Permissions.AccountSelf, Permissions.AuditRead, Permissions.CatalogRead, Permissions.RetentionRead),
        };

    public static IReadOnlyList<string> All { get; } = [.. PermissionsByRole.Keys];

    public static bool IsKnown(string role) => PermissionsByRole.ContainsKey(role);

    public static bool Grants(IEnumerable<string> roles, string permission) =>
        roles.Any(r => PermissionsByRole.TryGetValue(r, out var p) && p.Contains(permission));

    private static HashSet<string> Set(params string[] permissions)
    {
        foreach (var p in permissions)
        {
            if (!Permissions.IsKnown(p))
            {
                throw new InvalidOperationException($"Unknown permission {p}");
            }
        }

        return new HashSet<string>(permissions, StringComparer.Ordinal);
    }
}
