using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class DemoOnFirstStartTests
{
    [Fact]
    public async Task DemoDataIsAddedOnFirstStartOnlyIntoAnEmptyRegister()
    {
        var database = new TestDatabase();
        using (var first = new DemoFactory(database, owns: false))
        {
            var service = await first.CreateUserAsync(Roles.CustomerService);
            var page = await service.Client.GetFromJsonAsync<JsonElement>("/api/consumers?limit=200");
            Assert.NotEmpty(page.GetProperty("items").EnumerateArray());
            Assert.Contains("synthetic demo subjects", first.ConsoleOutput.ToString());
        }

        var before = Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM subjects"));
        using (var second = new DemoFactory(database, owns: true))
        {
            _ = second.Services;
            Assert.DoesNotContain("synthetic demo subjects", second.ConsoleOutput.ToString());
        }

        Assert.Equal(60, before);
    }

    private sealed class DemoFactory(TestDatabase database, bool owns) : RegisterFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:SeedSubjects", "60");
        }

        protected override void Dispose(bool disposing)
        {
            if (owns)
            {
                base.Dispose(disposing);
            }
            else
            {
                DisposeHostOnly(disposing);
            }
        }
    }
}
