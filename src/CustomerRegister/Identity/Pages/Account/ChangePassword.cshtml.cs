using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Account;

public sealed class ChangePasswordModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, UserAccess access)
    : PageModel
{
    public bool MustChange { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        if (string.IsNullOrEmpty(currentPassword))
        {
            Errors["currentPassword"] = UiText.Get("Field.Required");
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            Errors["newPassword"] = UiText.Get("Field.Required");
        }
        else if (newPassword != confirmPassword)
        {
            Errors["confirmPassword"] = UiText.Get("ChangePassword.Mismatch");
        }

        if (Errors.Count == 0)
        {
            var refused = string.Equals(currentPassword, newPassword, StringComparison.Ordinal)
                ? [UiText.Get("ChangePassword.Same")]
                : await PasswordSignIn.ChangePasswordAsync(users, user, currentPassword!, newPassword!);
            if (refused is null)
            {
                access.Invalidate(user.Id);
                await audit.WriteAsync(new AuditEntry("auth.change_password", Purposes.Security, EntityType: "user",
                    EntityId: user.Id.ToString(), Fields: ["password"]));
                await signIn.RefreshSignInAsync(user);
                return LocalRedirect(ReturnUrl);
            }

            var wrongCurrent = refused.Contains(UiText.Get("ChangePassword.WrongCurrent"));
            Errors[wrongCurrent ? "currentPassword" : "newPassword"] = string.Join(" ", refused);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
