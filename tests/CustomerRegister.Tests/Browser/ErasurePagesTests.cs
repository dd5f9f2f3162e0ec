using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The DPO erases a person in the browser: the dry run first (what goes, what is emptied, what the law keeps until
/// when), the confirm only after it, the certificate to download, and the person found nowhere in search.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class ErasurePagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task TheDpoReviewsTheDryRunConfirmsDownloadsTheCertificateAndFindsThePersonNowhere()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var billing = await _browser.App.CreateUserAsync(Roles.Billing);
        var tag = new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);
        var lastName = "Poistuva" + tag;
        var email = $"poistuva.{tag}@example.fi";
        var person = await dpo.Client.CreateConsumerAsync(new
        {
            firstName = "Eeva",
            lastName,
            street = "Rantatie 58",
            postalCode = "40110",
            city = "Jyväskylä",
            email,
            source = "Consumer",
        });
        var (subjectId, consumerId) = (person.GetProperty("subjectId").GetGuid(), person.GetProperty("id").GetGuid());
        await PostAsync(dpo.Client, $"/api/subjects/{subjectId}/contact-history",
            new { channel = "Phone", direction = "Inbound", occurredAt = "2026-01-05T10:00:00Z", summary = "Kysyi hinnoista " + tag, source = "Consumer" });
        await PostAsync(dpo.Client, $"/api/subjects/{subjectId}/marketing-consents",
            new { channel = "Email", purpose = "sales_and_marketing", kind = "Prohibition", source = "Consumer" });
        await PostAsync(billing.Client, "/api/invoices", new
        {
            consumerId,
            invoiceNumber = "E-" + tag,
            issueDate = "2025-06-01",
            dueDate = "2025-06-15",
            amount = 42m,
            source = "OwnSystems",
        });

        // Filed by phone and matched, but not yet verified: the dry run shows, the confirm does not.
        var requestId = (await dpo.Client.CreateRequestAsync(new
        {
            type = "Erasure",
            channel = "Phone",
            requesterName = "Eeva " + lastName,
            text = "Poistakaa tietoni.",
        })).Id();
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/requests/{requestId}/erasure");
        await Expect(page.Locator("#erasure-unavailable")).ToBeVisibleAsync();
        await Expect(page.Locator("#confirm-erasure")).ToHaveCountAsync(0);

        await dpo.Client.StepAsync(requestId, "match", new { subjectId });
        await page.ReloadAsync();
        await Expect(page.Locator("#erasure-deleted")).ToContainTextAsync("Sähköpostiosoite");
        await Expect(page.Locator("#erasure-blocked")).ToBeVisibleAsync();
        await Expect(page.Locator("#confirm-erasure")).ToHaveCountAsync(0);

        await dpo.Client.StepAsync(requestId, "verify-identity", new { method = "StrongElectronicIdentification" });
        await dpo.Client.StepAsync(requestId, "start", new { });
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tietojen poisto");
        await Expect(page.Locator("#erasure-deleted")).ToContainTextAsync("Nimi");
        await Expect(page.Locator("#erasure-deleted")).ToContainTextAsync("Kontaktihistoria");
        var invoices = page.Locator("#erasure-kept tr", new() { HasText = "Kirjanpitolaki (1336/1997) 2 luku 10 §" });
        await Expect(invoices.First).ToContainTextAsync(new Regex(@"31\.12\.20\d\d"));
        await Expect(page.Locator("#erasure-kept")).ToContainTextAsync("6 vuotta");
        await Expect(page.Locator("#erasure-bans")).ToContainTextAsync("sähköposti");
        await Expect(page.Locator("#erasure-notify")).ToBeVisibleAsync();
        Assert.DoesNotContain(email, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await Infrastructure.Browser.CheckPageAsync(page, "erasure-preview");

        // The dry run changed nothing: the person is still found.
        await page.GotoAsync(_browser.BaseUrl + "/search?q=" + lastName);
        await Expect(page.Locator("#results")).ToContainTextAsync(lastName);

        // Confirming without ticking "reviewed" is refused beside the box, in Finnish and in Swedish.
        await page.GotoAsync(_browser.BaseUrl + $"/requests/{requestId}/erasure");
        await page.ClickAsync("#confirm-erasure");
        await Expect(page.Locator("#Reviewed-error")).ToHaveTextAsync("Tarkista esikatselu ja merkitse se tarkistetuksi ennen poistoa.");
        await Infrastructure.Browser.CheckPageAsync(page, "erasure-preview-error");
        await page.GotoAsync(_browser.BaseUrl + $"/set-language?culture=sv&returnUrl=/requests/{requestId}/erasure");
        await page.ClickAsync("#confirm-erasure");
        await Expect(page.Locator("#Reviewed-error")).ToHaveTextAsync("Granska förhandsvisningen och markera den som granskad före raderingen.");
        await page.GotoAsync(_browser.BaseUrl + $"/set-language?culture=fi&returnUrl=/requests/{requestId}/erasure");

        // A colleague changes the request meanwhile (assigns it): the confirm made on the older version is refused, nothing erased.
        var assigned = await dpo.Client.PutAsJsonAsync($"/api/requests/{requestId}/assignee", new { userId = dpo.Id });
        Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        await page.CheckAsync("#Reviewed");
        await page.ClickAsync("#confirm-erasure");
        await Expect(page.Locator("#erasure-errors")).ToContainTextAsync("Joku muu muutti tätä tietoa sillä välin.");
        await Expect(page.Locator("#erasure-deleted")).ToContainTextAsync("Nimi");

        await page.CheckAsync("#Reviewed");
        await page.ClickAsync("#confirm-erasure");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tiedot poistettu. Poistotodistus on alla.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Poistotodistus");
        await Expect(page.Locator("#erasure-kept")).ToContainTextAsync("Kirjanpitolaki");
        await Expect(page.Locator("#confirm-erasure")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "erasure-certificate");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-certificate"));
        Assert.Equal($"erasure-certificate-{requestId}.json", download.SuggestedFilename);
        var json = await File.ReadAllTextAsync((await download.PathAsync())!);
        var certificate = JsonDocument.Parse(json).RootElement;
        Assert.Equal(requestId, certificate.GetProperty("requestId").GetGuid());
        Assert.Contains(certificate.GetProperty("erased").EnumerateArray(), e => e.GetProperty("table").GetString() == "contact_history");
        Assert.DoesNotContain(lastName, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, json, StringComparison.OrdinalIgnoreCase);

        // The person is nowhere in search: not by name, not by email.
        foreach (var q in new[] { lastName, email })
        {
            await page.GotoAsync(_browser.BaseUrl + "/search?q=" + Uri.EscapeDataString(q));
            await Expect(page.Locator("#no-results")).ToBeVisibleAsync();
        }

        var request = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}");
        Assert.Equal("Completed", request.State());

        // Customer service may not open the page.
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var other = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await other.GotoAsync(_browser.BaseUrl + $"/requests/{requestId}/erasure");
        await Expect(other).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
