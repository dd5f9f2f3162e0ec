using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// Marketing's events and surveys: a marketer creates an event, invites people found by the search (the ledger refusing
/// what it does not allow, in words), records registration and attendance, and sees them on the person page; a survey
/// with an answer recorded for a person.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class EventPagesTests : IAsyncLifetime
{
    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private static async Task<Guid> ConsumerAsync(HttpClient client, string firstName, string lastName) =>
        (await client.CreateConsumerAsync(new
        {
            firstName,
            lastName,
            email = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.fi",
            phone = "040 765 4321",
            street = "Satamakatu 4",
            postalCode = "70100",
            city = "Kuopio",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();

    [Fact]
    public async Task AMarketerCreatesAnEventInvitesRecordsAttendanceAndSeesItOnThePersonPage()
    {
        var marketing = await _browser.App.CreateUserAsync(Roles.Marketing);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var guest = await ConsumerAsync(service.Client, "Kaisa", "Vieraslista");
        var banned = await ConsumerAsync(service.Client, "Kalle", "Vieraskielto");
        var ban = await service.Client.PostAsJsonAsync($"/api/subjects/{banned}/marketing-consents",
            new { channel = "Post", purpose = "sales_and_marketing", kind = "Prohibition", source = "Consumer" });
        Assert.True(ban.IsSuccessStatusCode);
        var past = await marketing.Client.PostAsJsonAsync("/api/marketing-events", new { name = "Kevätmessut", date = "2020-05-20", place = "Kuopio" });
        Assert.True(past.IsSuccessStatusCode);

        var page = await _browser.SignedInPageAsync(marketing.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/marketing");
        await page.ClickAsync("#all-events");
        await page.WaitForPageAsync(_browser.BaseUrl + "/marketing/events");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tapahtumat");
        await Expect(page.Locator("#past-events")).ToContainTextAsync("Kevätmessut");
        await Expect(page.Locator("#past-events")).ToContainTextAsync("20.5.2020");

        // Nothing typed: the reasons beside the fields, in Finnish and in Swedish.
        await page.ClickAsync("#new-event");
        await page.WaitForPageAsync(_browser.BaseUrl + "/marketing/events/new");
        await page.FillAsync("#Input_Date", "");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Expect(page.Locator("#Input_Date-error")).ToHaveTextAsync("Pakollinen tieto.");
        await Infrastructure.Browser.CheckPageAsync(page, "events-new-refused");
        await page.ClickAsync("header a[lang=sv]");
        await page.FillAsync("#Input_Date", "");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync("Obligatorisk uppgift.");
        await page.ClickAsync("header a[lang=fi]");

        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));
        await page.FillAsync("#Input_Name", "Avoimet ovet");
        await page.FillAsync("#Input_Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#Input_Place", "Kuopion asema");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(new Regex("/marketing/events/[0-9a-f-]{36}$"));
        var eventUrl = page.Url;
        await Expect(page.Locator("h1")).ToHaveTextAsync("Avoimet ovet");
        await Expect(page.Locator("#event-date")).ToHaveTextAsync(date.ToString("d.M.yyyy", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#no-invitations")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "events-details-new");

        // The one with a postal ban is refused by post, with the reason in words.
        await page.FillAsync("#q", "Vieraskielto");
        await page.ClickAsync("#search-person");
        await page.CheckAsync($"#person-{banned}");
        await page.SelectOptionAsync("#Input_Channel", "Post");
        await page.ClickAsync("#invite-person");
        await Expect(page.Locator("#Input_Channel-error")).ToContainTextAsync("markkinointikielto");
        await Expect(page.Locator($"#person-{banned}")).ToBeCheckedAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "events-invite-refused");

        // The other is invited by phone.
        await page.FillAsync("#q", "Vieraslista");
        await page.ClickAsync("#search-person");
        await page.CheckAsync($"#person-{guest}");
        await page.SelectOptionAsync("#Input_Channel", "Phone");
        await page.ClickAsync("#invite-person");
        var row = page.Locator("#invitees tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Vieraslista Kaisa");
        await Expect(row).ToContainTextAsync("Puhelin");
        await Expect(row.Locator(".state")).ToContainTextAsync("Kutsuttu");
        await Expect(page.Locator("#count-invited")).ToHaveTextAsync("1");

        // Registered, then attended.
        await row.Locator("button").ClickAsync();
        await Expect(row.Locator(".state")).ToContainTextAsync("Ilmoittautunut");
        await row.Locator("select").SelectOptionAsync("Attended");
        await row.Locator("button").ClickAsync();
        await Expect(row.Locator(".state")).ToContainTextAsync("Osallistui");
        await Infrastructure.Browser.CheckPageAsync(page, "events-details");

        // The list counts it; the person page shows it in words, linked to the event.
        await page.GotoAsync(_browser.BaseUrl + "/marketing/events");
        await Expect(page.Locator("#upcoming-events tbody tr").First).ToContainTextAsync("Avoimet ovet");
        await Infrastructure.Browser.CheckPageAsync(page, "events-list");
        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{guest}");
        var panel = page.Locator("#marketing-events");
        await Expect(panel).ToContainTextAsync("Avoimet ovet");
        await Expect(panel).ToContainTextAsync("Osallistui");
        await Expect(panel).ToContainTextAsync("(puhelin)");
        await panel.Locator("a").ClickAsync();
        await page.WaitForPageAsync(eventUrl);
    }

    [Fact]
    public async Task AMarketerInvitesASavedCampaignListInTheBackground()
    {
        var marketing = await _browser.App.CreateUserAsync(Roles.Marketing);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        async Task<Guid> NorthernerAsync(string lastName) =>
            (await service.Client.CreateConsumerAsync(new
            {
                firstName = "Niilo",
                lastName,
                street = "Nuorgamintie 1",
                postalCode = "99990",
                city = "Utsjoki",
                source = "Consumer",
            })).GetProperty("subjectId").GetGuid();
        var listed = await NorthernerAsync("Postilista");
        var banned = await NorthernerAsync("Postikielto");
        Assert.True((await service.Client.PostAsJsonAsync($"/api/subjects/{banned}/marketing-consents",
            new { channel = "Post", purpose = "sales_and_marketing", kind = "Prohibition", source = "Consumer" })).IsSuccessStatusCode);
        var campaign = await marketing.Client.PostAsJsonAsync("/api/campaigns",
            new { name = "Pohjoisen kirje", channel = "Post", purpose = "sales_and_marketing", kinds = new[] { "Consumer" }, postalCodePrefix = "9999" });
        Assert.True(campaign.IsSuccessStatusCode, await campaign.Content.ReadAsStringAsync());
        var created = await marketing.Client.PostAsJsonAsync("/api/marketing-events",
            new { name = "Tunturipäivä", date = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), place = "Utsjoki" });
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var page = await _browser.SignedInPageAsync(marketing.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + $"/marketing/events/{eventId}");
        await page.ClickAsync("#invite-campaign");
        await Expect(page.Locator("#List_CampaignId-error")).ToHaveTextAsync("Pakollinen tieto.");
        await page.SelectOptionAsync("#List_CampaignId", new Microsoft.Playwright.SelectOptionValue { Label = "Pohjoisen kirje · Posti" });
        await Infrastructure.Browser.CheckPageAsync(page, "events-invite-campaign");
        await page.ClickAsync("#invite-campaign");
        await page.WaitForPageAsync(new Regex("/jobs/[0-9a-f-]{36}$"));
        var jobId = Guid.Parse(page.Url[^36..]);
        await _browser.App.Services.GetRequiredService<CustomerRegister.Infrastructure.Jobs.BackgroundJobs>().WhenFinishedAsync(jobId);
        await page.ReloadAsync();
        await Expect(page.Locator("#job-message")).ToContainTextAsync("Kutsuttu 1, jo aiemmin kutsuttu 0");
        await page.ClickAsync("#job-result");
        await page.WaitForPageAsync(_browser.BaseUrl + $"/marketing/events/{eventId}");
        var rows = page.Locator("#invitees tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Postilista Niilo");
        await Expect(rows).ToContainTextAsync("Posti");
    }

    [Fact]
    public async Task AMarketerCreatesASurveyAndRecordsAnAnswerForAPerson()
    {
        var marketing = await _browser.App.CreateUserAsync(Roles.Marketing);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var respondent = await ConsumerAsync(service.Client, "Veera", "Vastaaja");

        var page = await _browser.SignedInPageAsync(marketing.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/marketing");
        await page.ClickAsync("#all-surveys");
        await page.WaitForPageAsync(_browser.BaseUrl + "/marketing/surveys");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kyselyt");
        await page.ClickAsync("#new-survey");
        await page.FillAsync("#Input_Name", "Asiakastyytyväisyys 2026");
        await Infrastructure.Browser.CheckPageAsync(page, "surveys-new");
        await page.ClickAsync("#save");
        await page.WaitForPageAsync(new Regex("/marketing/surveys/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Asiakastyytyväisyys 2026");
        await Expect(page.Locator("#no-answers")).ToBeVisibleAsync();

        // A score out of range is refused beside the field (Finnish, then Swedish); the person stays chosen.
        await page.FillAsync("#q", "Vastaaja");
        await page.ClickAsync("#search-person");
        await page.CheckAsync($"#person-{respondent}");
        await page.FillAsync("#Input_Answers", "Nouto oli nopea, hinnat selkeät.");
        await page.FillAsync("#Input_Score", "150");
        await page.ClickAsync("#record-answer");
        await Expect(page.Locator("#Input_Score-error")).ToContainTextAsync("0");
        await Expect(page.Locator("#Input_Score-error")).ToContainTextAsync("100");
        await Expect(page.Locator($"#person-{respondent}")).ToBeCheckedAsync();
        await Expect(page.Locator("#Input_Answers")).ToHaveValueAsync("Nouto oli nopea, hinnat selkeät.");
        await Infrastructure.Browser.CheckPageAsync(page, "surveys-answer-refused");
        var finnish = await page.Locator("#Input_Score-error").TextContentAsync();
        await page.ClickAsync("header a[lang=sv]");
        await page.FillAsync("#q", "Vastaaja");
        await page.ClickAsync("#search-person");
        await page.CheckAsync($"#person-{respondent}");
        await page.FillAsync("#Input_Answers", "Snabbt.");
        await page.FillAsync("#Input_Score", "150");
        await page.ClickAsync("#record-answer");
        await Expect(page.Locator("#Input_Score-error")).Not.ToHaveTextAsync(finnish!);
        await Expect(page.Locator("#Input_Score-error")).ToContainTextAsync("100");
        await page.ClickAsync("header a[lang=fi]");

        await page.FillAsync("#q", "Vastaaja");
        await page.ClickAsync("#search-person");
        await page.CheckAsync($"#person-{respondent}");
        await page.FillAsync("#Input_Answers", "Nouto oli nopea, hinnat selkeät.");
        await page.FillAsync("#Input_Score", "80");
        await page.ClickAsync("#record-answer");
        var rows = page.Locator("#answer-list tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Vastaaja Veera");
        await Expect(rows).ToContainTextAsync("80");
        await Expect(rows).ToContainTextAsync("Nouto oli nopea");
        await Expect(rows).ToContainTextAsync("Kuluttaja-asiakas itse");
        await Infrastructure.Browser.CheckPageAsync(page, "surveys-details");

        await page.GotoAsync(_browser.BaseUrl + "/marketing/surveys");
        await Expect(page.Locator("#surveys")).ToContainTextAsync("Asiakastyytyväisyys 2026");
        await Infrastructure.Browser.CheckPageAsync(page, "surveys-list");

        await page.GotoAsync(_browser.BaseUrl + $"/subjects/{respondent}");
        await Expect(page.Locator("#marketing-surveys")).ToContainTextAsync("Asiakastyytyväisyys 2026");
        await Expect(page.Locator("#marketing-surveys")).ToContainTextAsync("pisteet 80");
    }
}
