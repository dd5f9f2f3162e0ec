using System.Net;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerRegister.Tests.Integration;

/// <summary>Outside Development: plain HTTP is redirected to HTTPS, whose answers carry HSTS and only Secure cookies.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class ProductionHardeningTests(ProductionFactory app) : IClassFixture<ProductionFactory>
{
    private HttpClient Client(string scheme) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri($"{scheme}://register.example.fi"),
    });

    [Fact]
    public async Task HttpsAnswersCarryHstsAndPlainHttpAnswersDoNot()
    {
        var secure = await Client("https").GetAsync("/Account/Login");
        var plain = await Client("http").GetAsync("/Account/Login");

        var hsts = Assert.Single(secure.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
    }

    [Fact]
    public async Task PlainHttpIsSentToHttpsAndTheCookiesThereAreSecure()
    {
        var plain = await Client("http").GetAsync("/Account/Login?culture=sv");
        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.Equal("https://register.example.fi/Account/Login?culture=sv", plain.Headers.Location?.ToString());

        var secure = await Client("https").GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        var cookies = secure.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.True(c.Contains("secure", StringComparison.OrdinalIgnoreCase), c));
    }
}

/// <summary>The app as in production: the Production environment with a master key for its key ring.</summary>
public sealed class ProductionFactory : RegisterFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("DataProtection:MasterKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    }
}
