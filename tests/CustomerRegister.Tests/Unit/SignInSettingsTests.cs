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
    [InlineData(nameof(SignInLimitOptions.SignInPermitLimit), 0)]
    [InlineData(nameof(SignInLimitOptions.SignInWindowSeconds), 0)]
    [InlineData(nameof(SignInLimitOptions.AccountPermitLimit), 0)]
    [InlineData(nameof(SignInLimitOptions.AccountWindowSeconds), 86_401)]
    [InlineData(nameof(SignInLimitOptions.MaxFailedAttempts), 0)]
    [InlineData(nameof(SignInLimitOptions.LockoutMinutes), 0)]
    public void AnOutOfRangeLimitIsNamed(string setting, int value)
    {
        var options = new SignInLimitOptions();
        typeof(SignInLimitOptions).GetProperty(setting)!.SetValue(options, value);

        Assert.Equal(setting, options.Invalid());
    }

    [Theory]
    [InlineData(new[] { "10.0.0.5", "::1" }, new[] { "10.0.0.0/24" }, null)]
    [InlineData(new[] { "proxy.example.fi" }, new string[0], nameof(NetworkOptions.KnownProxies))]
    [InlineData(new string[0], new[] { "10.0.0.0/33" }, nameof(NetworkOptions.KnownNetworks))]
    public void ProxiesMustBeAddressesAndNetworksCidr(string[] proxies, string[] networks, string? refusal) =>
        Assert.Equal(refusal, new NetworkOptions { KnownProxies = proxies, KnownNetworks = networks }.Invalid());
}
