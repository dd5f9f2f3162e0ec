using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The request page's last steps (issue 15): the acknowledgement at intake, withdrawal, the letter before a lift,
/// rectification of organisation, contact-person and bank fields, and long work in the background.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class RequestHandlingPagesTests : IAsyncLifetime
{
    private static readonly Regex RequestUrl = new("/requests/([0-9a-f-]{36})$");

    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task APhoneRequestIsAcknowledgedToBePostedThenWithdrawnOnTheRequestPage()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var url = _browser.BaseUrl;
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);

        await page.GotoAsync(url + "/requests/new");
        await page.SelectOptionAsync("#Input_Type", "Access");
        await page.SelectOptionAsync("#Input_Channel", "Phone");
        await page.FillAsync("#Input_RequesterName", "Pekka Puhelin");
        await page.FillAsync("#Input_RequesterPhone", "040 765 4321");
        await page.ClickAsync("#intake-save");
        await page.WaitForPageAsync(RequestUrl);

        // No email: the acknowledgement is shown to print and post, in the one voice, with the due date.
        await Expect(page.Locator("#acknowledgement-via")).ToHaveTextAsync("Pyytäjän sähköpostiosoitetta ei ole: tulosta vastaanottoilmoitus ja postita se.");
        var letter = page.Locator("#acknowledgement-letter");
        await Expect(letter).ToContainTextAsync("Hei Pekka Puhelin,");
        await Expect(letter).ToContainTextAsync("Olemme vastaanottaneet tietojen tarkastuspyyntösi");
        await Expect(letter).ToContainTextAsync("Vastaamme siihen viimeistään " + await page.Locator("#due-date").InnerTextAsync());
        await Expect(page.Locator("#action-log")).ToContainTextAsync("Vastaanottoilmoitus: postitetaan");
        await Infrastructure.Browser.CheckPageAsync(page, "requests-acknowledged");

        // The requester calls back: they no longer need it.
        await page.FillAsync("#Withdraw_Note", "Soitti 6.12. ja perui: löysi tiedot omilta sivuiltaan.");
        await page.ClickAsync("#withdraw");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Pyyntö merkitty peruutetuksi.");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Peruttu");
        await Expect(page.Locator("#resolution")).ToHaveTextAsync("Soitti 6.12. ja perui: löysi tiedot omilta sivuiltaan.");
        await Expect(page.Locator("#withdraw-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#action-log li").First).ToContainTextAsync("Peruttu");
        await Infrastructure.Browser.CheckPageAsync(page, "requests-withdrawn");
    }

    [Fact]
    public async Task ARestrictionIsLiftedOnlyWithAReasonAndTheLetterIsShownOnTheRequestPage()
    {
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = (await dpo.Client.CreateConsumerAsync(new { firstName = "Raili", lastName = "Rajoitettu", source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        var id = await CreateAsync(dpo.Client, new
        {
            type = "Restriction",
            channel = "Letter",
            requesterName = "Raili Rajoitettu",
            requesterEmail = $"raili.{Guid.NewGuid():N}@example.fi",
            subjectId,
        });
        await StepAsync(dpo.Client, id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        await StepAsync(dpo.Client, id, "start", new { });
        await StepAsync(dpo.Client, id, "restrict", new { ground = "AccuracyContested" });
        var url = _browser.BaseUrl;
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);

        // Without a reason nothing is lifted and nobody is told: the error beside the field, in Finnish and in Swedish.
        await page.GotoAsync(url + $"/requests/{id}");
        await page.ClickAsync("#lift");
        await Expect(page.Locator("#Lift_Reason-error")).ToContainTextAsync("Pakollinen tieto");
        await page.GotoAsync(url + $"/set-language?culture=sv&returnUrl=%2Frequests%2F{id}");
        await page.ClickAsync("#lift");
        await Expect(page.Locator("#Lift_Reason-error")).ToContainTextAsync("Obligatorisk uppgift");
        await page.GotoAsync(url + $"/set-language?culture=fi&returnUrl=%2Frequests%2F{id}");
        await Expect(page.Locator("#action-log")).Not.ToContainTextAsync("Rajoituksen päättymisestä kerrottu");

        await page.FillAsync("#Lift_Reason", "Tarkistimme osoitteesi: se oli oikein.");
        await page.ClickAsync("#lift");
        await Expect(page.Locator("#notice")).ToContainTextAsync("Pyytäjälle kerrottiin siitä ensin kirjeellä");
        var row = page.Locator("#limits-list tbody tr").First;
        await Expect(row).ToContainTextAsync("Tarkistimme osoitteesi: se oli oikein.");
        var letter = row.Locator(".lift-letter");
        await Expect(letter).ToContainTextAsync("Hei Raili Rajoitettu,");
        await Expect(letter).ToContainTextAsync("Rajoitus päättyy");
        await Expect(letter).ToContainTextAsync("Syy: Tarkistimme osoitteesi: se oli oikein.");
        await Expect(letter).ToContainTextAsync("Tietosuojavaltuutetun toimisto");
        await Expect(page.Locator("#action-log")).ToContainTextAsync("Rajoituksen päättymisestä kerrottu: lähetetty sähköpostilla");
        await row.Locator("summary").ClickAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "requests-lifted");
    }

    [Fact]
    public async Task AContactPersonsEmailIsRectifiedOnTheRequestPageWithBeforeAndAfter()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var organisation = await PostAsync(service.Client, "/api/organisations", new { name = "Metalli Oy", businessId = "1572860-0", source = "PublicSources" });
        var subjectId = (await PostAsync(service.Client, $"/api/organisations/{organisation.GetProperty("id").GetGuid()}/contacts",
            new { firstName = "Sanna", lastName = "Öberg", email = "sanna.oberg@example.fi", source = "CustomerOrganisation" })).GetProperty("subjectId").GetGuid();
        var id = await CreateAsync(dpo.Client, new { type = "Rectification", channel = "Letter", requesterName = "Sanna Öberg", subjectId });
        await StepAsync(dpo.Client, id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        await StepAsync(dpo.Client, id, "start", new { });
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/requests/{id}");

        var email = new SelectOptionValue { Label = "Yhteyshenkilö (Metalli Oy): Sähköposti" };
        await page.SelectOptionAsync("#Rectify_Field", email);
        await page.FillAsync("#Rectify_Value", "ei-osoite");
        await page.ClickAsync("#rectify");
        await Expect(page.Locator("#Rectify_Value-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#Rectify_Value")).ToHaveValueAsync("ei-osoite");
        await page.SelectOptionAsync("#Rectify_Field", email);
        await page.FillAsync("#Rectify_Value", "sanna.oberg@metalli.fi");
        await page.ClickAsync("#rectify");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tieto korjattu.");
        var change = page.Locator("#rectifications tbody tr").First;
        await Expect(change.Locator("td").First).ToHaveTextAsync("Yhteyshenkilö: sähköposti");
        await Expect(change).ToContainTextAsync("sanna.oberg@example.fi");
        await Expect(change.Locator("strong")).ToHaveTextAsync("sanna.oberg@metalli.fi");
        await Infrastructure.Browser.CheckPageAsync(page, "requests-rectified-contact");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/requests", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, Guid id, string step, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/requests/{id}/{step}", body);
        Assert.True(response.IsSuccessStatusCode, $"{step}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
