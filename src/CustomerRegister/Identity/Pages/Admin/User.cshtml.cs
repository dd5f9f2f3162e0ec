using CustomerRegister.Audit;
using CustomerRegister.Customers.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Admin;

/// <summary>
/// One staff account: its roles, disabling and enabling it, and resetting its second factor — the use cases of
/// PUT /api/users/{id}/roles, POST …/disable, …/enable and …/two-factor/reset. A refusal (own account, last
/// administrator) is said in words above the forms.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.UsersManage)]
public sealed class UserModel(UserQueries queries, UserAdministration administration) : PageModel
{
    public UserResponse? Account { get; private set; }

    public IReadOnlyList<string> Granted { get; private set; } = [];

    /// <summary>The one-time password of an account just created, shown this once.</summary>
    public string? OneTimePassword { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // TempData gives a stored Guid back as a Guid, so compare the text.
        if (TempData[AdminDisplay.SecretForKey]?.ToString() == id.ToString())
        {
            OneTimePassword = TempData[AdminDisplay.SecretKey] as string;
            Response.Headers.CacheControl = "no-store";
        }

        return await ShowAsync(id, null, ct);
    }

    public Task<IActionResult> OnPostRolesAsync(Guid id, string[]? roles, CancellationToken ct) =>
        ChangeAsync(id, "Admin.User.RolesSaved", () => administration.SetRolesAsync(id, roles ?? [], Me, ct), ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, "Admin.User.Disabled", () => administration.SetDisabledAsync(id, true, Me, ct), ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, "Admin.User.Enabled", () => administration.SetDisabledAsync(id, false, Me, ct), ct);

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, "Admin.User.ResetDone", () => administration.ResetTwoFactorAsync(id, Me), ct);

    private Guid Me => AuditLog.Actor(User).Id ?? Guid.Empty;

    private async Task<IActionResult> ChangeAsync(Guid id, string done, Func<Task<AppUser>> change, CancellationToken ct)
    {
        try
        {
            await change();
            TempData[FormNotice.Key] = UiText.Get(done);
            return Redirect($"/admin/users/{id}");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return await ShowAsync(id, done == "Admin.User.ResetDone" ? "Admin.User.OwnReset" : "Admin.User.OwnRoles", ct);
        }
        catch (ConflictException)
        {
            return await ShowAsync(id, id == Me ? "Admin.User.OwnDisable" : "Admin.User.LastAdmin", ct);
        }
        catch (ValidationException invalid)
        {
            Refusal = string.Join(" ", invalid.Errors.SelectMany(e => e.Value));
            return await ShowAsync(id, null, ct, StatusCodes.Status400BadRequest);
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, string? refusal, CancellationToken ct, int? status = null)
    {
        if ((await queries.GetAsync(id, ct)).Value is not { } account)
        {
            return NotFound();
        }

        Account = account;
        Granted = [.. Identity.Permissions.All.Where(p => Roles.Grants(account.Roles, p))];
        if (refusal is not null)
        {
            Refusal = UiText.Get(refusal);
        }

        if (Refusal is not null)
        {
            Response.StatusCode = status ?? StatusCodes.Status409Conflict;
        }

        return Page();
    }
}
