using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class HostTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task HealthChecksTheDatabase()
    {
        var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Contains(app.Database.Provider.ToString(), body.GetProperty("checks").GetProperty("database").GetProperty("Description").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/users", paths);
        Assert.Contains("/api/audit", paths);
        Assert.Contains("/api/audit/verify", paths);
    }

    [Fact]
    public async Task TheApiReferencePageIsServedInDevelopment()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api-reference")).StatusCode);
    }

    [Fact]
    public void PagesInTheirFeatureFoldersAnswerTheirOldAddresses()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText)
            .Order(StringComparer.Ordinal);

        string[] before =
        [
            "/", "/Account/AccessDenied", "/Account/ChangePassword", "/Account/Login", "/Account/Logout", "/Account/TwoFactor",
            "/Account/TwoFactorSignIn", "/Index", "/Rights", "/organisations/{id:guid}", "/rights/confirm", "/search", "/subjects/{id:guid}",
        ];
        Assert.All(before, route => Assert.Contains(route, routes));
    }

    [Fact]
    public async Task TheSignInPageIsFinnishFirstAndSpeaksSwedishAndEnglish()
    {
        var client = app.Anonymous();
        Assert.Contains("Kirjaudu sisään", await client.GetStringAsync("/Account/Login"));

        var swedish = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        swedish.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dsv%7Cuic%3Dsv");
        Assert.Contains("Logga in", await (await client.SendAsync(swedish)).Content.ReadAsStringAsync());

        Assert.Contains("Sign in", await client.GetStringAsync("/Account/Login?culture=en"));

        // A browser's own language does not override Finnish; the staff choose theirs on the page.
        var browser = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        browser.Headers.Add("Accept-Language", "en-US,en;q=0.9");
        Assert.Contains("Kirjaudu sisään", await (await client.SendAsync(browser)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PagesSendAnonymousVisitorsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task LogsCarryIdsButNoPersonalValues()
    {
        var admin = await app.AdminAsync();
        var email = $"log-probe-{Guid.NewGuid():N}@register.test";
        const string name = "Lokitesti Henkilö";
        await admin.PostAsJsonAsync("/api/users", new { email, displayName = name, roles = new[] { Roles.Billing }, password = RegisterFactory.UserPassword });
        await app.LoginAsync(email, "wrong password for the log test");
        await app.LoginAsync(email, RegisterFactory.UserPassword);
        await admin.GetAsync($"/api/audit?subjectId={Guid.NewGuid()}&q={Uri.EscapeDataString(email)}");
        var page = app.Anonymous();
        await page.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = "x" }));

        var lines = app.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("created with roles", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("log-probe", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.Contains(name, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(RegisterFactory.UserPassword, StringComparison.Ordinal));
    }
}
