using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>The data-protection officer's desk: a request taken by phone, matched, verified and answered in the browser.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class DpoPagesTests : IAsyncLifetime
{
    private static readonly Regex RequestUrl = new("/requests/([0-9a-f-]{36})$");

    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task TheDpoTakesAPhoneRequestMatchesItVerifiesIdentityAndSendsTheAccessReport()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var consumer = await service.Client.CreateConsumerAsync(new
        {
            firstName = "Eero",
            lastName = "Mäkinen",
            street = "Rantatie 58 B 30",
            postalCode = "40110",
            city = "Jyväskylä",
            phone = "044 397 8225",
            email = "eero.makinen@example.fi",
            source = "Consumer",
        });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        var url = _browser.BaseUrl;

        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await Expect(page.Locator("#start-dataprotectionofficer")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-start");

        // Intake: the required fields are refused beside them, in Finnish and in Swedish.
        await page.GotoAsync(url + "/requests/new");
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-intake");
        await page.ClickAsync("#intake-save");
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_RequesterName-error")).ToContainTextAsync("Pakollinen tieto");
        await Expect(page.Locator("#Input_Type-error")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-intake-errors");
        await page.GotoAsync(url + "/set-language?culture=sv&returnUrl=%2Frequests%2Fnew");
        await page.ClickAsync("#intake-save");
        await Expect(page.Locator("#Input_RequesterName-error")).ToContainTextAsync("Obligatorisk uppgift");
        await page.GotoAsync(url + "/set-language?culture=fi&returnUrl=%2Frequests%2Fnew");

        // The phone call: Eero asks what we hold about him.
        await page.SelectOptionAsync("#Input_Type", "Access");
        await page.SelectOptionAsync("#Input_Channel", "Phone");
        await page.FillAsync("#Input_RequesterName", "Eero Mäkinen");
        await page.FillAsync("#Input_RequesterPhone", "044 397 8225");
        await page.FillAsync("#Input_RequesterEmail", "eero.makinen@example.fi");
        await page.FillAsync("#Input_Text", "Soitti ja pyysi kaikki tiedot, joita meillä on hänestä.");
        await page.ClickAsync("#intake-save");
        await page.WaitForURLAsync(RequestUrl);
        var requestId = Guid.Parse(RequestUrl.Match(page.Url).Groups[1].Value);
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Pyyntö kirjattu.");
        await Expect(page.Locator("#request-title")).ToHaveTextAsync("Tarkastuspyyntö");
        await Expect(page.Locator("#requester-phone")).ToHaveTextAsync("044 397 8225");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Vastaanotettu");
        await Expect(page.Locator("#request-days-left")).ToContainTextAsync("jäljellä");

        // Match: the suggestion says why (same email, phone and name).
        var candidate = page.Locator($"#candidate-{subjectId}");
        await Expect(candidate.Locator(".why")).ToContainTextAsync("sähköposti");
        await Expect(candidate.Locator(".why")).ToContainTextAsync("puhelin");
        await Expect(candidate.Locator(".why")).ToContainTextAsync("nimi");
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-request-received");
        await candidate.Locator("button.match").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Pyyntö yhdistetty henkilöön.");
        await Expect(page.Locator("#matched-person a")).ToHaveTextAsync("Mäkinen, Eero");
        await Expect(page.Locator("#report-not-ready")).ToBeVisibleAsync();

        // Verify identity: the note is required for "other".
        await page.SelectOptionAsync("#Verify_Method", "Other");
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#Verify_Note-error")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#Verify_Method", "AnsweredFromRegisteredPhone");
        await page.FillAsync("#Verify_Note", "Soitettiin takaisin rekisterissä olevaan numeroon.");
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#identity-verified")).ToContainTextAsync("Soitettiin takaisin rekisterissä olevaan numeroon");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Henkilöllisyys todennettu");
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-request-verified");

        // The report: previewed (the HTML the API renders), downloaded as PDF and JSON, then sent.
        var requestPage = page.Url;
        await page.GotoAsync(url + await page.Locator("#preview-fi").GetAttributeAsync("href"));
        await Expect(page.Locator("body")).ToContainTextAsync("Mäkinen");
        await page.GotoAsync(requestPage);
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#pdf-sv"));
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#json-en"));
        Assert.Contains("eero.makinen@example.fi", await File.ReadAllTextAsync(await json.PathAsync()), StringComparison.Ordinal);

        await Expect(page.Locator("#Send_Via")).ToHaveValueAsync("Email");
        await page.ClickAsync("#send-report");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Raportti lähetetty.");
        await Expect(page.Locator("#action-log")).ToContainTextAsync("Tarkastusraportti lähetetty: email");
        await page.ClickAsync("#start");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Käsittelyssä");
        await page.FillAsync("#Complete_Note", "Raportti lähetetty sähköpostilla.");
        await page.ClickAsync("#complete");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Valmis");
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-request-completed");

        // The queue: open ones by default; the completed one under its state.
        await page.GotoAsync(url + "/requests");
        await Expect(page.Locator($"#request-{requestId}")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#State", "Completed");
        await page.SelectOptionAsync("#Type", "Access");
        await page.ClickAsync("#filter");
        await Expect(page.Locator($"#request-{requestId}")).ToContainTextAsync("Eero Mäkinen");
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-queue");

        // The desk: its figures, each a link to its list, and the audit chain's state.
        await page.GotoAsync(url + "/dpo");
        await Expect(page.Locator("#fig-overdue")).ToHaveAttributeAsync("href", "/requests?due=Overdue");
        await Expect(page.Locator("#chain-state")).ToContainTextAsync("Ketju eheä");
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-desk");
    }
}
