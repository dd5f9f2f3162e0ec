using System.Net;
using CustomerRegister.Infrastructure;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>Browser hardening: headers on pages and API answers, no inline script or style, no query string in the request log.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class SecurityHeadersTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static void AssertHardened(HttpResponseMessage response)
    {
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(SecurityHeaders.ReferrerPolicy, Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/rights")]
    [InlineData("/api/auth/me")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task PagesAndApiAnswersCarryTheHardeningHeaders(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        AssertHardened(response);
    }

    [Fact]
    public async Task ASignedInApiAnswerCarriesThemToo()
    {
        var admin = await app.AdminAsync();

        var response = await admin.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/rights")]
    public async Task PagesHoldNoInlineScriptStyleOrEventHandlerAndLoadTheirStylesheet(string path)
    {
        var html = await app.Anonymous().GetStringAsync(path);

        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        // Scripts only as the app's own files: every <script> has a src on this site and an empty body.
        Assert.DoesNotMatch(@"(?i)<script(?![^>]*\ssrc=""/)", html);
        Assert.DoesNotMatch(@"(?i)<script[^>]*>\s*[^<\s]", html);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
        Assert.Contains("/css/site.css", html);
        var css = await app.Anonymous().GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheRequestLogNamesTheRouteButNeverTheQueryString()
    {
        var admin = await app.AdminAsync();
        var marker = $"querymarker{Guid.NewGuid():N}";

        await admin.GetAsync($"/api/search?q={marker}");
        await app.Anonymous().GetAsync($"/Account/Login?returnUrl=%2F{marker}");

        var lines = app.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("HTTP GET /api/search answered", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("HTTP GET /Account/Login answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(marker, StringComparison.Ordinal));
    }
}
