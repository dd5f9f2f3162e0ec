using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Tests.Unit;

public sealed class SecureCookieTests
{
    [Theory]
    [InlineData(false, CookieSecurePolicy.Always)]
    [InlineData(true, CookieSecurePolicy.SameAsRequest)]
    public void OutsideDevelopmentTheSignInAndAntiforgeryCookiesAreAlwaysSecure(bool development, CookieSecurePolicy expected)
    {
        var services = new ServiceCollection();
        services.AddOptions();
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        SecurityHeaders.ConfigureCookies(services, development);
        using var provider = services.BuildServiceProvider();

        var cookie = provider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(expected, cookie.Cookie.SecurePolicy);
        Assert.Equal(expected, provider.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
    }
}
