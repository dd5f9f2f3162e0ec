using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Requests;
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
    [Fact]
    public async Task ARecipientGivenANoticeAddressOnItsFormIsEmailedAndShownToldOnTheRequestPage()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await dpo.Client.CreateConsumerAsync(new
        {
            firstName = "Seppo",
            lastName = "Poistettava",
            email = $"seppo.{Guid.NewGuid():N}@example.fi",
            source = "Consumer",
        });
        var subjectId = person.GetProperty("subjectId").GetGuid();
        var created = await dpo.Client.PostAsJsonAsync("/api/recipients", new
        {
            name = $"Konsernin tytär {Guid.NewGuid():N}"[..24],
            countryCode = "FI",
            kind = "Other",
            role = "Controller",
            legalBasis = "LegitimateInterest",
            categoryKeys = new[] { Categories.Name.Id },
        });
        var recipient = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (recipientId, name) = (recipient.Id(), recipient.GetProperty("name").GetString()!);
        var address = $"tietosuoja.{Guid.NewGuid():N}@tytar.example";

        // The notice address on the recipient's form: a wrong one named beside the field, then saved and shown.
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/recipients/{recipientId}/edit");
        await page.FillAsync("#Input_NotificationEmail", "ei-osoite");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_NotificationEmail-error")).ToBeVisibleAsync();
        await page.FillAsync("#Input_NotificationEmail", address);
        await page.ClickAsync("#save");
        await Expect(page.Locator("#recipient-notification-email")).ToHaveTextAsync(address);

        await using (var scope = _browser.App.Services.CreateAsyncScope())
        {
            var disclosed = await scope.ServiceProvider.GetRequiredService<DiscloseData>().DiscloseAsync(
                new DisclosureOrder(recipientId, [subjectId], [Categories.Name.Id], Purposes.CustomerRelationship), CancellationToken.None);
            Assert.True(disclosed.IsOk);
        }

        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake("Erasure"))).Id();
        await dpo.Client.StepAsync(id, "match", new { subjectId });
        await dpo.Client.StepAsync(id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        await dpo.Client.StepAsync(id, "start", new { });
        Assert.True((await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/erase", new { })).IsSuccessStatusCode);
        await _browser.App.Services.GetRequiredService<MailDelivery>().RunOnceAsync();

        await page.GotoAsync(_browser.BaseUrl + $"/requests/{id}");
        var row = page.Locator("#art19 tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync($"Lähetetty sähköpostilla osoitteeseen {address}");
        await Expect(row.Locator("button")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "requests-art19-mailed");
    }
}
