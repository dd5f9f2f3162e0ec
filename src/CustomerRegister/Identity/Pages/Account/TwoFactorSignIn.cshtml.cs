using System.Security.Claims;
using CustomerRegister.Identity;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Account;

/// <summary>
/// The second step of a page sign-in: the password was right, the account has an authenticator. Until the code is
/// given only a short-lived two-factor cookie (Identity's TwoFactorUserId scheme, 5 minutes) names the user.
/// </summary>
public sealed class TwoFactorSignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TwoFactor twoFactor) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public bool UseRecoveryCode { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Called by the sign-in page after a right password: the redirect to this step, or null when the account has no second factor.</summary>
    public static async Task<IActionResult?> BeginAsync(HttpContext http, AppUser user, string returnUrl)
    {
        if (!await http.RequestServices.GetRequiredService<TwoFactor>().IsEnabledAsync(user.Id))
        {
            return null;
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme);
        await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
        return new RedirectToPageResult(AccountPages.TwoFactorSignIn, new { returnUrl });
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool recovery = false)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        UseRecoveryCode = recovery;
        return await PendingUserAsync() is null ? RedirectToPage(AccountPages.Login, new { returnUrl = ReturnUrl }) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? recoveryCode, string? returnUrl, bool recovery = false)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        UseRecoveryCode = recovery;
        var user = await PendingUserAsync();
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            return RedirectToPage(AccountPages.Login, new { returnUrl = ReturnUrl });
        }

        if (string.IsNullOrWhiteSpace(recovery ? recoveryCode : code))
        {
            Error = UiText.Get("Field.Required");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await twoFactor.VerifyAsync(user, recovery ? null : code, recovery ? recoveryCode : null);
        if (result != SecondFactorResult.Verified)
        {
            Error = UiText.Get(result == SecondFactorResult.LockedOut ? "TwoFactor.LockedOut" : "TwoFactor.WrongCode");
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInAsync(user, isPersistent: false);
        return user.MustChangePassword
            ? RedirectToPage(AccountPages.ChangePassword, new { returnUrl = ReturnUrl })
            : LocalRedirect(ReturnUrl);
    }

    private async Task<AppUser?> PendingUserAsync()
    {
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return result.Principal?.FindFirstValue(ClaimTypes.Name) is { } id ? await users.FindByIdAsync(id) : null;
    }

    private string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
