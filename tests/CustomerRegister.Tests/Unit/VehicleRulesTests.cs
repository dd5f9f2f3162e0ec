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
}
