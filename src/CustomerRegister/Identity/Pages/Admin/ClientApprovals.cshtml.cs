using CustomerRegister.Audit;
using CustomerRegister.Customers.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Admin;

/// <summary>
/// The DPO approves keys beyond the integration permissions (GET /api/clients/pending, POST /api/clients/{id}/approve);
/// never the key's creator.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.ApiClientApprove)]
public sealed class ClientApprovalsModel(ApiClientAdministration clients) : PageModel
{
    public IReadOnlyList<ApiClient> Pending { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Pending = await clients.PendingAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Infrastructure.Outcome<ApiClient> outcome;
        try
        {
            outcome = await clients.ApproveAsync(id, AuditLog.Actor(User).Id, ct);
        }
        catch (ForbiddenException)
        {
            return await RefuseAsync(UiText.Get("Admin.Clients.OwnApproval"), StatusCodes.Status403Forbidden, ct);
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Conflict is { } conflict)
        {
            return await RefuseAsync(conflict.Message.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
                StatusCodes.Status409Conflict, ct);
        }

        TempData[FormNotice.Key] = UiText.Format("Admin.Clients.Approved", outcome.Value!.Name);
        return Redirect("/admin/clients/approvals");
    }

    private async Task<IActionResult> RefuseAsync(string why, int status, CancellationToken ct)
    {
        Refusal = why;
        Response.StatusCode = status;
        Pending = await clients.PendingAsync(ct);
        return Page();
    }
}
