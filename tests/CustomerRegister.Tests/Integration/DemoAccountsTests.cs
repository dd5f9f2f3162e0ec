using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Demo;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>With demo data, one account per role is made and its sign-in printed with the administrator's.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class DemoAccountsTests
{
    [Fact]
    public async Task DemoDataPrintsASignInForEveryRoleAndEachSignsIn()
    {
        using var app = new DemoFactory();
        _ = app.Services;
        var output = app.ConsoleOutput.ToString();
        Assert.Contains("Demo sign-ins", output);

        var lines = output.Split('\n').Select(l => l.Trim())
            .Select(l => Regex.Match(l, @"^(\w+)\s+(\S+@\S+)\s+(\S+)$")).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => (Email: m.Groups[2].Value, Password: m.Groups[3].Value));
        Assert.Equal(Roles.All.Order(), lines.Keys.Order());

        // The administrator's one-time password is the one its own block printed.
        var admin = lines[Roles.Administrator];
        Assert.Equal(FirstAdministrator.DefaultEmail, admin.Email);
        Assert.Contains($"One-time password:  {admin.Password}", output);

        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
        {
            var (email, password) = lines[role];
            Assert.Equal(DemoAccounts.EmailOf(role), email);
            var login = await app.LoginAsync(email, password);
            Assert.True(login.IsSuccessStatusCode, $"{role}: {(int)login.StatusCode}");
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            using var client = app.Anonymous();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            if (TwoFactorRules.RequiredRoles.Contains(role))
            {
                // Signed in, and asked to set up the authenticator before anything else.
                var status = await client.GetFromJsonAsync<JsonElement>("/api/auth/two-factor");
                Assert.True(status.GetProperty("required").GetBoolean());
            }
            else
            {
                var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
                Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
            }
        }
    }

    private sealed class DemoFactory : RegisterFactory
    {
        protected override bool AdminFromEnvironment => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:SeedSubjects", "20");
        }
    }
}
