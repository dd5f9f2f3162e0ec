using CustomerRegister.Identity;
using Microsoft.AspNetCore.Identity;

namespace CustomerRegister.Demo;

/// <summary>A demo account and the password it signs in with (generated, shown once on the console).</summary>
public sealed record DemoSignIn(string Role, string Email, string? Password);

/// <summary>
/// With demo data, one account per role besides the administrator, so a newcomer can try every role's pages at once.
/// Passwords are generated (never fixed: a demo started on a reachable host must not open with known passwords) and
/// printed once with the administrator's. Roles that require a second factor still ask for an authenticator app.
/// </summary>
public static class DemoAccounts
{
    public const string Domain = "demo.register.local";

    /// <summary>The demo accounts' emails, one per role: <c>customerservice@demo.register.local</c>.</summary>
    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@{Domain}";

    public static async Task<IReadOnlyList<DemoSignIn>> CreateAsync(IServiceProvider services, CancellationToken ct)
    {
        var administration = services.GetRequiredService<UserAdministration>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var created = new List<DemoSignIn>();
        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
        {
            var email = EmailOf(role);
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var password = UserAdministration.GeneratePassword();
            await administration.CreateAsync(new NewUser(email, "Demo: " + Localization.UiText.Text("Start.Role." + role).Fi, [role], password), ct);
            created.Add(new DemoSignIn(role, email, password));
        }

        return created;
    }

    /// <summary>The sign-ins as a console block: the administrator first, then one line per role.</summary>
    public static string Block(DemoSignIn? administrator, IReadOnlyList<DemoSignIn> accounts)
    {
        var lines = new List<string> { "", "==== Demo sign-ins (passwords shown this once) ====" };
        if (administrator is not null)
        {
            lines.Add(Line(administrator));
        }

        lines.AddRange(accounts.Select(Line));
        lines.Add("Sign in at /Account/Login. Administrator, DataProtectionOfficer, Billing and VehicleReception set up an");
        lines.Add("authenticator app at first sign-in (their second factor); the administrator's one-time password is replaced first.");
        lines.Add("===================================================");
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Line(DemoSignIn s) =>
        $"{s.Role,-22} {s.Email,-42} {s.Password ?? "(password as set before)"}";
}
