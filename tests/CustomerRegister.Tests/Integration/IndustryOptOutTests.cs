using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Marketing.IndustryOptOut;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The marketing industry's opt-out lists: a listed number and a listed address keep their people out (through
/// <see cref="IndustryOptOuts.ListedAsync"/>, however the register wrote them), a reload replaces the list of its kind
/// whole, and a bad file is refused whole, naming its row, leaving the list in force as it was. Nothing in clear is kept.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class IndustryOptOutTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static readonly Guid Listed = Guid.NewGuid();
    private static readonly Guid ListedLater = Guid.NewGuid();
    private static readonly Guid AtListedAddress = Guid.NewGuid();
    private static readonly Guid Free = Guid.NewGuid();

    private static readonly OptOutCandidate[] Candidates =
    [
        new(Listed, "+358401234567", "Vapaakatu 1", "00100", "Helsinki"),
        new(ListedLater, "050 765 4321", null, null, null),
        new(AtListedAddress, null, "kieltotie 5 a 3", "33100", "TAMPERE"),
        new(Free, "+358407777777", "Kieltotie 5 A 4", "33100", "Tampere"),
    ];

    [Fact]
    public async Task ListedNumbersAndAddressesAreLeftOutAReloadReplacesTheListAndABadFileIsRefusedWhole()
    {
        var marketer = await app.CreateUserAsync(Roles.Marketing);

        // A phone list as Finnish Excel saves it (BOM, semicolons), numbers typed every which way, one duplicate, one bad row.
        var phones = await LoadAsync(marketer.Client, "Phone", "puhelin.csv",
            "\uFEFFpuhelin;nimi\n040 123 4567;Matti\n+358 40 1234567;Matti\n12;Virhe\n+46 8 123 456 78;Sven\n");
        Assert.Equal("Current", phones.GetProperty("state").GetString());
        Assert.Equal(4, phones.GetProperty("rows").GetInt32());
        Assert.Equal(2, phones.GetProperty("entries").GetInt32());
        Assert.Equal(1, phones.GetProperty("refusedRows").GetInt32());
        Assert.Equal(["Row 3, column phone: not a valid phone number"],
            phones.GetProperty("refusals").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(Sorted(Listed), await ListedAsync());

        // An address list with commas and no BOM: the address, not the name, keeps everyone at it out.
        var addresses = await LoadAsync(marketer.Client, "Address", "osoitteet.csv",
            "name,street,postal_code,city\nMaija Meikäläinen,Kieltotie 5 A 3,33100,Tampere\n");
        Assert.Equal("Current", addresses.GetProperty("state").GetString());
        Assert.Equal(Sorted(AtListedAddress, Listed), await ListedAsync());

        // A new phone list replaces the old one whole; the address list stays.
        var reload = await LoadAsync(marketer.Client, "Phone", "puhelin-2.csv", "phone\n0507654321\n");
        Assert.Equal("Current", reload.GetProperty("state").GetString());
        Assert.Equal(Sorted(AtListedAddress, ListedLater), await ListedAsync());
        var old = await marketer.Client.GetFromJsonAsync<JsonElement>($"/api/marketing/industry-opt-out/{phones.GetProperty("id").GetGuid()}");
        Assert.Equal("Replaced", old.GetProperty("state").GetString());
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM industry_opt_out_entries WHERE list_id = '{Literal(phones.GetProperty("id").GetGuid())}'")));

        // A row with a field too many: the file is refused whole, naming the row, and the list in force is as it was.
        var bad = await LoadAsync(marketer.Client, "Phone", "rikki.csv", "phone\n+358401234567\n0401112222\n040 333 4444;ylimääräinen\n0405556666\n",
            expectDone: false);
        Assert.Equal("Refused", bad.GetProperty("state").GetString());
        Assert.Equal(3, bad.GetProperty("refusedAtRow").GetInt32());
        Assert.Equal("Row 3 has the wrong number of fields or broken quotes.", bad.GetProperty("refusedBecause").GetString());
        Assert.Equal(Sorted(AtListedAddress, ListedLater), await ListedAsync());
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM industry_opt_out_entries WHERE list_id = '{Literal(bad.GetProperty("id").GetGuid())}'")));

        // The wrong columns and too many bad rows are refused whole too.
        var columns = await LoadAsync(marketer.Client, "Address", "vaarat.csv", "street;city\nKatu 1;Turku\n", expectDone: false);
        Assert.Equal("The header row has no column postal_code.", columns.GetProperty("refusedBecause").GetString());
        var faulty = await LoadAsync(marketer.Client, "Phone", "huono.csv",
            "phone\n" + string.Concat(Enumerable.Repeat("abc\n", 11)) + "0401234567\n", expectDone: false);
        Assert.Equal("Too many rows are faulty (the first at row 1); the file does not look like this list.",
            faulty.GetProperty("refusedBecause").GetString());

        var lists = await marketer.Client.GetFromJsonAsync<JsonElement>("/api/marketing/industry-opt-out");
        Assert.Equal(["Phone", "Address"], lists.GetProperty("current").EnumerateArray().Select(l => l.GetProperty("kind").GetString()!).Order().Reverse().ToArray());
        Assert.Equal("puhelin-2.csv", lists.GetProperty("current").EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "Phone")
            .GetProperty("fileName").GetString());

        // Only keyed hashes are stored: no number or street anywhere in the tables.
        var text = Convert.ToInt64(await app.Database.ScalarAsync(
            "SELECT COUNT(*) FROM industry_opt_out_lists WHERE refusals LIKE '%0401%' OR refusals LIKE '%Kieltotie%' OR refusals LIKE '%abc%'"));
        Assert.Equal(0L, text);
    }

    [Fact]
    public async Task ALoadNeedsItsKindSupplierAndFileAndMarketingWrite()
    {
        var marketer = await app.CreateUserAsync(Roles.Marketing);
        using var empty = new MultipartFormDataContent { { new StringContent("Kuu"), "kind" } };
        var response = await marketer.Client.PostAsync("/api/marketing/industry-opt-out", empty);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("supplier", out _));
        Assert.True(errors.TryGetProperty("file", out _));

        var reader = await app.CreateUserAsync(Roles.Billing);
        using var form = Form("Phone", "x.csv", "phone\n0401234567\n");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Client.PostAsync("/api/marketing/industry-opt-out", form)).StatusCode);
    }

    private static Guid[] Sorted(params Guid[] ids) => [.. ids.Order()];

    private async Task<Guid[]> ListedAsync()
    {
        using var scope = app.Services.CreateScope();
        var listed = await scope.ServiceProvider.GetRequiredService<IndustryOptOuts>().ListedAsync(Candidates, CancellationToken.None);
        return [.. listed.Order()];
    }

    private async Task<JsonElement> LoadAsync(HttpClient client, string kind, string fileName, string csv, bool expectDone = true)
    {
        using var form = Form(kind, fileName, csv);
        var response = await client.PostAsync("/api/marketing/industry-opt-out", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = started.GetProperty("job").GetProperty("id").GetGuid();
        await app.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(jobId);
        var job = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");
        Assert.Equal(expectDone ? "Done" : "Failed", job.GetProperty("state").GetString());
        return await client.GetFromJsonAsync<JsonElement>($"/api/marketing/industry-opt-out/{started.GetProperty("list").GetProperty("id").GetGuid()}");
    }

    private static MultipartFormDataContent Form(string kind, string fileName, string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
            { new StringContent("Asiakkuusmarkkinointiliitto"), "supplier" },
            { file, "file", fileName },
        };
    }

    private static string Literal(Guid id) => TestDatabase.IsPostgres ? id.ToString() : id.ToString().ToUpperInvariant();
}
