using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Tests.Infrastructure;
using CustomerRegister.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// A marketer's list too large to preview within the request: the new-campaign form says to save it first, and the saved
/// campaign's preview runs as a job whose page leads back to the campaign with the run counted.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class CampaignPreviewJobPagesTests : IAsyncLifetime
{
    private static readonly Regex JobUrl = new("/jobs/([0-9a-f-]{36})$");

    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new CampaignPreviewJobFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ALargeListIsSavedFirstAndPreviewedInTheBackground()
    {
        var staff = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var marketer = await _browser.App.CreateUserAsync(Roles.Marketing);
        const string city = "Joukkola";
        for (var i = 0; i <= CampaignPreviewJobFactory.InlineLimit; i++)
        {
            await staff.Client.CreateConsumerAsync(new
            {
                firstName = $"Henkilö{i}",
                lastName = "Joukko",
                street = $"Joukkotie {i + 1}",
                postalCode = "99990",
                city,
                source = "Consumer",
            });
        }

        var page = await _browser.SignedInPageAsync(marketer.Email, RegisterFactory.UserPassword);
        await page.GotoAsync(_browser.BaseUrl + "/marketing/campaigns/new");
        await page.FillAsync("#Input_Name", "Kevään kirje kaikille");
        await page.SelectOptionAsync("#Input_Channel", "Post");
        await page.SelectOptionAsync("#Input_Purpose", "sales_and_marketing");
        await page.FillAsync("#Input_Municipality", city.ToLowerInvariant());
        await page.ClickAsync("#preview-campaign");
        await Expect(page.Locator("#preview-too-large")).ToContainTextAsync("Valinnassa on 4 henkilöä");
        await Expect(page.Locator("#form-errors")).ToHaveCountAsync(0);
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-new-too-large");

        await page.ClickAsync("#save-campaign");
        await page.WaitForPageAsync(new Regex("/marketing/campaigns/[0-9a-f-]{36}$"));
        var campaign = page.Url;
        await page.ClickAsync("#preview-campaign");
        await page.WaitForPageAsync(JobUrl);
        await _browser.App.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(Guid.Parse(JobUrl.Match(page.Url).Groups[1].Value));
        await page.ReloadAsync();
        await Expect(page.Locator("#job-message")).ToContainTextAsync("Listalla 4, pois jätetty 0.");
        await Infrastructure.Browser.CheckPageAsync(page, "campaigns-preview-job");

        await page.ClickAsync("#job-result");
        await page.WaitForPageAsync(campaign + "#runs-title");
        await Expect(page.Locator("#runs tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#runs tbody tr td.num").First).ToHaveTextAsync("4");
    }
}
