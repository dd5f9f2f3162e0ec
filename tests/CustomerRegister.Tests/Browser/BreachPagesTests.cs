using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>The breach register in the browser: recorded at 09:00, warned about at 57 hours, notified, decided, people found.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class BreachPagesTests : IAsyncLifetime
{
    private static readonly Regex BreachUrl = new("/breaches/([0-9a-f-]{36})$");

    private Infrastructure.Browser _browser = null!;

    private BreachClockFactory App => (BreachClockFactory)_browser.App;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new BreachClockFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task TheDpoRecordsABreachAt0900IsWarnedAt57HoursNotifiesTheAuthorityFindsThePeopleAndDecidesToTellThem()
    {
        var url = _browser.BaseUrl;
        var dpo = await App.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await App.CreateUserAsync(Roles.CustomerService);
        var consumer = await service.Client.CreateConsumerAsync(new
        {
            firstName = "Eero",
            lastName = "Mäkinen",
            phone = "044 397 8225",
            source = "Consumer",
        });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        Assert.True((await service.Client.GetAsync($"/api/subjects/{subjectId}")).IsSuccessStatusCode);
        var emailed = (await service.Client.CreateConsumerAsync(new
        {
            firstName = "Aino",
            lastName = "Virtanen",
            email = $"aino.{Guid.NewGuid():N}@example.fi",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();
        Assert.True((await service.Client.GetAsync($"/api/subjects/{emailed}")).IsSuccessStatusCode);

        var page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(url + "/breaches");
        await Expect(page.Locator("#breaches-none")).ToBeVisibleAsync();
        await page.ClickAsync("#new-breach");
        await Expect(page.Locator("#Input_DiscoveredAt")).ToHaveValueAsync("2026-12-07T09:00");

        // Nothing filled in: each field says what is missing, in Finnish.
        await page.ClickAsync("#breach-save");
        await Expect(page.Locator("#Input_Description-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Expect(page.Locator("#categories-error")).ToHaveTextAsync("Valitse vähintään yksi tietoryhmä.");
        await Expect(page.Locator("#Input_ApproxPeople-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Infrastructure.Browser.CheckPageAsync(page, "breaches-new-errors");

        await page.FillAsync("#Input_Description", "Asiakaspalvelun tunnus oli ulkopuolisen käytössä.");
        await page.CheckAsync("input[name='Input.Categories'][value='contact.name']");
        await page.CheckAsync("input[name='Input.Categories'][value='contact.phone']");
        await page.FillAsync("#Input_ApproxPeople", "40");
        await page.FillAsync("#Input_ApproxRecords", "120");
        await page.FillAsync("#Input_Consequences", "Huijauspuhelut asiakkaille.");
        await page.FillAsync("#Input_Measures", "Tunnus suljettu ja salasanat vaihdettu.");
        await page.ClickAsync("#breach-save");
        await Expect(page).ToHaveURLAsync(BreachUrl);
        var id = BreachUrl.Match(page.Url).Groups[1].Value;
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tietoturvaloukkaus kirjattu.");
        await Expect(page.Locator("#clock-badge")).ToHaveTextAsync("72 h jäljellä");
        await Expect(page.Locator("#due")).ToHaveTextAsync("10.12.2026 klo 9.00");
        await Expect(page.Locator("#clock-warning")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "breaches-breach");

        // More is learnt: the facts are corrected on their own form.
        await page.ClickAsync("#edit-breach");
        await Expect(page.Locator("#Input_Description")).ToHaveValueAsync("Asiakaspalvelun tunnus oli ulkopuolisen käytössä.");
        await page.FillAsync("#Input_ApproxPeople", "");
        await page.ClickAsync("#breach-save");
        await Expect(page.Locator("#Input_ApproxPeople-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Infrastructure.Browser.CheckPageAsync(page, "breaches-edit");
        await page.FillAsync("#Input_ApproxPeople", "45");
        await page.ClickAsync("#breach-save");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Tiedot päivitetty.");
        await Expect(page.Locator("#people-count")).ToHaveTextAsync("45");

        // 57 hours later: warned on the breach, on the list and on the DPO's desk.
        App.Clock.Advance(TimeSpan.FromHours(57));
        page = await _browser.SignedInPageAsync(dpo.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(url + "/dpo");
        await Expect(page.Locator("#fig-breaches strong")).ToHaveTextAsync("1");
        await Expect(page.Locator("li:has(#fig-breaches)")).ToHaveClassAsync("alarm");
        await page.ClickAsync("#fig-breaches");
        await Expect(page.Locator($"#breach-{id}")).ToContainTextAsync("15 h jäljellä");
        await Infrastructure.Browser.CheckPageAsync(page, "breaches-list");
        await page.ClickAsync($"#breach-{id} a");
        await Expect(page.Locator("#clock-warning")).ToContainTextAsync("10.12.2026 klo 9.00 (15 h jäljellä)");
        await Expect(page.Locator("#clock-badge")).ToHaveClassAsync("badge warn");

        // The people: everyone whose data the customer-service account read.
        await page.SelectOptionAsync("#Affected_ActorId", service.Id.ToString());
        await page.ClickAsync("#affected-find");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Löytyi 2 henkilöä, joista 2 uutta.");
        await Expect(page.Locator("#affected-list li")).ToHaveCountAsync(2);
        await Expect(page.Locator($"#affected-list a[href='/subjects/{subjectId}']")).ToHaveCountAsync(1);

        // The authority: the reference is named when missing, then the notification is recorded in time.
        await page.SelectOptionAsync("#Authority_Decision", "Notified");
        await page.ClickAsync("#authority-save");
        await Expect(page.Locator("#Authority_Reference-error")).ToHaveTextAsync("Pakollinen tieto.");
        await page.FillAsync("#Authority_Reference", "TSV/2026/1234");
        await page.ClickAsync("#authority-save");
        await Expect(page.Locator("#authority-done")).ToContainTextAsync("TSV/2026/1234");
        await Expect(page.Locator("#clock-badge")).ToHaveTextAsync("Ilmoitettu ajoissa");

        // The people are told: the letter in Finnish, Swedish and English.
        await page.SelectOptionAsync("#People_Decision", "Notify");
        await page.ClickAsync("#people-save");
        await Expect(page.Locator("#people-done")).ToBeVisibleAsync();
        await Expect(page.Locator("#letter-fi")).ToContainTextAsync("Mitä tapahtui: Asiakaspalvelun tunnus oli ulkopuolisen käytössä.");
        await Expect(page.Locator("#letter-fi")).ToContainTextAsync("näitä tietoja: nimi, puhelinnumero.");
        await Expect(page.Locator("#letter-sv")).ToHaveCountAsync(1);
        await Expect(page.Locator("#letter-en")).ToHaveCountAsync(1);
        await Infrastructure.Browser.CheckPageAsync(page, "breaches-breach-decided");

        // The letters go: by email to the one with an email, to post for the other, which the DPO marks posted.
        await page.ClickAsync("#send-letters");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Sähköpostilla 1, postitettavia 1.");
        await Expect(page.Locator("#letter-counts tr[data-state='ToPost'] td")).ToHaveTextAsync("1");
        await Expect(page.Locator($"#affected-list li[data-subject='{subjectId}'] .letter-state")).ToHaveTextAsync("Postitettava");
        await App.DeliverMailAsync();
        await page.ReloadAsync();
        await Expect(page.Locator($"#affected-list li[data-subject='{emailed}'] .letter-state")).ToHaveTextAsync("Toimitettu sähköpostilla");
        await Expect(page.Locator("#send-letters")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "breaches-letters");
        await page.ClickAsync("#mark-posted");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("1 kirjettä merkitty postitetuiksi.");
        await Expect(page.Locator("#letter-counts tr[data-state='Posted'] td")).ToHaveTextAsync("1");
        await Expect(page.Locator("#mark-posted")).ToHaveCountAsync(0);

        // In Swedish the field errors are Swedish.
        await page.GotoAsync(url + "/set-language?culture=sv&returnUrl=%2Fbreaches%2Fnew");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await page.ClickAsync("#breach-save");
        await Expect(page.Locator("#Input_Description-error")).ToHaveTextAsync("Obligatorisk uppgift.");
        await Expect(page.Locator("#categories-error")).ToHaveTextAsync("Välj minst en uppgiftskategori.");
    }
}
