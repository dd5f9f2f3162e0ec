namespace CustomerRegister.Identity;

/// <summary>Fine-grained permissions. Endpoints declare one of these; roles and API clients are granted them.</summary>
public static class Permissions
{
    public const string AccountSelf = "Account.Self";
    public const string CustomerRead = "Customer.Read";
    public const string CustomerWrite = "Customer.Write";
    public const string IdentityCodeReveal = "IdentityCode.Reveal";
    public const string BankAccountReveal = "BankAccount.Reveal";
    public const string MarketingRead = "Marketing.Read";
    public const string MarketingWrite = "Marketing.Write";
    public const string BillingRead = "Billing.Read";
    public const string BillingWrite = "Billing.Write";
    public const string VehicleRead = "Vehicle.Read";
    public const string VehicleWrite = "Vehicle.Write";
    public const string RecordingRead = "Recording.Read";
    public const string RecordingUpload = "Recording.Upload";
    public const string RequestRead = "Request.Read";
    public const string RequestHandle = "Request.Handle";
    public const string RetentionRead = "Retention.Read";
    public const string RetentionRun = "Retention.Run";
    public const string AuditRead = "Audit.Read";
    public const string UsersManage = "Users.Manage";
    public const string CatalogRead = "Catalog.Read";

    /// <summary>Finds and reads people whose processing is restricted (Art 18): the DPO only.</summary>
    public const string RestrictedRead = "Restricted.Read";

    public static readonly IReadOnlyList<string> All =
    [
        AccountSelf, CustomerRead, CustomerWrite, IdentityCodeReveal, BankAccountReveal,
        MarketingRead, MarketingWrite, BillingRead, BillingWrite, VehicleRead, VehicleWrite,
        RecordingRead, RecordingUpload, RequestRead, RequestHandle, RetentionRead, RetentionRun,
        AuditRead, UsersManage, CatalogRead, RestrictedRead,
    ];

    public static bool IsKnown(string permission) => All.Contains(permission, StringComparer.Ordinal);

    /// <summary>Authorization policy name for a permission; every permission is its own policy.</summary>
    public static string Policy(string permission) => PolicyPrefix + permission;

    public const string PolicyPrefix = "perm:";

    /// <summary>Claim type carried by API-client principals (users get theirs from roles).</summary>
    public const string ClaimType = "permission";
}
