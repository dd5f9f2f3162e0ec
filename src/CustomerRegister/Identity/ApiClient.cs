namespace CustomerRegister.Identity;

/// <summary>
/// An integration client (telephony, web forms, group companies) that calls the API with a key.
/// Only a SHA-256 hash of the secret is stored; the key itself is shown once, at creation.
/// </summary>
public sealed class ApiClient
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Public part of the key, used to find the client without scanning hashes.</summary>
    public string KeyPrefix { get; set; } = "";

    public byte[] KeyHash { get; set; } = [];

    /// <summary>Permissions this client is scoped to, space-separated.</summary>
    public string Permissions { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>When the DPO approved a key that carries more than the integration permissions.</summary>
    public DateTime? ApprovedAt { get; set; }

    /// <summary>The approving DPO: never the creator.</summary>
    public Guid? ApprovedBy { get; set; }

    /// <summary>
    /// The registered recipient (<c>Disclosures/Recipient</c>) a group company's key reads for: it receives only that
    /// recipient's categories, each read logged as a disclosure. Null for keys that disclose nothing.
    /// </summary>
    public Guid? RecipientId { get; set; }

    public IReadOnlyList<string> PermissionList =>
        Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A key beyond <see cref="Identity.Permissions.Integration"/> that the DPO has not approved: it does not sign in.</summary>
    public bool IsPending => ApprovedAt is null && Identity.Permissions.NeedApproval(PermissionList);
}
