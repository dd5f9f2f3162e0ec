using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Identity;

public sealed record NewApiClient(string? Name, IReadOnlyList<string>? Permissions, Guid? RecipientId = null);

/// <summary>A created client and its key, returned this once; only the key's hash is kept.</summary>
public sealed record CreatedApiClient(ApiClient Client, string ApiKey);

/// <summary>
/// Integration clients and their keys: creating, revoking and approving them, each audited with the permissions it
/// grants or takes away. A key beyond <see cref="Permissions.Integration"/> is created pending and signs in only after
/// a DPO other than its creator approves it.
/// </summary>
public sealed class ApiClientAdministration(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly LocalText PermissionRequired = new(
        "Vähintään yksi oikeus on pakollinen.",
        "Minst en behörighet krävs.",
        "At least one permission is required.");

    private static readonly LocalText UnknownPermissions = new(
        "Tuntemattomia oikeuksia: {0}.",
        "Okända behörigheter: {0}.",
        "Unknown permission(s): {0}.");

    private static readonly LocalText NoSuchRecipient = new(
        "Valitse rekisteristä voimassa oleva vastaanottaja.",
        "Välj en aktiv mottagare ur registret.",
        "Choose an active recipient from the registry.");

    private static readonly LocalText RecipientOnlyForGroupRead = new(
        "Vastaanottaja valitaan vain avaimelle, jolla on konserniyhtiön luku.",
        "Mottagare väljs bara för en nyckel med koncernbolagets läsning.",
        "A recipient is chosen only for a key with the group company read.");

    private static readonly LocalText Revoked = new(
        "Avain on peruttu.",
        "Nyckeln är återkallad.",
        "The key is revoked.");

    private static readonly LocalText NoApprovalPending = new(
        "Avain on jo hyväksytty tai ei tarvitse hyväksyntää.",
        "Nyckeln är redan godkänd eller behöver inget godkännande.",
        "The key is approved or needs no approval.");

    public Task<List<ApiClient>> ListAsync(CancellationToken ct) =>
        db.Set<ApiClient>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    /// <summary>The keys waiting for the DPO's approval (not revoked), oldest first.</summary>
    public async Task<List<ApiClient>> PendingAsync(CancellationToken ct) =>
        (await db.Set<ApiClient>().AsNoTracking().Where(c => c.RevokedAt == null && c.ApprovedAt == null).OrderBy(c => c.CreatedAt).ToListAsync(ct))
            .Where(c => c.IsPending).ToList();

    public async Task<Outcome<CreatedApiClient>> CreateAsync(NewApiClient input, Guid? creator, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("name", input.Name, 200);
        if (input.Permissions is not { Count: > 0 })
        {
            errors.Add("permissions", PermissionRequired);
        }
        else if (input.Permissions.Where(p => !Permissions.IsKnown(p)).ToList() is { Count: > 0 } unknown)
        {
            errors.Add("permissions", UnknownPermissions.Format(string.Join(", ", unknown)));
        }

        if (input.RecipientId is { } recipientId)
        {
            if (input.Permissions?.Contains(Permissions.GroupCompanyRead) != true)
            {
                errors.Add("recipientId", RecipientOnlyForGroupRead);
            }
            else if (!await db.Set<Disclosures.Recipient>().AnyAsync(r => r.Id == recipientId && r.EndedAt == null, ct))
            {
                errors.Add("recipientId", NoSuchRecipient);
            }
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var (key, prefix, hash) = ApiKeyAuthentication.NewKey();
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(),
            Name = input.Name!.Trim(),
            KeyPrefix = prefix,
            KeyHash = hash,
            Permissions = string.Join(' ', input.Permissions!.Distinct()),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = creator ?? Guid.Empty,
            RecipientId = input.RecipientId,
        };
        db.Set<ApiClient>().Add(client);
        audit.Add(new AuditEntry("client.create", Purposes.Administration, EntityType: "api_client",
            EntityId: client.Id.ToString(), Fields: input.RecipientId is null ? ["name", "permissions"] : ["name", "permissions", "recipient_id"], Grants: client.PermissionList));
        await db.SaveChangesAsync(ct);
        return new CreatedApiClient(client, key);
    }

    public async Task<Outcome<ApiClient>> RevokeAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<ApiClient>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } client)
        {
            return Outcome.Missing;
        }

        client.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        audit.Add(new AuditEntry("client.revoke", Purposes.Administration, EntityType: "api_client",
            EntityId: client.Id.ToString(), Fields: ["revoked_at"], Grants: client.PermissionList.Select(p => "-" + p)));
        await db.SaveChangesAsync(ct);
        return client;
    }

    /// <summary>
    /// Approves a pending key. The key's creator (or a caller without a user id) is refused with
    /// <see cref="ForbiddenException"/>, audited as denied; a revoked key or one that needs no approval is a conflict
    /// on its <c>state</c>.
    /// </summary>
    public async Task<Outcome<ApiClient>> ApproveAsync(Guid id, Guid? approver, CancellationToken ct)
    {
        if (await db.Set<ApiClient>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } client)
        {
            return Outcome.Missing;
        }

        if (approver is null || approver == client.CreatedBy)
        {
            await audit.WriteAsync(new AuditEntry("client.approve", Purposes.Administration, EntityType: "api_client",
                EntityId: client.Id.ToString(), Outcome: "denied"), ct);
            throw new ForbiddenException("A key is approved by a data protection officer other than the one who created it.");
        }

        if (client.RevokedAt is not null || !client.IsPending)
        {
            return Outcome.Conflict("state", client.RevokedAt is not null ? Revoked : NoApprovalPending);
        }

        client.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        client.ApprovedBy = approver;
        audit.Add(new AuditEntry("client.approve", Purposes.Administration, EntityType: "api_client",
            EntityId: client.Id.ToString(), Fields: ["approved_at"], Grants: client.PermissionList));
        await db.SaveChangesAsync(ct);
        return client;
    }
}
