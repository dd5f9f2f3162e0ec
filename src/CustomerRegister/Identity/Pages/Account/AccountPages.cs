namespace CustomerRegister.Identity.Pages.Account;

/// <summary>The account pages' names (their paths from the project root); each answers at /Account/… (see FeaturePages).</summary>
public static class AccountPages
{
    private const string Folder = "/Identity/Pages/Account/";

    public const string Login = Folder + "Login";
    public const string Logout = Folder + "Logout";
    public const string AccessDenied = Folder + "AccessDenied";
    public const string ChangePassword = Folder + "ChangePassword";
    public const string TwoFactor = Folder + "TwoFactor";
    public const string TwoFactorSignIn = Folder + "TwoFactorSignIn";
}
