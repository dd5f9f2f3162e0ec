using CustomerRegister.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Pages/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await SessionRevocation.RevokeAsync(HttpContext);
        await signIn.SignOutAsync();
        return RedirectToPage(AccountPages.Login);
    }
}
