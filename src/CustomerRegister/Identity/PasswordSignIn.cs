using Microsoft.AspNetCore.Identity;

namespace CustomerRegister.Identity;

public enum SignInResultKind
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
    PasswordChangeRequired,
}

public sealed record SignInOutcome(SignInResultKind Result, AppUser? User)
{
    public bool Succeeded => Result == SignInResultKind.Succeeded;
}

/// <summary>The one password check shared by the API and the sign-in page: lockout per account and address, disabled accounts, one-time passwords.</summary>
public static class PasswordSignIn
{
    public static async Task<SignInOutcome> CheckAsync(SignInManager<AppUser> signIn, UserManager<AppUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        var result = await signIn.Context.RequestServices.GetRequiredService<SignInLockouts>().CheckAsync(users, user, password, signIn.Context);
        if (user is null || result != SignInResultKind.Succeeded)
        {
            return new SignInOutcome(result, user);
        }

        return new SignInOutcome(user.MustChangePassword ? SignInResultKind.PasswordChangeRequired : SignInResultKind.Succeeded, user);
    }

    /// <summary>Changes the password and clears the one-time flag; returns the reasons when the new password is refused.</summary>
    public static async Task<string[]?> ChangePasswordAsync(UserManager<AppUser> users, AppUser user, string current, string next)
    {
        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            return ["The new password must differ from the current one."];
        }

        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToArray();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return null;
    }
}
