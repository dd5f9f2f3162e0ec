using CustomerRegister.Finnish;

namespace CustomerRegister.Tests.Unit.Finnish;

public sealed class PostalCodeTests
{
    private static IdentifierError Refused(string? input)
    {
        Assert.False(PostalCode.TryParse(input, out var postalCode, out var error));
        Assert.Null(postalCode);
        return error;
    }

    [Theory]
    [InlineData("00100", "00100")]
    [InlineData(" 33100 ", "33100")]
    [InlineData("99999", "99999")]
    public void FiveDigitsAreAPostalCode(string input, string value)
    {
        var postalCode = PostalCode.Parse(input);

        Assert.Equal(value, postalCode.Value);
        Assert.Equal(value, postalCode.ToString());
    }

    [Theory]
    [InlineData("0010", 4)]
    [InlineData("001000", 6)]
    [InlineData("FI-00100", 8)]
    [InlineData("00 100", 6)]
    public void PostalCodeOfTheWrongLengthIsRefusedNamingTheLength(string input, int length)
    {
        var error = Refused(input);

        Assert.Equal(IdentifierErrorCode.Length, error.Code);
        Assert.Equal($"Expected 5 digits, got {length} characters.", error.Message);
    }

    [Theory]
    [InlineData("0O100")]
    [InlineData("00-10")]
    [InlineData("００100")]
    public void PostalCodeWithNonDigitsIsRefusedAsFormat(string input) =>
        Assert.Equal(IdentifierErrorCode.Format, Refused(input).Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void MissingPostalCodeIsRequired(string? input) =>
        Assert.Equal(IdentifierErrorCode.Required, Refused(input).Code);

    [Fact]
    public void EqualPostalCodesAreEqual() =>
        Assert.Equal(PostalCode.Parse("00100"), PostalCode.Parse(" 00100"));
}
