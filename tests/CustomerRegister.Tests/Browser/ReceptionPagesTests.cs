using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerRegister.Tests.Browser;

/// <summary>
/// The scrap-yard desk on a tablet: reception adds the owner in place, issues a certificate (a wrong identity code is
/// refused with its precise reason, in Finnish and Swedish), sees the code masked and prints a PDF that lacks it.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class ReceptionPagesTests : IAsyncLifetime
{
    private const string ValidCode = "131052-308T";
    private const string WrongCheckCode = "131052-308U";
    private const string Registration = "RMT-512";

    private Infrastructure.Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Infrastructure.Browser.StartAsync(new RegisterFactory());

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ReceptionAddsTheOwnerIssuesACertificateAfterAWrongIdentityCodeAndPrintsItWithoutTheCode()
    {
        var reception = await _browser.App.CreateUserAsync(Roles.VehicleReception);
        var page = await _browser.SignedInPageAsync(reception.Email, RegisterFactory.UserPassword);
        await page.SetViewportSizeAsync(820, 1180);

        await page.GotoAsync(_browser.BaseUrl + "/reception");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Vastaanotto");
        await Expect(page.Locator("#no-certificates")).ToBeVisibleAsync();
        await Infrastructure.Browser.CheckPageAsync(page, "reception-desk");

        // A new owner, added in place at the desk.
        await page.FillAsync("#Input_FirstName", "Veikko");
        await page.FillAsync("#Input_LastName", "Rautio");
        await page.FillAsync("#Input_Street", "Konepajankatu 3");
        await page.FillAsync("#Input_PostalCode", "33100");
        await page.FillAsync("#Input_City", "Tampere");
        await page.FillAsync("#Input_Phone", "040 765 1234");
        await page.ClickAsync("#create-owner");
        await page.WaitForPageAsync(new Regex("/reception/certificates/new\\?subjectId="));
        var subjectId = new Uri(page.Url).Query.Split('=')[1];
        await Expect(page.Locator("#owner-name")).ToHaveTextAsync("Rautio, Veikko");
        await Infrastructure.Browser.CheckPageAsync(page, "reception-certificate-new");

        // On a tablet the issue button is in view and big enough to tap.
        var issue = page.Locator("#issue");
        await issue.ScrollIntoViewIfNeededAsync();
        await Expect(issue).ToBeVisibleAsync();
        Assert.True((await issue.BoundingBoxAsync())!.Height >= 44, "the issue button is lower than 44 px");

        // A wrong check character: the hint while typing, then the server's precise reason beside the field.
        await FillVehicleAsync(page, WrongCheckCode);
        await Expect(page.Locator("#identity-live")).ToContainTextAsync("Tarkistusmerkki ei täsmää");
        await page.ClickAsync("#issue");
        await Expect(page.Locator("#Input_IdentityCode-error")).ToHaveTextAsync(
            "Tarkistusmerkki ei täsmää; jokin merkki on luultavasti kirjoitettu väärin.");
        await Expect(page.Locator("#Input_IdentityCode")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.DoesNotContain(WrongCheckCode, await page.Locator("#Input_IdentityCode-error").TextContentAsync() ?? "", StringComparison.Ordinal);
        await Infrastructure.Browser.CheckPageAsync(page, "reception-certificate-invalid");

        // The same reason in Swedish.
        await page.ClickAsync("header a[lang=sv]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nytt skrotningsintyg");
        await FillVehicleAsync(page, WrongCheckCode);
        await page.ClickAsync("#issue");
        await Expect(page.Locator("#Input_IdentityCode-error")).ToHaveTextAsync(
            "Kontrolltecknet stämmer inte; något tecken är troligen felskrivet.");
        await page.ClickAsync("header a[lang=fi]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Uusi romutustodistus");

        // A valid code: issued, and masked from then on.
        await FillVehicleAsync(page, ValidCode);
        await Expect(page.Locator("#identity-live")).ToHaveTextAsync("Tarkistusmerkki täsmää.");
        await page.ClickAsync("#issue");
        await page.WaitForPageAsync(new Regex("/reception/certificates/[0-9a-f-]{36}$"));
        var certificateId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Expect(page.Locator("#issued")).ToBeVisibleAsync();
        await Expect(page.Locator("#identity-code")).ToHaveTextAsync("131052-****");
        await Expect(page.Locator("#registration")).ToHaveTextAsync(Registration);
        await Expect(page.Locator("#payout")).ToHaveAttributeAsync("href",
            $"/subjects/{subjectId}/payouts/new?returnUrl={Uri.EscapeDataString($"/reception/certificates/{certificateId}")}");
        Assert.DoesNotContain(ValidCode, await page.ContentAsync(), StringComparison.Ordinal);
        await Infrastructure.Browser.CheckPageAsync(page, "reception-certificate");

        // The PDF, fetched with the page's own sign-in: the registration number and owner, never the identity code.
        var href = await page.Locator("#pdf").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(_browser.BaseUrl + href);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var pdf = await response.BodyAsync();
        await File.WriteAllBytesAsync(Infrastructure.Browser.ScreenshotPath("reception-certificate.pdf"), pdf);
        var text = PdfText(pdf);
        var compact = Compact(text);
        Assert.Contains(Registration, compact, StringComparison.Ordinal);
        Assert.Contains("WVWZZZ1JZXW000001", compact, StringComparison.Ordinal);
        Assert.Contains("VeikkoRautio", compact, StringComparison.Ordinal);
        Assert.Contains("Romutustodistus", compact, StringComparison.Ordinal);
        Assert.DoesNotContain("131052", compact, StringComparison.Ordinal);
        Assert.DoesNotContain("308T", compact, StringComparison.Ordinal);

        // Revealed only for a stated purpose.
        await page.SelectOptionAsync("#purpose", "legal_obligation");
        await page.ClickAsync("#reveal");
        await Expect(page.Locator("#identity-code")).ToHaveTextAsync(ValidCode);

        // The desk lists the day's certificate, and the owner is found by the registration number.
        await page.GotoAsync(_browser.BaseUrl + "/reception");
        await Expect(page.Locator("#today-certificates")).ToContainTextAsync(Registration);
        await page.FillAsync("#q", Registration);
        await page.ClickAsync("#search-owner");
        var owner = page.Locator("#owners a", new() { HasText = "Rautio Veikko" });
        await Expect(owner).ToBeVisibleAsync();
        await Expect(owner).ToContainTextAsync("rekisterinumero " + Registration);
        Assert.True((await owner.BoundingBoxAsync())!.Height >= 44, "an owner button is lower than 44 px");
        await Infrastructure.Browser.CheckPageAsync(page, "reception-desk-today");
        await owner.ClickAsync();
        await page.WaitForPageAsync(_browser.BaseUrl + $"/reception/certificates/new?subjectId={subjectId}");

        // One column on a phone-sized screen, still without a horizontal scroll.
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync(_browser.BaseUrl + "/reception");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the desk scrolls sideways");
        await Infrastructure.Browser.CheckPageAsync(page, "reception-desk-phone");
    }

    [Fact]
    public async Task TheApiPrintsTheSameCertificateInSwedishAndCustomerServiceHasNoDesk()
    {
        var reception = await _browser.App.CreateUserAsync(Roles.VehicleReception);
        var service = await _browser.App.CreateUserAsync(Roles.CustomerService);
        var owner = await reception.Client.CreateConsumerAsync(new
        {
            firstName = "Aino",
            lastName = "Laine",
            street = "Puistokatu 2",
            postalCode = "40100",
            city = "Jyväskylä",
            source = "Consumer",
        });
        var issued = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates", new
        {
            certificateNumber = "RT-2026-0002",
            registrationNumber = "XYZ-789",
            vin = "WVWZZZ1JZXW000002",
            make = "Toyota",
            model = "Corolla",
            vehicleClass = "M1",
            consumerId = owner.GetProperty("id").GetGuid(),
            identityCode = ValidCode,
            nationality = "FI",
            source = "Consumer",
        });
        issued.EnsureSuccessStatusCode();
        var id = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        var print = await reception.Client.GetAsync($"/api/vehicles/certificates/{id}/pdf?lang=sv");
        Assert.Equal("application/pdf", print.Content.Headers.ContentType?.MediaType);
        var text = Compact(PdfText(await print.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Skrotningsintyg", text, StringComparison.Ordinal);
        Assert.Contains("FINXYZ-789", text, StringComparison.Ordinal);
        Assert.DoesNotContain("131052", text, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await reception.Client.GetAsync($"/api/vehicles/certificates/{id}/pdf?lang=de")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await service.Client.GetAsync($"/api/vehicles/certificates/{id}/pdf")).StatusCode);

        // The desk counts the day's payouts; who was paid what is billing data, which reception may record but not read.
        var paid = await reception.Client.PostAsJsonAsync("/api/metal-credits", new
        {
            consumerId = owner.GetProperty("id").GetGuid(),
            amount = 12.50m,
            weightKg = 830m,
            material = "Romuauto",
            bankAccount = "FI2112345600000785",
            source = "Consumer",
        });
        paid.EnsureSuccessStatusCode();
        var desk = await _browser.SignedInPageAsync(reception.Email, RegisterFactory.UserPassword);
        await desk.GotoAsync(_browser.BaseUrl + "/reception");
        await Expect(desk.Locator("#today-certificates")).ToContainTextAsync("XYZ-789");
        await Expect(desk.Locator("#payout-total")).ToHaveTextAsync("1 kpl, yhteensä 12,50\u00a0€");
        await Expect(desk.Locator("#today-payouts")).ToHaveCountAsync(0);

        var page = await _browser.SignedInPageAsync(service.Email, RegisterFactory.UserPassword);
        await Expect(page.Locator("#nav-reception")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/reception", $"/reception/certificates/{id}", $"/reception/certificates/{id}/pdf" })
        {
            var response = await page.APIRequest.GetAsync(_browser.BaseUrl + path, new() { MaxRedirects = 0 });
            Assert.NotEqual(200, response.Status);
        }
    }

    private static async Task FillVehicleAsync(IPage page, string identityCode)
    {
        await page.FillAsync("#Input_RegistrationNumber", Registration);
        await page.FillAsync("#Input_Vin", "WVWZZZ1JZXW000001");
        await page.FillAsync("#Input_Make", "Volkswagen");
        await page.FillAsync("#Input_Model", "Golf");
        await page.SelectOptionAsync("#Input_VehicleClass", "M1");
        await page.FillAsync("#Input_CertificateNumber", "RT-2026-0001");
        await page.FillAsync("#Input_IdentityCode", identityCode);
        await page.FillAsync("#Input_Nationality", "FI");
    }

    private static string PdfText(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "not a PDF");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
