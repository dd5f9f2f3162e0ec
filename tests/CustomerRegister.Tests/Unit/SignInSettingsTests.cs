using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Tests.Unit;

public sealed class SignInSettingsTests
{
    [Fact]
    public void TheShippedDefaultsAreValid()
    {
        Assert.Null(new SignInLimitOptions().Invalid());
        Assert.Null(new NetworkOptions().Invalid());
        Assert.False(new NetworkOptions().Any);
    }

    [Theory]
    [InlineData(nameof(SignInLimitOptions.SignInPermitLimit), 0, "1 or more")]
    [InlineData(nameof(SignInLimitOptions.SignInWindowSeconds), 0, "1–86400")]
    [InlineData(nameof(SignInLimitOptions.AccountPermitLimit), 0, "1 or more")]
    [InlineData(nameof(SignInLimitOptions.AccountWindowSeconds), 86_401, "1–86400")]
    [InlineData(nameof(SignInLimitOptions.MaxFailedAttempts), 0, "1 or more")]
    [InlineData(nameof(SignInLimitOptions.LockoutMinutes), 0, "1–1440")]
    public void AnOutOfRangeLimitIsNamedWithItsRange(string setting, int value, string allowed)
    {
        var options = new SignInLimitOptions();
        typeof(SignInLimitOptions).GetProperty(setting)!.SetValue(options, value);

        Assert.Equal($"Auth:{setting} is {value}; allowed {allowed}.", options.Invalid());
    }

    [Theory]
    [InlineData(new[] { "10.0.0.5", "::1" }, new[] { "10.0.0.0/24" }, null)]
    [InlineData(new[] { "proxy.example.fi" }, new string[0], "Network:KnownProxies is proxy.example.fi; allowed IP addresses only.")]
    [InlineData(new string[0], new[] { "10.0.0.0/33" }, "Network:KnownNetworks is 10.0.0.0/33; allowed networks in CIDR notation only (10.0.0.0/24).")]
    public void ProxiesMustBeAddressesAndNetworksCidr(string[] proxies, string[] networks, string? refusal) =>
        Assert.Equal(refusal, new NetworkOptions { KnownProxies = proxies, KnownNetworks = networks }.Invalid());
}
