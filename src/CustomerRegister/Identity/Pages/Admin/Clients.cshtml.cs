using CustomerRegister.Audit;
using CustomerRegister.Customers.Pages;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Admin;

/// <summary>
/// Integration clients and their keys: the list, a new key with its scope (shown this once), and revoking one — the
/// use cases of GET/POST /api/clients and POST /api/clients/{id}/revoke.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.UsersManage)]
public sealed class ClientsModel(ApiClientAdministration clients, Disclosures.RecipientQueries recipients) : PageModel
{
    private const string PendingKey = "Admin.SecretPending";

    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];

    /// <summary>The registry's recipients (ended ones too, to name an old key's), for the group company key's choice.</summary>
    public IReadOnlyList<Disclosures.Recipient> Recipients { get; private set; } = [];

    public IReadOnlyList<string> IntegrationPermissions { get; } =
        [.. Permissions.All.Where(Permissions.Integration.Contains)];

    /// <summary>Every other permission a key may carry; it waits for the DPO's approval.</summary>
    public IReadOnlyList<string> OtherPermissions { get; } =
        [.. Permissions.All.Where(p => !Permissions.Integration.Contains(p) && p != Permissions.AccountSelf)];

    /// <summary>The key just created, shown this once.</summary>
    public string? NewKey { get; private set; }

    public bool NewKeyPending { get; private set; }

    [BindProperty]
    public ClientInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TempData[AdminDisplay.SecretKey] is string key)
        {
            NewKey = key;
            NewKeyPending = TempData[PendingKey] is true;
            Response.Headers.CacheControl = "no-store";
        }

        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Clients = await clients.ListAsync(ct);
        Recipients = await recipients.ListAsync(includeEnded: true, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await clients.CreateAsync(new NewApiClient(Input.Name, Input.Permissions, Input.RecipientId), AuditLog.Actor(User).Id, ct);
        if (!ModelState.Show(outcome))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        var created = outcome.Value!;
        TempData[FormNotice.Key] = UiText.Format("Admin.Clients.Created", created.Client.Name);
        TempData[AdminDisplay.SecretKey] = created.ApiKey;
        TempData[PendingKey] = created.Client.IsPending;
        return Redirect("/admin/clients");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if ((await clients.RevokeAsync(id, ct)).Value is not { } client)
        {
            return NotFound();
        }

        TempData[FormNotice.Key] = UiText.Format("Admin.Clients.Revoked", client.Name);
        return Redirect("/admin/clients");
    }

    public sealed class ClientInput
    {
        public string? Name { get; set; }

        public List<string> Permissions { get; set; } = [];

        public Guid? RecipientId { get; set; }
    }
}
