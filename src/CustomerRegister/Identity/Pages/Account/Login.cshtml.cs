using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, ILogger<LoginModel> logger)
    : PageModel
{
    public string? Email { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool Failed { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(email))
        {
            Errors["email"] = UiText.Get("Field.Required");
        }

        if (string.IsNullOrEmpty(password))
        {
            Errors["password"] = UiText.Get("Field.Required");
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await PasswordSignIn.CheckAsync(signIn, users, email!, password!);
        await audit.WriteAsync(new AuditEntry("auth.login", Purposes.Security, EntityType: "user",
            EntityId: outcome.User?.Id.ToString(), Outcome: outcome.User is not null && outcome.Result
                is SignInResultKind.Succeeded or SignInResultKind.PasswordChangeRequired ? "ok" : "failed"));
        Log.PageSignIn(logger, outcome.Result.ToString(), email!);

        if (outcome.Result is SignInResultKind.Succeeded or SignInResultKind.PasswordChangeRequired
            && await TwoFactorSignInModel.BeginAsync(HttpContext, outcome.User!, ReturnUrl) is { } secondStep)
        {
            return secondStep;
        }

        switch (outcome.Result)
        {
            case SignInResultKind.Succeeded:
                await signIn.SignInAsync(outcome.User!, isPersistent: false);
                return LocalRedirect(ReturnUrl);
            case SignInResultKind.PasswordChangeRequired:
                await signIn.SignInAsync(outcome.User!, isPersistent: false);
                return RedirectToPage(AccountPages.ChangePassword, new { returnUrl = ReturnUrl });
            default:
                Failed = true;
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }

    private string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
