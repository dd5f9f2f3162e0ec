using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>The seed-demo verb run in-process, its data checked through the API like a client would.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class SeedDemoTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task SeededDataIsValidSearchableDeterministicAndShowsInThePicture()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "300", "--seed", "7"], app.Services, output));
        Assert.Contains("Seeded 300 subjects", output.ToString());
        Assert.Equal(300L, await CountAsync("SELECT COUNT(*) FROM subjects"));

        var client = (await app.CreateUserAsync(Roles.CustomerService)).Client;
        var consumers = await AllConsumersAsync(client);
        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM subjects WHERE kind = 'Consumer'"), consumers.Count);
        Assert.InRange(consumers.Count, 200, 290);
        Assert.True(await CountAsync("SELECT COUNT(*) FROM contact_persons") > 5);
        Assert.True(await CountAsync("SELECT COUNT(*) FROM organisations WHERE is_sole_trader") > 0);

        foreach (var c in consumers)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("lastName").GetString()));
            if (c.GetProperty("phone").GetString() is { } phone)
            {
                Assert.Matches(@"^\+3584\d{7,8}$|^\+35850\d{7}$", phone);
                Assert.Equal(phone, PhoneNumber.Parse(phone).Value);
            }

            if (c.GetProperty("bankAccount").GetString() is { } account)
            {
                Assert.Matches(@"^FI\d\d \*{4} \*{4} \*\*\d\d \d\d$", account);
            }

            if (c.GetProperty("postalCode").GetString() is { } postalCode)
            {
                Assert.Matches(@"^\d{5}$", postalCode);
            }

            if (c.GetProperty("email").GetString() is { } email)
            {
                Assert.True(EmailAddress.TryParse(email, out _, out _), email);
            }
        }

        Assert.Contains(consumers, c => c.GetProperty("bankAccount").GetString() is not null);
        var person = consumers.First(c => c.GetProperty("phone").GetString() is not null && c.GetProperty("lastName").GetString()!.Length >= 5);
        var id = person.GetProperty("id").GetGuid();
        var lastName = person.GetProperty("lastName").GetString()!;

        var byName = await SearchAsync(client, lastName[..4].ToLowerInvariant() + " " + person.GetProperty("firstName").GetString());
        Assert.Contains(byName, h => h.GetProperty("id").GetGuid() == id);
        var phoneNumber = person.GetProperty("phone").GetString()!;
        var byPhone = await SearchAsync(client, "0" + phoneNumber[4..6] + " " + phoneNumber[6..]);
        Assert.Contains(byPhone, h => h.GetProperty("id").GetGuid() == id);

        var picture = await client.GetFromJsonAsync<JsonElement>($"/api/subjects/{person.GetProperty("subjectId").GetGuid()}");
        Assert.Equal(lastName, picture.GetProperty("consumer").GetProperty("lastName").GetString());
        var contactSubject = Guid.Parse((await app.Database.ScalarAsync("SELECT subject_id FROM contact_persons LIMIT 1"))!.ToString()!);
        var contactPicture = await client.GetFromJsonAsync<JsonElement>($"/api/subjects/{contactSubject}");
        Assert.Equal(1, contactPicture.GetProperty("contactRoles").GetArrayLength());

        // The same seed again adds the same people once more (new ids, unique business IDs).
        Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "300", "--seed", "7"], app.Services, new StringWriter()));
        Assert.Equal(2L * consumers.Count, await CountAsync("SELECT COUNT(*) FROM consumers"));
        Assert.Equal(0L, await CountAsync(
            "SELECT COUNT(*) FROM (SELECT first_name, last_name, street, phone FROM consumers GROUP BY first_name, last_name, street, phone "
            + "HAVING COUNT(*) <> 2) x"));
        Assert.Equal(0L, await CountAsync(
            "SELECT COUNT(*) FROM (SELECT first_name, last_name, title FROM contact_persons GROUP BY first_name, last_name, title "
            + "HAVING COUNT(*) % 2 <> 0) x"));
        Assert.Equal(await CountAsync("SELECT COUNT(DISTINCT business_id) FROM organisations"),
            await CountAsync("SELECT COUNT(business_id) FROM organisations"));
    }

    [Fact]
    public async Task SeedDemoRefusesAMissingCount()
    {
        var output = new StringWriter();
        Assert.Equal(2, await CommandLine.TryRunAsync(["seed-demo", "--seed", "7"], app.Services, output));
        Assert.Contains("--subjects", output.ToString());
    }

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql));

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}&limit=50");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<List<JsonElement>> AllConsumersAsync(HttpClient client)
    {
        var all = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/consumers?limit=200{(after is null ? "" : "&after=" + after)}");
            all.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetString();
        }
        while (after is not null);
        return all;
    }
}
