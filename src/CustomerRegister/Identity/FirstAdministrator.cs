using CustomerRegister.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Identity;

/// <summary>
/// On the first start (no users at all) creates the first administrator: from REGISTER_ADMIN_EMAIL and
/// REGISTER_ADMIN_PASSWORD when set, otherwise with a generated one-time password printed once to the console,
/// which must be replaced at first sign-in.
/// </summary>
public sealed class FirstAdministrator(UserManager<AppUser> users, UserAdministration administration, IConfiguration configuration)
    : IStartupStep
{
    public const string DefaultEmail = "admin@register.local";

    /// <summary>The administrator created by this start, if one was (with its one-time password when generated).</summary>
    public CreatedUser? Created { get; private set; }

    public Task RunAsync(IServiceProvider services, TextWriter console, CancellationToken ct) => EnsureAsync(console, ct);

    public async Task EnsureAsync(TextWriter console, CancellationToken ct = default)
    {
        await administration.EnsureRolesExistAsync();
        if (await users.Users.AnyAsync(ct))
        {
            return;
        }

        var email = configuration["REGISTER_ADMIN_EMAIL"];
        var password = configuration["REGISTER_ADMIN_PASSWORD"];
        var created = await administration.CreateAsync(
            new NewUser(string.IsNullOrWhiteSpace(email) ? DefaultEmail : email.Trim(), "Administrator", [Roles.Administrator],
                string.IsNullOrEmpty(password) ? null : password),
            ct);
        Created = created;

        // Printed to the console, never to the log: it is a secret, shown this once.
        if (created.OneTimePassword is not null)
        {
            await console.WriteLineAsync(
                $"""

                 ==== First administrator created ====
                 Email:              {created.User.Email}
                 One-time password:  {created.OneTimePassword}
                 Sign in at /Account/Login; you will be asked to choose a new password.
                 This password is not shown again.
                 =====================================

                 """);
        }
        else
        {
            await console.WriteLineAsync("First administrator created from REGISTER_ADMIN_EMAIL / REGISTER_ADMIN_PASSWORD.");
        }
    }
}
