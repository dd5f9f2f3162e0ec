using CustomerRegister.Finnish;
using CustomerRegister.Vehicles;

namespace CustomerRegister.Tests.Unit;

public sealed class VehicleRulesTests
{
    [Theory]
    [InlineData("WVWZZZ1JZXW000001")]
    [InlineData("1HGCM82633A004352")]
    [InlineData(" yv1ls55a1x2000001 ")]
    public void AValidVinIsAcceptedAndUpperCased(string input)
    {
        Assert.True(Vin.TryParse(input, out var vin, out _));
        Assert.Equal(input.Trim().ToUpperInvariant(), vin.Value);
    }

    [Theory]
    [InlineData("", IdentifierErrorCode.Required)]
    [InlineData("WVWZZZ1JZXW00000", IdentifierErrorCode.Length)]
    [InlineData("WVWZZZ1JZXW0000012", IdentifierErrorCode.Length)]
    [InlineData("WVWZZZ1JZXW00000I", IdentifierErrorCode.Format)]
    [InlineData("WVWZZZ1JZXO000001", IdentifierErrorCode.Format)]
    [InlineData("QVWZZZ1JZXW000001", IdentifierErrorCode.Format)]
    [InlineData("WVWZZZ1JZXW-00001", IdentifierErrorCode.Format)]
    [InlineData("WVWZZZ1JZXWÄ00001", IdentifierErrorCode.Format)]
    public void AnInvalidVinIsRefusedWithTheReason(string input, IdentifierErrorCode code)
    {
        Assert.False(Vin.TryParse(input, out _, out var error));
        Assert.Equal(code, error.Code);
        if (input.Length > 0)
        {
            Assert.DoesNotContain(input, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("m1", "M1")]
    [InlineData("L3E", "L3e")]
    [InlineData(" N1 ", "N1")]
    [InlineData("X9", null)]
    [InlineData(null, null)]
    public void VehicleClassesAreTheEuCategories(string? input, string? expected)
    {
        Assert.Equal(expected, VehicleRules.VehicleClass(input));
    }

    [Theory]
    [InlineData("abc-123", "ABC-123", true)]
    [InlineData("  ab   12 ", "AB 12", true)]
    [InlineData("ÅL 1234", "ÅL 1234", true)]
    [InlineData("", null, false)]
    [InlineData("ABC_123", null, false)]
    [InlineData("ABCDEFGHIJKLM", null, false)]
    public void RegistrationNumbersAreNormalised(string input, string? expected, bool valid)
    {
        Assert.Equal(expected, VehicleRules.RegistrationNumber(input, out var error));
        Assert.Equal(valid, error is null);
    }

    [Theory]
    [InlineData("FI", "FI")]
    [InlineData(" se ", "SE")]
    [InlineData("ee", "EE")]
    [InlineData("AX", "AX")]
    public void ANationalityIsAnIso3166Alpha2CodeInUpperCase(string input, string expected)
    {
        Assert.Equal(expected, VehicleRules.Nationality(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "Required")]
    [InlineData("  ", "Required")]
    [InlineData("FIN", "ISO 3166-1")]
    [InlineData("XX", "ISO 3166-1")]
    [InlineData("UK", "ISO 3166-1")]
    [InlineData("F1", "ISO 3166-1")]
    public void AnInvalidNationalityIsRefusedWithTheReason(string? input, string reason)
    {
        Assert.Null(VehicleRules.Nationality(input, out var error));
        Assert.Contains(reason, error!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCountryListHasTheOfficiallyAssignedCodes() => Assert.Equal(249, VehicleRules.CountryCodes.Count);

    [Theory]
    [InlineData(90, null)]
    [InlineData(1, null)]
    [InlineData(365, null)]
    [InlineData(0, "Vehicles:IdentityCodeDays")]
    [InlineData(366, "Vehicles:IdentityCodeDays")]
    public void TheIdentityCodePeriodIsRefusedOutsideOneToThreeHundredSixtyFiveDays(int days, string? refusal)
    {
        var invalid = new VehiclesOptions { IdentityCodeDays = days }.Invalid();
        if (refusal is null)
        {
            Assert.Null(invalid);
        }
        else
        {
            Assert.Contains(refusal, invalid, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2026-04-10", false)] // day 90: kept
    [InlineData("2026-04-11", true)] // day 91: emptied
    [InlineData("2026-01-10", false)]
    public void ACodeIssuedOnDayDIsKeptThroughDPlus90AndDueTheDayAfter(string today, bool due)
    {
        var issued = new DateOnly(2026, 1, 10);
        var bound = IdentityCodeExpiry.DueIfIssuedBefore(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            new VehiclesOptions().IdentityCodeDays);
        Assert.Equal(due, issued < bound);
    }
}
