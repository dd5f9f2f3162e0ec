using System.CommandLine;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Demo;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Cli;

/// <summary>Setting a register up: migrate, create-admin, catalog, seed-demo.</summary>
internal static class SetupVerbs
{
    public static IEnumerable<Command> Create(IServiceProvider services) =>
        [Migrate(services), CreateAdmin(services), PrintCatalog(services), SeedDemo(services)];

    private static Command Migrate(IServiceProvider services) =>
        new Command("migrate", "apply database migrations and exit").Runs(services, async run =>
        {
            await DatabaseInitializer.MigrateAsync(run.Scopes, run.Ct);
            await run.Output.WriteLineAsync("Migrations applied.");
            return 0;
        });

    private static Command CreateAdmin(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Description = "the administrator's email, the sign-in name", HelpName = "E", Required = true };
        email.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>()))
            {
                r.AddError("create-admin needs --email.");
            }
        });
        var password = new Option<string>("--password") { Description = "the password (else a one-time password is printed)", HelpName = "P" };
        var name = new Option<string>("--name") { Description = "the display name", HelpName = "N", DefaultValueFactory = _ => "Administrator" };
        var command = new Command("create-admin", "create an administrator (a one-time password is printed when P is not given)")
        {
            email, password, name,
        };
        return command.Runs(services, async run =>
        {
            await DatabaseInitializer.MigrateAsync(run.Scopes, run.Ct);
            await using var scope = run.Scopes.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            try
            {
                var created = await admin.CreateAsync(
                    new NewUser(run.Value(email)!.Trim(), run.Value(name)!, [Roles.Administrator], run.Value(password)), run.Ct);
                await run.Output.WriteLineAsync($"Administrator {created.User.Id} created.");
                if (created.OneTimePassword is not null)
                {
                    await run.Output.WriteLineAsync($"One-time password (shown once; must be changed at first sign-in): {created.OneTimePassword}");
                }

                return 0;
            }
            catch (Exception ex) when (ex is ValidationException or ConflictException)
            {
                var reasons = ex is ValidationException v
                    ? string.Join("; ", v.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
                    : ex.Message;
                await run.Output.WriteLineAsync($"Not created: {reasons}");
                return 1;
            }
        });
    }

    private static Command PrintCatalog(IServiceProvider services)
    {
        var json = new Option<bool>("--json") { Description = "as JSON instead of text" };
        return new Command("catalog", "print the personal-data catalogue") { json }.Runs(services, async run =>
        {
            await using var scope = run.Scopes.CreateAsyncScope();
            var catalog = PersonalDataCatalog.Build(scope.ServiceProvider.GetRequiredService<RegisterDbContext>().GetService<IDesignTimeModel>().Model);
            await (run.Value(json) ? CatalogPrinter.WriteJsonAsync(catalog, run.Output) : CatalogPrinter.WriteTextAsync(catalog, run.Output));
            return 0;
        });
    }

    private static Command SeedDemo(IServiceProvider services)
    {
        var subjects = new Option<int>("--subjects") { Description = "how many synthetic subjects to add", HelpName = "N", Required = true };
        subjects.Validators.Add(r =>
        {
            // A word that is not a number is the parser's own error; here only a number below one.
            if (r.Tokens is [{ Value: var text }] && int.TryParse(text, out var n) && n < 1)
            {
                r.AddError("seed-demo needs --subjects N (a positive whole number).");
            }
        });
        var seed = new Option<int>("--seed") { Description = "the random seed: the same seed gives the same data", HelpName = "S", DefaultValueFactory = _ => 1 };
        var command = new Command("seed-demo", "add N synthetic subjects (Finnish demo data, no real people)") { subjects, seed };
        return command.Runs(services, async run =>
        {
            await DatabaseInitializer.MigrateAsync(run.Scopes, run.Ct);
            await DemoSeeder.SeedAsync(run.Services, run.Value(subjects), run.Value(seed), run.Output, run.Ct);
            return 0;
        });
    }
}
