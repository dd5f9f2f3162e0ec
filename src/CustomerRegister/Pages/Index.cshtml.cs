using CustomerRegister.Identity;
using CustomerRegister.Identity.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Pages;

public sealed class IndexModel(UserManager<AppUser> users, UserAccess access) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public bool MustChangePassword { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<string> Permissions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.MustChangePassword)
        {
            return RedirectToPage(AccountPages.ChangePassword);
        }

        var state = await access.GetAsync(user.Id);
        DisplayName = user.DisplayName;
        Roles = state.Roles;
        Permissions = Identity.Permissions.All.Where(p => Identity.Roles.Grants(state.Roles, p)).ToList();
        return Page();
    }
}
