using Microsoft.AspNetCore.Identity;

namespace CustomerRegister.Localization;

/// <summary>Password-policy messages in the user's language (the pages show them as they are).</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = UiText.Format("Password.TooShort", length) };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = UiText.Format("Password.UniqueChars", uniqueChars) };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = UiText.Get("ChangePassword.WrongCurrent") };
}
