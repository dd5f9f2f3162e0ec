using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Demo;

/// <summary>Synthetic demo data (no real people) for a first look and for the benchmarks.</summary>
public static class DemoFeature
{
    /// <summary>Register after the features whose start-up steps must run first (the first administrator).</summary>
    public static IServiceCollection AddDemoFeature(this IServiceCollection services) =>
        services.AddScoped<IStartupStep, DemoStartupStep>();
}

/// <summary>
/// Optional demo data for a first look (Demo:SeedSubjects, e.g. Demo__SeedSubjects=2000): only into an empty register,
/// so a restart never adds more and a real register is never mixed with synthetic people.
/// </summary>
internal sealed class DemoStartupStep(IConfiguration configuration) : IStartupStep
{
    /// <summary>The administrator's sign-in: with the one-time password when this start created it.</summary>
    private DemoSignIn? Administrator(IServiceProvider services)
    {
        var first = services.GetRequiredService<FirstAdministrator>().Created;
        if (first is not null)
        {
            return new DemoSignIn(Roles.Administrator, first.User.Email!, first.OneTimePassword ?? "(REGISTER_ADMIN_PASSWORD)");
        }

        var email = configuration["REGISTER_ADMIN_EMAIL"];
        return new DemoSignIn(Roles.Administrator, string.IsNullOrWhiteSpace(email) ? FirstAdministrator.DefaultEmail : email.Trim(), null);
    }

    public async Task RunAsync(IServiceProvider services, TextWriter console, CancellationToken ct)
    {
        var demo = configuration.GetValue("Demo:SeedSubjects", 0);
        if (demo > 0 && !await services.GetRequiredService<RegisterDbContext>().Set<Subject>().AnyAsync(ct))
        {
            await console.WriteLineAsync($"Adding {demo} synthetic demo subjects (Demo:SeedSubjects) …");
            await DemoSeeder.SeedAsync(services, demo, configuration.GetValue("Demo:Seed", 1), console, ct);
            var accounts = await DemoAccounts.CreateAsync(services, ct);
            await console.WriteLineAsync(DemoAccounts.Block(Administrator(services), accounts));
        }
    }
}
