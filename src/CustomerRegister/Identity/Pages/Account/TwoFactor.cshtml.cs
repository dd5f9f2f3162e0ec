using CustomerRegister.Identity;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace CustomerRegister.Identity.Pages.Account;

/// <summary>
/// The signed-in user's authenticator: enrolment (QR code, the key in groups of four, confirmation with a code),
/// recovery codes shown once, removal and renewal with a current code. Reachable before the required enrolment.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, TwoFactor twoFactor) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public TwoFactorStatus Status { get; private set; } = new(false, false, 0);

    /// <summary>The pending enrolment's key in groups of four (null once enabled).</summary>
    public string? SharedKey { get; private set; }

    /// <summary>Recovery codes just made: shown on this one response only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        return await LoadAsync() ? Page() : Challenge();
    }

    /// <summary>The pending enrolment's QR code as PNG, served from here so no inline data is needed under the CSP.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        if (await users.GetUserAsync(User) is not { } user || await twoFactor.PendingAsync(user) is not { } pending)
        {
            return NotFound();
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(pending.AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        Response.Headers.CacheControl = "no-store";
        return File(png, "image/png");
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? code, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        RecoveryCodes = TwoFactorRules.NormalizeCode(code) is null ? null : await twoFactor.ConfirmAsync(user, code);
        return await ShowAsync(RecoveryCodes is null ? "TwoFactor.WrongCode" : null);
    }

    public async Task<IActionResult> OnPostDisableAsync(string? code, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var digits = TwoFactorRules.NormalizeCode(code);
        var done = await twoFactor.DisableAsync(user, digits, digits is null ? code : null);
        return done ? RedirectToPage(new { returnUrl = ReturnUrl }) : await ShowAsync("TwoFactor.WrongCode");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(string? code, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        RecoveryCodes = TwoFactorRules.NormalizeCode(code) is null ? null : await twoFactor.RenewRecoveryCodesAsync(user, code);
        return await ShowAsync(RecoveryCodes is null ? "TwoFactor.WrongCode" : null);
    }

    private async Task<IActionResult> ShowAsync(string? errorKey)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Response.Headers.CacheControl = "no-store";
        if (errorKey is not null)
        {
            Error = UiText.Get(errorKey);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        Status = await twoFactor.GetStatusAsync(user.Id);
        if (!Status.Enabled)
        {
            SharedKey = (await twoFactor.PendingAsync(user) ?? await twoFactor.BeginAsync(user))?.SharedKey;
        }

        return true;
    }

    private string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
