using CustomerRegister.Requests;

namespace CustomerRegister.Tests.Unit;

public sealed class MailOptionsTests
{
    [Fact]
    public void TheBackOffDoublesFromRetrySecondsUpToItsCap()
    {
        var options = new MailOptions { RetrySeconds = 60, MaxRetryMinutes = 10 };

        Assert.Equal(TimeSpan.FromSeconds(60), options.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(120), options.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(480), options.Backoff(4));
        Assert.Equal(TimeSpan.FromMinutes(10), options.Backoff(5));
        Assert.Equal(TimeSpan.FromMinutes(10), options.Backoff(30));
    }

    [Fact]
    public void TheDefaultsAreValidAndUseThePickupFolder()
    {
        var options = new MailOptions();
        Assert.Null(options.Invalid());
        Assert.False(options.UsesSmtp);
        Assert.Equal(587, new SmtpOptions { Host = "smtp.example.fi" }.EffectivePort);
        Assert.Equal(465, new SmtpOptions { Security = SmtpSecurity.SslOnConnect }.EffectivePort);
    }

    [Theory]
    [InlineData("From")]
    [InlineData("PublicBaseUrl")]
    [InlineData("Port")]
    [InlineData("Credentials")]
    [InlineData("MaxAttempts")]
    [InlineData("RetrySeconds")]
    public void BadSettingsAreRefused(string what)
    {
        var options = new MailOptions { Smtp = new SmtpOptions { Host = "smtp.example.fi" } };
        switch (what)
        {
            case "From": options.From = "not an address"; break;
            case "PublicBaseUrl": options.PublicBaseUrl = "register.example.fi"; break;
            case "Port": options.Smtp.Port = 70000; break;
            case "Credentials": options.Smtp.UserName = "mailer"; break;
            case "MaxAttempts": options.MaxAttempts = 0; break;
            case "RetrySeconds": options.RetrySeconds = 0; break;
        }

        Assert.NotNull(options.Invalid());
    }
}
