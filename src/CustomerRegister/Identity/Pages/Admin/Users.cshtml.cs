using CustomerRegister.Customers.Pages;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Admin;

/// <summary>Staff accounts: the list and a new account (the use cases of GET and POST /api/users).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.UsersManage)]
public sealed class UsersModel(UserQueries queries, UserAdministration administration) : PageModel
{
    public IReadOnlyList<UserResponse> Users { get; private set; } = [];

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Users = await queries.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new CreateUserRequest(Input.Email, Input.DisplayName, [.. Input.Roles], string.IsNullOrEmpty(Input.Password) ? null : Input.Password);
        var errors = UserAdministration.Check(request);
        if (errors.Any)
        {
            ModelState.Show<CreatedUser>(Infrastructure.Outcome.Invalid(errors));
            return await RefusedAsync(ct);
        }

        try
        {
            // As the API: a password the administrator chose is replaced by its owner at first sign-in.
            var created = await administration.CreateAsync(
                new NewUser(request.Email!.Trim(), request.DisplayName!, request.Roles!, request.Password, MustChangePassword: true), ct);
            TempData[FormNotice.Key] = UiText.Format("Admin.Users.Created", created.User.Email!);
            if (created.OneTimePassword is { } oneTime)
            {
                TempData[AdminDisplay.SecretKey] = oneTime;
                TempData[AdminDisplay.SecretForKey] = created.User.Id.ToString();
            }

            return Redirect($"/admin/users/{created.User.Id}");
        }
        catch (ConflictException)
        {
            ModelState.AddModelError("Input.Email", UiText.Get("Admin.Users.EmailTaken"));
            return await RefusedAsync(ct, StatusCodes.Status409Conflict);
        }
        catch (ValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                ModelState.AddModelError(PageOutcomes.Key("Input", field), string.Join(" ", messages));
            }

            return await RefusedAsync(ct);
        }
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken ct, int status = StatusCodes.Status400BadRequest)
    {
        Users = await queries.ListAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    public sealed class UserInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public List<string> Roles { get; set; } = [];

        public string? Password { get; set; }
    }
}
