using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Catalog;
using CustomerRegister.Marketing;
using CustomerRegister.Marketing.OptOut;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The register with a small opt-out press limit (2 per address and hour) on a test clock; each request has the client
/// address its client names (<see cref="TestPeerAddress"/>), or one of its own.
/// </summary>
public sealed class OptOutFactory : ClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Marketing:OptOut:PermitLimit", "2");
        builder.UseSetting("Marketing:OptOut:WindowSeconds", "3600");
        builder.UseSetting("Mail:PublicBaseUrl", "https://rekisteri.example.fi/");
        builder.ConfigureServices(TestPeerAddress.AddFirst);
    }

    /// <summary>An anonymous client with cookies, all its requests from <paramref name="address"/>.</summary>
    public HttpClient From(string address)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestPeerAddress.Header, address);
        return client;
    }
}

/// <summary>
/// Opt-out links: what the token holds and does not, where it answers, and the page's protections (antiforgery, the
/// press limit). The journeys through the page are in <c>Browser/OptOutPagesTests</c>.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed partial class OptOutTests(OptOutFactory app) : IClassFixture<OptOutFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private OptOutLinks Links => app.Services.GetRequiredService<OptOutLinks>();

    [Fact]
    public void ALinkIsAbsoluteUnderThePublicAddressAndReadsBackWithoutTheSubjectInClear()
    {
        var subjectId = Guid.NewGuid();
        var url = Links.UrlFor(subjectId, MarketingChannel.Sms, Purposes.CustomerAcquisition, "SV");
        Assert.StartsWith("https://rekisteri.example.fi/optout/", url, StringComparison.Ordinal);
        var token = url[(url.LastIndexOf('/') + 1)..];
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(new OptOutToken(subjectId, MarketingChannel.Sms, Purposes.CustomerAcquisition, "sv"), Links.Read(token));

        // Encrypted: neither the id's bytes nor its text appear in the token.
        var raw = WebEncoders.Base64UrlDecode(token);
        Assert.Equal(-1, raw.AsSpan().IndexOf(subjectId.ToByteArray(bigEndian: true)));
        Assert.Equal(-1, raw.AsSpan().IndexOf(subjectId.ToByteArray()));
        Assert.DoesNotContain(subjectId.ToString("N"), token, StringComparison.OrdinalIgnoreCase);

        var profiling = Links.ProfilingUrlFor(subjectId, "xx");
        Assert.Equal(new OptOutToken(subjectId, null, null, "fi"), Links.Read(profiling[(profiling.LastIndexOf('/') + 1)..]));
    }

    [Fact]
    public void ATokenOfAnotherPurposeOrAPairOutsideTheLedgerDoesNotOpen()
    {
        var other = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("CustomerRegister.Something.Else")
            .ToTimeLimitedDataProtector();
        var foreign = WebEncoders.Base64UrlEncode(other.Protect(new byte[24], app.Clock.GetUtcNow().AddDays(1)));
        Assert.Null(Links.Read(foreign));
        Assert.Null(Links.Read("not-a-token"));
        Assert.Null(Links.Read(""));
        Assert.Throws<ArgumentException>(() => Links.UrlFor(Guid.NewGuid(), MarketingChannel.Web, Purposes.Marketing, "fi"));
    }

    [Fact]
    public async Task TheOneClickApiRecordsTheProhibitionOnceWithoutAnAntiforgeryToken()
    {
        var clerk = await app.CreateUserAsync(Identity.Roles.CustomerService, Identity.Roles.Marketing);
        var consumer = await clerk.Client.CreateConsumerAsync(new
        {
            firstName = "Yksi",
            lastName = "Klikkaus",
            email = $"klikkaus.{Guid.NewGuid():N}@example.fi",
            source = "Consumer",
        });
        var subjectId = consumer.GetProperty("subjectId").GetGuid();
        var oneClick = Links.OneClickUrlFor(Links.UrlFor(subjectId, MarketingChannel.Email, Purposes.Marketing, "fi"));
        Assert.StartsWith("https://rekisteri.example.fi/api/public/optout/", oneClick, StringComparison.Ordinal);

        var client = app.From("100.20.0.1");
        var path = new Uri(oneClick).AbsolutePath;
        var body = new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);
        var first = await client.PostAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"recorded\"", await first.Content.ReadAsStringAsync());
        Assert.Contains("already_in_force", await (await client.PostAsync(path, body)).Content.ReadAsStringAsync());

        var check = await clerk.Client.GetFromJsonAsync<JsonElement>(
            $"/api/marketing/can-contact?subjectId={subjectId}&channel=Email&purpose=sales_and_marketing");
        Assert.Equal(ConsentReasons.Prohibited, check.GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(path[..^2] + "xx", body)).StatusCode);
    }

    [Fact]
    public async Task TheButtonNeedsTheAntiforgeryTokenAndPressesAreLimitedPerAddress()
    {
        var url = Links.UrlFor(Guid.NewGuid(), MarketingChannel.Email, Purposes.Marketing, "en");
        var path = new Uri(url).AbsolutePath;
        var browser = app.From("100.20.0.2");

        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Refuse this marketing", html);
        var token = Antiforgery().Match(html).Groups[1].Value;

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync(path, new FormUrlEncodedContent([]))).StatusCode);

        Task<HttpResponseMessage> PressAsync() =>
            browser.PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));

        // An unknown person: the press answers like an expired link.
        var first = await PressAsync();
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Contains("This link does not work", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await PressAsync()).StatusCode);
        var limited = await PressAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("Too many presses", await limited.Content.ReadAsStringAsync());

        // Opening the page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
    }
}
