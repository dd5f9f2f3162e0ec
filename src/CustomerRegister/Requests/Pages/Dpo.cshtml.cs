using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Requests.Pages;

/// <summary>The DPO's desk (<c>/dpo</c>): the same <see cref="DpoDashboard"/> as <c>GET /api/dpo/desk</c>; each figure links to its list.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class DpoModel(DpoDashboard dashboard, FailedMails failed, StaffNames staff, Access access) : PageModel
{
    public DpoDesk Desk { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> Staff { get; private set; } = new Dictionary<Guid, string>();

    public bool MayReadRetention { get; private set; }

    public bool MayReadAudit { get; private set; }

    [TempData(Key = DpoPages.NoticeKey)]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Desk = await dashboard.GetAsync(ct);
        Staff = await staff.OfAsync(Desk.FirstDue.Select(i => i.Request.AssignedTo), ct);
        MayReadRetention = await access.HasAsync(Permissions.RetentionRead);
        MayReadAudit = await access.HasAsync(Permissions.AuditRead);
    }

    /// <summary>Sends an undelivered letter again (after the address or the mail server was fixed).</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid mailId, CancellationToken ct)
    {
        var outcome = await failed.RetryAsync(mailId, ct);
        Notice = Localization.UiText.Get(outcome.IsOk ? "Dpo.Letters.Retried" : "Dpo.Letters.Gone");
        return Redirect("/dpo#letters");
    }
}
