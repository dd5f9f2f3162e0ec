using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>Art 19 on the request page: after a rectification the recipients to tell are listed; the DPO marks one told.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class RecipientNotificationPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task TheDpoMarksOneRecipientToldOnTheRequestPage()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await dpo.Client.CreateConsumerAsync(new
        {
            firstName = "Rauni",
            lastName = "Oikaistava",
            email = $"rauni.{Guid.NewGuid():N}@example.fi",
            street = "Rantatie 5",
            postalCode = "28100",
            city = "Pori",
            source = "Consumer",
        });
        var (subjectId, consumerId) = (person.GetProperty("subjectId").GetGuid(), person.GetProperty("id").GetGuid());
        var recipients = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/recipients");
        var agency = recipients.EnumerateArray().First(r => r.GetProperty("kind").GetString() == "CollectionAgency");
        var agencyName = agency.GetProperty("name").GetString()!;
        await using (var scope = _browser.App.Services.CreateAsyncScope())
        {
            var disclosed = await scope.ServiceProvider.GetRequiredService<DiscloseData>().DiscloseAsync(
                new DisclosureOrder(agency.GetProperty("id").GetGuid(), [subjectId], [Categories.Name.Id, Categories.Address.Id], Purposes.Invoicing),
                CancellationToken.None);
            Assert.True(disclosed.IsOk);
        }

        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake("Rectification"))).Id();
        await dpo.Client.StepAsync(id, "match", new { subjectId });
        await dpo.Client.StepAsync(id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        var started = await dpo.Client.StepAsync(id, "start", new { });
        var rectified = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/rectify", new
        {
            changes = new[] { new { table = "consumers", rowId = consumerId, field = "email", value = $"oikea.{Guid.NewGuid():N}@example.fi" } },
            version = started.GetProperty("version").GetInt64(),
        });
        Assert.True(rectified.IsSuccessStatusCode, await rectified.Content.ReadAsStringAsync());

        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/requests/{id}");
        var section = page.Locator("#art19");
        await Expect(section.Locator("h2")).ToHaveTextAsync("Vastaanottajille ilmoittaminen (19 art.)");
        await Expect(section.Locator("tbody tr")).ToHaveCountAsync(2);
        var row = section.Locator("tbody tr", new() { HasText = agencyName });
        await Expect(row).ToContainTextAsync("Oikaisu");
        await Expect(row).ToContainTextAsync("Sähköpostiosoite");
        await Expect(row).ToContainTextAsync("Ilmoittamatta");
        await Infrastructure.Browser.CheckPageAsync(page, "requests-art19");

        await row.GetByLabel("Lisätieto").FillAsync("Sähköposti perintätoimistolle");
        await row.GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Merkitty ilmoitetuksi.");
        row = page.Locator("#art19 tbody tr", new() { HasText = agencyName });
        await Expect(row).ToContainTextAsync("Ilmoitettu");
        await Expect(row).ToContainTextAsync("Sähköposti perintätoimistolle");
        await Expect(row.Locator("button")).ToHaveCountAsync(0);
        await Expect(page.Locator("#art19 tbody tr", new() { HasText = "Ilmoittamatta" })).ToHaveCountAsync(1);
    }
}
