using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// A person's whole picture on one page, each section in its own panel and formatted for a Finnish reader: data made
/// through the API as the other systems and the staff would, then read on the person and organisation pages.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class PersonPagePanelsTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ThePersonPageShowsEverySectionFormattedAndPlaysTheCallFromTheRecordingsApi()
    {
        var reception = await _browser.App.CreateUserAsync(Roles.VehicleReception);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var billing = await _browser.App.CreateUserAsync(Roles.Billing);
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var marketing = await _browser.App.CreateUserAsync(Roles.Marketing);

        var consumer = await reception.Client.CreateConsumerAsync(new
        {
            firstName = "Aino",
            lastName = "Kuusela",
            street = "Rantatie 58 B 30",
            postalCode = "40110",
            city = "Jyväskylä",
            phone = "044 397 8225",
            email = "aino.kuusela@example.fi",
            bankAccount = "FI2112345600000785",
            source = "Consumer",
        });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        var consumerId = consumer.GetProperty("id").GetGuid();

        var relationship = await PostAsync(service.Client, "/api/relationships",
            new { subjectId, customerNumber = "AK-20417", startDate = "2024-02-03", source = "Consumer" });
        var relationshipId = relationship.GetProperty("id").GetGuid();
        var contract = await PostAsync(service.Client, $"/api/relationships/{relationshipId}/contracts",
            new { contractNumber = "S-3301", title = "Metalliromun nouto", startDate = "2024-03-01" });
        var ordered = await PostAsync(service.Client, $"/api/relationships/{relationshipId}/services",
            new { serviceName = "Lavapalvelu", orderedDate = "2024-03-02", contractId = contract.GetProperty("id").GetGuid() });
        await PostAsync(service.Client, $"/api/services/{ordered.GetProperty("id").GetGuid()}/events",
            new { kind = "Suspended", date = "2024-06-01", reason = "Kesätauko", reportedBy = "Customer", version = 1 });

        for (var i = 1; i <= 7; i++)
        {
            await PostAsync(service.Client, $"/api/subjects/{subjectId}/contact-history", new
            {
                channel = "Phone",
                direction = "Inbound",
                occurredAt = $"2026-11-0{i}T12:05:00Z",
                summary = $"Kysyi kuparin kilohintaa {i}",
                staffUserId = service.Id,
                source = "Consumer",
            });
        }

        await PostAsync(service.Client, $"/api/subjects/{subjectId}/feedback",
            new { receivedAt = "2026-10-20T08:00:00Z", channel = "Email", text = "Nouto myöhästyi", rating = 2, handled = false, source = "Consumer" });
        await PostAsync(service.Client, $"/api/subjects/{subjectId}/marketing-consents",
            new { channel = "Sms", purpose = "sales_and_marketing", kind = "PermissionGranted", source = "Consumer", occurredAt = "2024-05-04T09:00:00Z", wordingVersion = "sms-2024-01", evidence = "webform-4711" });
        await PostAsync(service.Client, $"/api/subjects/{subjectId}/marketing-consents",
            new { channel = "Email", purpose = "sales_and_marketing", kind = "Prohibition", source = "Consumer", occurredAt = "2025-03-12T10:00:00Z", evidence = "call-2025-0042" });

        var invoice = await PostAsync(billing.Client, "/api/invoices", new
        {
            consumerId,
            invoiceNumber = "L-88120",
            issueDate = "2026-11-20",
            dueDate = "2026-12-04",
            amount = 1234.50m,
            source = "OwnSystems",
        });
        await PostAsync(billing.Client, $"/api/invoices/{invoice.GetProperty("id").GetGuid()}/payments",
            new { amount = 234.50m, method = "BankTransfer", reference = "RF18539007547034", source = "OwnSystems" });

        var certificate = await PostAsync(reception.Client, "/api/vehicles/certificates", new
        {
            certificateNumber = "RT-55012",
            issueDate = "2026-11-15",
            registrationNumber = "RMU-482",
            vin = "WVWZZZ1JZXW000001",
            make = "Volkswagen",
            model = "Golf",
            vehicleClass = "m1",
            consumerId,
            identityCode = "131052-308T",
            nationality = "fi",
            source = "Consumer",
        });
        var certificateId = certificate.GetProperty("id").GetGuid();

        var recording = await UploadCallAsync("044 397 8225");

        // The DPO reads everything: each panel in its own layout, values formatted.
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Kuusela, Aino");
        await Expect(page.Locator("#badges")).ToContainTextAsync("Markkinointikielto: sähköposti");

        var relationships = page.Locator("#relationships");
        await Expect(relationships.Locator("h2")).ToHaveTextAsync("Asiakkuudet");
        await Expect(relationships).ToContainTextAsync("Asiakasnumero AK-20417");
        await Expect(relationships).ToContainTextAsync("3.2.2024");
        await Expect(relationships).ToContainTextAsync("S-3301 · Metalliromun nouto");
        await Expect(relationships.Locator(".service")).ToContainTextAsync("Lavapalvelu");
        await Expect(relationships.Locator(".service")).ToContainTextAsync("1.6.2024 keskeytys");
        await Expect(relationships.Locator($"a[href='/relationships/{relationshipId}']")).ToHaveCountAsync(1);

        var contacts = page.Locator("#contacts");
        await Expect(contacts.Locator("#contact-list > li")).ToHaveCountAsync(5);
        await Expect(contacts.Locator("#contact-list > li").First).ToContainTextAsync("7.11.2026 klo 14.05");
        await Expect(contacts.Locator("#contact-list > li").First).ToContainTextAsync("Puhelu, saapuva");
        await Expect(contacts.Locator("#contact-list > li").First).ToContainTextAsync("Kysyi kuparin kilohintaa 7");
        await Expect(contacts.Locator("#contact-list > li").First).ToContainTextAsync("Staff CustomerService");
        await Expect(contacts.Locator("details.more summary")).ToHaveTextAsync("Näytä kaikki (7)");
        await Expect(page.Locator("#feedback")).ToContainTextAsync("Nouto myöhästyi");
        await Expect(page.Locator("#feedback")).ToContainTextAsync("Käsittelemättä");

        await Expect(page.Locator("#marketing-email")).ToContainTextAsync("✗ kielletty 12.3.2025 (kuluttaja-asiakas itse)");
        await Expect(page.Locator("#marketing-sms")).ToContainTextAsync("✓ lupa 4.5.2024");
        await Expect(page.Locator("#marketing-phone")).ToContainTextAsync("✓ sallittu, ellei kiellä");
        await Expect(page.Locator("#marketing-post")).ToContainTextAsync("✓ sallittu, ellei kiellä");
        await Expect(page.Locator("#marketing-ledger > li").First).ToContainTextAsync("Sähköposti · Markkinointikielto");

        var invoiceRow = page.Locator("#invoice-list tbody tr").First;
        await Expect(invoiceRow).ToContainTextAsync("L-88120");
        await Expect(invoiceRow).ToContainTextAsync("20.11.2026");
        await Expect(invoiceRow).ToContainTextAsync("1 234,50 €");
        await Expect(invoiceRow).ToContainTextAsync("234,50 €");
        await Expect(page.Locator("#invoice-list .payment")).ToContainTextAsync("tilisiirto");

        var certificatePanel = page.Locator($"#certificate-{certificateId}");
        await Expect(certificatePanel.Locator(".registration")).ToHaveTextAsync("RMU-482");
        await Expect(certificatePanel.Locator(".issued")).ToHaveTextAsync("15.11.2026");
        await Expect(certificatePanel.Locator(".identity-code")).ToHaveTextAsync("131052-****");

        var call = page.Locator($"#recording-{recording}");
        await Expect(call).ToContainTextAsync("numerosta 044 397 8225");
        var audio = call.Locator("audio[controls]");
        var src = await audio.GetAttributeAsync("src");
        Assert.Equal($"/recordings/{recording}/audio", src);
        var ranged = await page.Context.APIRequest.GetAsync(_browser.BaseUrl + src,
            new() { Headers = new Dictionary<string, string> { ["Range"] = "bytes=0-99" } });
        Assert.Equal(206, ranged.Status);
        Assert.Equal(100, (await ranged.BodyAsync()).Length);

        await Infrastructure.Browser.CheckPageAsync(page, "panels-person-page");

        // Reception reveals the identity code for a stated purpose (audited, the same use case as the API's).
        var desk = await _browser.SignedInPageAsync(reception.Email, RegisterFactory.UserPassword);
        await desk.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        await Expect(desk.Locator("#billing")).ToHaveCountAsync(0);
        await desk.Locator($"#certificate-{certificateId} .reveal-identity-code").ClickAsync();
        await Expect(desk.Locator($"#identity-code-{certificateId}")).ToHaveTextAsync("131052-308T");

        // Marketing sees the marketing panel, but no billing and no way to reveal the account.
        var market = await _browser.SignedInPageAsync(marketing.Email, RegisterFactory.UserPassword);
        await market.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        await Expect(market.Locator("#marketing h2")).ToHaveTextAsync("Markkinointi");
        await Expect(market.Locator("#marketing a.add-ban").First).ToBeVisibleAsync();
        await Expect(market.Locator("#billing")).ToHaveCountAsync(0);
        await Expect(market.Locator("a[href='#billing']")).ToHaveCountAsync(0);
        await Expect(market.Locator("#reveal")).ToHaveCountAsync(0);
        await Expect(market.Locator("#new-contact")).ToHaveCountAsync(0);
        await Expect(market.Locator("#bank-account")).ToHaveTextAsync("FI21 **** **** **07 85");

        // Customer service may write: the panels offer their actions at the agreed addresses.
        var desk2 = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await desk2.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        await Expect(desk2.Locator("#new-contact")).ToHaveAttributeAsync("href", $"/subjects/{subjectId}/contacts/new");
        await Expect(desk2.Locator("#edit-consumer")).ToHaveAttributeAsync("href", $"/consumers/{subjectId}/edit");
        await Expect(desk2.Locator("#marketing-post a.add-ban")).ToHaveAttributeAsync("href", $"/subjects/{subjectId}/marketing/new?kind=ban&channel=Post");
        await Expect(desk2.Locator("#new-invoice")).ToHaveCountAsync(0);

        // In Swedish the words change, the values stay Finnish-formatted.
        await desk2.ClickAsync("a[lang=sv]");
        await Expect(desk2.Locator("#badges")).ToContainTextAsync("Marknadsföringsförbud: e-post");
        await Expect(desk2.Locator("#marketing-sms")).ToContainTextAsync("✓ tillstånd 4.5.2024");
        await Expect(desk2.Locator("#contacts details.more summary")).ToHaveTextAsync("Visa alla (7)");
    }

    [Fact]
    public async Task TheOrganisationPageShowsItsContactsRelationshipsAndInvoices()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var billing = await _browser.App.CreateUserAsync(Roles.Billing);
        var organisation = await service.Client.CreateOrganisationAsync(new
        {
            name = "Kierrätys Virtanen Oy",
            businessId = "1572860-0",
            street = "Teollisuuskatu 12",
            postalCode = "15100",
            city = "Lahti",
            source = "PublicSources",
        });
        var organisationId = organisation.GetProperty("id").GetGuid();
        var contact = await PostAsync(service.Client, $"/api/organisations/{organisationId}/contacts",
            new { firstName = "Sanna", lastName = "Öberg", title = "Talouspäällikkö", phone = "040 123 4567", source = "CustomerOrganisation" });
        var relationship = await PostAsync(service.Client, "/api/relationships",
            new { organisationId, customerNumber = "KV-1001", startDate = "2023-01-15", source = "CustomerOrganisation" });
        await PostAsync(service.Client, $"/api/relationships/{relationship.GetProperty("id").GetGuid()}/contracts",
            new { contractNumber = "S-9001", title = "Jätehuolto", startDate = "2023-02-01" });
        await PostAsync(billing.Client, "/api/invoices", new
        {
            organisationId,
            invoiceNumber = "L-99001",
            issueDate = "2026-11-02",
            dueDate = "2026-11-16",
            amount = 5600m,
            source = "OwnSystems",
        });

        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/organisations/{organisationId}");
        await Expect(page.Locator("#organisation h1")).ToHaveTextAsync("Kierrätys Virtanen Oy");
        await Expect(page.Locator("#organisation-kind")).ToContainTextAsync("1572860-0");
        await Expect(page.Locator("#organisation-address")).ToHaveTextAsync("Teollisuuskatu 12, 15100 Lahti");
        await Expect(page.Locator("#contacts a", new() { HasText = "Öberg Sanna" }))
            .ToHaveAttributeAsync("href", $"/subjects/{contact.GetProperty("subjectId").GetGuid()}");
        await Expect(page.Locator("#contacts")).ToContainTextAsync("040 123 4567");
        await Expect(page.Locator("#relationships")).ToContainTextAsync("Asiakasnumero KV-1001");
        await Expect(page.Locator("#relationships")).ToContainTextAsync("S-9001 · Jätehuolto");
        await Expect(page.Locator("#invoice-list")).ToContainTextAsync("5 600,00 €");
        await Expect(page.Locator("#invoice-list")).ToContainTextAsync("Myöhässä");
        await Expect(page.Locator("#edit-organisation")).ToHaveAttributeAsync("href", $"/organisations/{organisationId}/edit");
        await Expect(page.Locator("#new-contact-person")).ToHaveAttributeAsync("href", $"/organisations/{organisationId}/contacts/new");
        await Infrastructure.Browser.CheckPageAsync(page, "panels-organisation-page");
    }

    [Fact]
    public async Task ARestrictedPersonCarriesTheBadgeAndTheGroundAndTheRequestWithItsDueDate()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = (await service.Client.CreateConsumerAsync(new
        {
            firstName = "Oskari",
            lastName = "Lehtinen",
            city = "Kouvola",
            phone = "050 765 1234",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();
        var requestId = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(requestId, "start", new { });
        await dpo.Client.StepAsync(requestId, "restrict", new { ground = "AccuracyContested" });
        await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Access", subjectId: subjectId));

        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{subjectId}");
        await Expect(page.Locator("#badges")).ToContainTextAsync("Käsittely rajoitettu");
        await Expect(page.Locator("#limits-list")).ToContainTextAsync("Henkilö kiistää tietojen paikkansapitävyyden");
        await Expect(page.Locator("#consumer-address")).ToHaveTextAsync("Kouvola");
        await Expect(page.Locator("#marketing-phone")).ToContainTextAsync("✗ käsittely rajoitettu, ei markkinointia");
        await Expect(page.Locator("#marketing-phone a.add-ban")).ToHaveCountAsync(1);
        await Expect(page.Locator("#requests-list tbody tr", new() { HasText = "Rajoitus" })).ToContainTextAsync("Valmis");
        await Expect(page.Locator("#requests-list tbody tr", new() { HasText = "Tarkastus" })).ToContainTextAsync("Henkilö tunnistettu rekisteristä");
        await Expect(page.Locator("#requests-list tbody tr", new() { HasText = "Tarkastus" })).ToContainTextAsync("pv jäljellä");
        await Infrastructure.Browser.CheckPageAsync(page, "panels-person-restricted");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The telephony system uploads a call from the person's number; it is linked to them by the number.</summary>
    private async Task<Guid> UploadCallAsync(string callerNumber)
    {
        var admin = await _browser.App.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Telephony", permissions = new[] { Permissions.RecordingUpload } });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        var telephony = _browser.App.Anonymous();
        telephony.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key);

        var audio = new byte[8192];
        new Random(14).NextBytes(audio);
        "RIFF"u8.CopyTo(audio);
        BitConverter.TryWriteBytes(audio.AsSpan(4), audio.Length - 8);
        "WAVE"u8.CopyTo(audio.AsSpan(8));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(callerNumber), "callerNumber" },
            { new StringContent("ext 204"), "agent" },
            { new StringContent(DateTime.UtcNow.AddMinutes(-30).ToString("O", CultureInfo.InvariantCulture)), "startedAt" },
            { new StringContent("95"), "durationSeconds" },
        };
        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "call.wav");
        var response = await telephony.PostAsync("/api/recordings/calls", form);
        Assert.True(response.IsSuccessStatusCode, $"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
