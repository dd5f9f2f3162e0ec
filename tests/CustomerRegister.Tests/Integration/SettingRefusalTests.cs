using CustomerRegister.Infrastructure;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>A setting out of range stops the web host and every verb with one line naming it and its range, no stack trace.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class SettingRefusalTests
{
    [Theory]
    [InlineData("Retention__LeaseSeconds", "3", "Retention:LeaseSeconds is 3; allowed 30 or more.")]
    [InlineData("Retention__BatchSize", "5", "Retention:BatchSize is 5; allowed 10–50000.")]
    [InlineData("Requests__PublicGlobalPerHour", "0", "Requests:PublicGlobalPerHour is 0; allowed 1 or more.")]
    [InlineData("Requests__ExtraHolidays__0", "24.12.2026", "Requests:ExtraHolidays is 24.12.2026; allowed dates as yyyy-MM-dd.")]
    [InlineData("Requests__Mailbox__PollSeconds", "0", "Requests:Mailbox:PollSeconds is 0; allowed 1 or more.")]
    [InlineData("Mail__Smtp__Port", "70000", "Mail:Smtp:Port is 70000; allowed 0–65535.")]
    [InlineData("Mail__MaxAttempts", "31", "Mail:MaxAttempts is 31; allowed 1–30.")]
    [InlineData("Marketing__SoftOptInMonthsAfterEnd", "25", "Marketing:SoftOptInMonthsAfterEnd is 25; allowed 0–24.")]
    [InlineData("Billing__FinancialYearEndMonth", "13", "Billing:FinancialYearEndMonth is 13; allowed 1–12.")]
    [InlineData("Vehicles__IdentityCodeDays", "366", "Vehicles:IdentityCodeDays is 366; allowed 1–365.")]
    [InlineData("Recordings__MaxRepairShare", "2", "Recordings:MaxRepairShare is 2; allowed 0–1.")]
    [InlineData("Auth__LockoutMinutes", "0", "Auth:LockoutMinutes is 0; allowed 1–1440.")]
    [InlineData("Network__KnownProxies__0", "proxy", "Network:KnownProxies is proxy; allowed IP addresses only.")]
    [InlineData("DataProtection__MasterKey", "c2hvcnQ=", "DataProtection:MasterKey has 5 bytes")]
    public async Task AVerbRefusesASettingOutOfRangeNamingItAndItsRange(string variable, string value, string message)
    {
        using var db = new TestDatabase();

        var (code, output, error) = await RegisterProcess.RunAsync(db, new Dictionary<string, string> { [variable] = value }, "migrate");

        AssertRefused(code, output, error, message);
    }

    [Fact]
    public async Task TheWebHostRefusesASettingOutOfRangeNamingItAndItsRange()
    {
        using var db = new TestDatabase();

        var (code, output, error) = await RegisterProcess.RunAsync(db, new Dictionary<string, string> { ["Retention__LeaseSeconds"] = "3" });

        AssertRefused(code, output, error, "Retention:LeaseSeconds is 3; allowed 30 or more.");
    }

    [Fact]
    public async Task EveryRefusedSettingIsNamedOneALine()
    {
        using var db = new TestDatabase();

        var (code, output, error) = await RegisterProcess.RunAsync(
            db, new Dictionary<string, string> { ["Retention__LeaseSeconds"] = "3", ["Vehicles__IdentityCodeDays"] = "0" }, "audit", "verify");

        AssertRefused(code, output, error, "Retention:LeaseSeconds is 3; allowed 30 or more.");
        Assert.Contains("Vehicles:IdentityCodeDays is 0; allowed 1–365.", error);
    }

    private static void AssertRefused(int code, string output, string error, string message)
    {
        Assert.Equal(Settings.ExitCode, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("Exception", output + error);
        Assert.DoesNotContain("   at ", output + error);
    }
}
