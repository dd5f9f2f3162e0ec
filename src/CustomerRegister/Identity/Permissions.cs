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

    /// <summary>Sends web-behaviour events (the website's key; staff who write marketing data).</summary>
    public const string WebEventWrite = "WebEvent.Write";

    /// <summary>A group company's read of what notice § 8 discloses to it (<see cref="Catalog.Recipients.GroupCompanies"/>).</summary>
    public const string GroupCompanyRead = "GroupCompany.Read";

    /// <summary>Approves an API key that carries more than <see cref="Integration"/>: the DPO, never the key's creator.</summary>
    public const string ApiClientApprove = "ApiClient.Approve";

    /// <summary>Releases a legal hold: the DPO only.</summary>
    public const string LegalHoldRelease = "LegalHold.Release";

    /// <summary>Changes an existing production unit, and with it its CCTV period: the DPO only.</summary>
    public const string RecordingConfigure = "Recording.Configure";

    /// <summary>Adds, changes and ends recipients in the registry (<c>Disclosures/</c>, notice § 8): the DPO and the administrator.</summary>
    public const string RecipientManage = "Recipient.Manage";

    /// <summary>
    /// Brings people in from a file (<c>Imports/</c>, notice § 7), each with its source and provenance and under every kept
    /// ban: customer service, marketing (prospecting lists) and the DPO. It writes only through the import's checks.
    /// </summary>
    public const string ImportRun = "Import.Run";

    public static readonly IReadOnlyList<string> All =
    [
        AccountSelf, CustomerRead, CustomerWrite, IdentityCodeReveal, BankAccountReveal,
        MarketingRead, MarketingWrite, BillingRead, BillingWrite, VehicleRead, VehicleWrite,
        RecordingRead, RecordingUpload, RequestRead, RequestHandle, RetentionRead, RetentionRun,
        AuditRead, UsersManage, CatalogRead, RestrictedRead, WebEventWrite, GroupCompanyRead, ApiClientApprove,
        LegalHoldRelease, RecordingConfigure, RecipientManage, ImportRun,
    ];

    /// <summary>
    /// What an integration's API key may carry without approval: recording upload (telephony), web events (website) and a
    /// group company's scoped read. A key with any other permission waits for the DPO's approval before it signs in.
    /// </summary>
    public static readonly IReadOnlySet<string> Integration = new HashSet<string>(StringComparer.Ordinal)
    {
        RecordingUpload, WebEventWrite, GroupCompanyRead,
    };

    /// <summary>True when a key with these permissions must be approved by the DPO before it is used.</summary>
    public static bool NeedApproval(IEnumerable<string> permissions) => permissions.Any(p => !Integration.Contains(p));

    public static bool IsKnown(string permission) => All.Contains(permission, StringComparer.Ordinal);

    /// <summary>Authorization policy name for a permission; every permission is its own policy.</summary>
    public static string Policy(string permission) => PolicyPrefix + permission;

    public const string PolicyPrefix = "perm:";

    /// <summary>Claim type carried by API-client principals (users get theirs from roles).</summary>
    public const string ClaimType = "permission";
}
