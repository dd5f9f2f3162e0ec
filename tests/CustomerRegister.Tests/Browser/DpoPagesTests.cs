using System.Net.Http.Json;
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
        await page.WaitForPageAsync(RequestUrl);
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
    [Fact]
    public async Task TheDpoRectifiesRestrictsAndLiftsExtendsAndRefusesOnTheRequestPage()
    {
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var dpo = await _browser.App.CreateUserAsync(Roles.DataProtectionOfficer);
        var consumer = await service.Client.CreateConsumerAsync(new
        {
            firstName = "Aino",
            lastName = "Kuusela",
            street = "Rantatie 5",
            postalCode = "40110",
            city = "Jyväskylä",
            phone = "050 123 4567",
            email = "aino.kuusela@example.fi",
            source = "Consumer",
        });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        var url = _browser.BaseUrl;
        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);

        // Rectification by letter: matched, verified at the office, started, then the name corrected field by field.
        await page.GotoAsync(url + "/requests/new");
        await page.SelectOptionAsync("#Input_Type", "Rectification");
        await page.SelectOptionAsync("#Input_Channel", "Letter");
        await page.FillAsync("#Input_ReceivedOn", "");
        await page.FillAsync("#Input_RequesterName", "Aino Kuusela");
        await page.FillAsync("#Input_RequesterEmail", "aino.kuusela@example.fi");
        await page.FillAsync("#Input_RequesterAddress", "Rantatie 5, 40110 Jyväskylä");
        await page.FillAsync("#Input_Text", "Sukunimeni on nyt Kuusela-Virtanen.");
        await page.ClickAsync("#intake-save");
        await page.WaitForPageAsync(RequestUrl);
        await Expect(page.Locator($"#candidate-{subjectId} .why")).ToContainTextAsync("postinumero");
        await page.Locator($"#candidate-{subjectId} button.match").ClickAsync();
        await page.SelectOptionAsync("#Verify_Method", "IdDocumentSeenAtOffice");
        await page.ClickAsync("#verify");
        await page.ClickAsync("#start");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Käsittelyssä");
        await page.SelectOptionAsync("#Rectify_Field", new SelectOptionValue { Label = "Postinumero" });
        await page.FillAsync("#Rectify_Value", "ABC");
        await page.ClickAsync("#rectify");
        await Expect(page.Locator("#Rectify_Value-error")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#Rectify_Field", new SelectOptionValue { Label = "Sukunimi" });
        await page.FillAsync("#Rectify_Value", "Kuusela-Virtanen");
        await page.ClickAsync("#rectify");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tieto korjattu.");
        var change = page.Locator("#rectifications tbody tr").First;
        await Expect(change).ToContainTextAsync("Sukunimi");
        await Expect(change).ToContainTextAsync("Kuusela");
        await Expect(change.Locator("strong")).ToHaveTextAsync("Kuusela-Virtanen");
        await Expect(page.Locator("#recipients li")).Not.ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-request-rectification");
        await page.ClickAsync("#complete");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Valmis");

        // Restriction: the ground, the scope in words, then lifted with a reason.
        var restriction = await CreateRequestAsync(dpo.Client, "Restriction", subjectId);
        await page.GotoAsync(url + $"/requests/{restriction}");
        await page.ClickAsync("#start");
        await page.ClickAsync("#restrict");
        await Expect(page.Locator("#Restrict_Ground-error")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#Restrict_Ground", "AccuracyContested");
        await page.ClickAsync("#restrict");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Käsittelyä rajoitettu.");
        await Expect(page.Locator("#limits-list tbody tr").First).ToContainTextAsync("kiistää");
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-request-restriction");
        await page.GotoAsync(url + "/dpo");
        await Expect(page.Locator("#fig-limits strong")).ToHaveTextAsync("1");
        await page.GotoAsync(url + $"/requests/{restriction}");
        await page.FillAsync("#Lift_Reason", "Tiedot tarkistettu: osoite oli oikein.");
        await page.ClickAsync("#lift");
        await Expect(page.Locator("#notice")).ToContainTextAsync("Rajoitus poistettu.");
        await Expect(page.Locator("#limits-list tbody tr").First).ToContainTextAsync("osoite oli oikein");

        // Access by phone, extended once with the letter, then refused with the reason.
        var access = await CreateRequestAsync(dpo.Client, "Access", null);
        await page.GotoAsync(url + $"/requests/{access}");
        var due = await page.Locator("#due-date").TextContentAsync();
        await page.FillAsync("#Extend_ToldVia", "puhelimessa");
        await page.ClickAsync("#extend");
        await Expect(page.Locator("#Extend_Reason-error")).ToBeVisibleAsync();
        await page.FillAsync("#Extend_Reason", "Pyyntö koskee usean vuoden aineistoa.");

        // Someone else changed the request meanwhile: the step is refused as stale, the typed reason kept.
        var current = await dpo.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/requests/{access}");
        var assigned = await dpo.Client.PutAsJsonAsync($"/api/requests/{access}/assignee",
            new { userId = dpo.Id, version = current.GetProperty("version").GetInt64() });
        Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        await page.ClickAsync("#extend");
        await Expect(page.Locator("#action-errors")).ToContainTextAsync("Joku muu muutti tätä tietoa");
        await Expect(page.Locator("#Extend_Reason")).ToHaveValueAsync("Pyyntö koskee usean vuoden aineistoa.");
        await Expect(page.Locator("#assignee")).ToContainTextAsync("Staff");
        await page.ClickAsync("#extend");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Määräaikaa jatkettu.");
        await Expect(page.Locator("#due-date")).Not.ToHaveTextAsync(due!);
        await Expect(page.Locator("#extend-form")).ToHaveCountAsync(0);
        await page.FillAsync("#Refuse_Reason", "Emme voineet varmistaa, että pyytäjä on rekisterissä oleva henkilö.");
        await page.ClickAsync("#refuse");
        await Expect(page.Locator("#request-state")).ToHaveTextAsync("Hylätty");
        await Expect(page.Locator("#response-letter")).ToBeAttachedAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "dpo-request-refused");

        // Erasure is handled on its own page.
        var erasure = await CreateRequestAsync(dpo.Client, "Erasure", null);
        await page.GotoAsync(url + $"/requests/{erasure}");
        await Expect(page.Locator("#to-erasure")).ToHaveAttributeAsync("href", $"/requests/{erasure}/erasure");
        await Expect(page.Locator("#person .muted").Nth(1)).ToContainTextAsync("väärän henkilön");
    }

    private static async Task<Guid> CreateRequestAsync(HttpClient client, string type, Guid? subjectId)
    {
        var response = await client.PostAsJsonAsync("/api/requests", new
        {
            type,
            channel = "Phone",
            requesterName = "Aino Kuusela",
            requesterPhone = "050 123 4567",
            subjectId,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }
}
