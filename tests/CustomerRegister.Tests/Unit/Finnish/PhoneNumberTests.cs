using CustomerRegister.Finnish;

namespace CustomerRegister.Tests.Unit.Finnish;

public sealed class PhoneNumberTests
{
    private static IdentifierError Refused(string? input)
    {
        Assert.False(PhoneNumber.TryParse(input, out var phoneNumber, out var error));
        Assert.Null(phoneNumber);
        return error;
    }

    [Theory]
    [InlineData("040 123 4567")]
    [InlineData("040-1234567")]
    [InlineData("0401234567")]
    [InlineData("+358 40 123 4567")]
    [InlineData("00358401234567")]
    [InlineData("+358401234567")]
    [InlineData("  040 123 4567 ")]
    public void CommonWaysOfWritingAFinnishMobileNumberAllGiveTheSameE164(string input)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phoneNumber, out var error), error?.Message);
        Assert.Equal("+358401234567", phoneNumber.Value);
        Assert.Equal("+358401234567", phoneNumber.ToString());
    }

    [Theory]
    [InlineData("(09) 1234 567")]
    [InlineData("09 1234567")]
    [InlineData("091234567")]
    [InlineData("+358 9 1234567")]
    public void CommonWaysOfWritingAHelsinkiLandlineAllGiveTheSameE164(string input) =>
        Assert.Equal("+35891234567", PhoneNumber.Parse(input).Value);

    [Theory]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("+1 650-253-0000", "+16502530000")]
    [InlineData("+49 30 123456", "+4930123456")]
    [InlineData("0046 70 123 45 67", "+46701234567")]
    public void ForeignNumbersWithTheirCountryCodeAreAccepted(string input, string e164) =>
        Assert.Equal(e164, PhoneNumber.Parse(input).Value);

    [Fact]
    public void DifferentlyWrittenNumbersAreEqual() =>
        Assert.Equal(PhoneNumber.Parse("(040) 123 4567"), PhoneNumber.Parse("+358 40 123 4567"));

    [Fact]
    public void FormattedIsTheInternationalFormat() =>
        Assert.Equal("+358 40 1234567", PhoneNumber.Parse("040 123 4567").Formatted());

    [Theory]
    [InlineData("12")]
    [InlineData("040 12")]
    [InlineData("040 123 4567 8901 2345")]
    [InlineData("0001234567")]
    public void NumbersThatAreNotValidPhoneNumbersAreRefused(string input) =>
        Assert.NotEqual(IdentifierErrorCode.Required, Refused(input).Code);

    [Theory]
    [InlineData("not a number")]
    [InlineData("@@@")]
    public void TextThatIsNotANumberIsRefusedAsFormat(string input) =>
        Assert.Equal(IdentifierErrorCode.Format, Refused(input).Code);

    [Fact]
    public void UnknownCountryCodeIsRefusedAsCountry() =>
        Assert.Equal(IdentifierErrorCode.Country, Refused("+28 1234 5678").Code);

    [Fact]
    public void TooShortNumberIsRefusedForItsLength() =>
        Assert.Equal(IdentifierErrorCode.Length, Refused("12").Code);

    [Fact]
    public void ExtensionIsRefusedRatherThanDropped() =>
        Assert.Equal(IdentifierErrorCode.Format, Refused("040 123 4567 ext. 12").Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MissingPhoneNumberIsRequired(string? input) =>
        Assert.Equal(IdentifierErrorCode.Required, Refused(input).Code);

    [Fact]
    public void ParseThrowsFormatExceptionWithTheReason() =>
        Assert.Equal(Refused("040 12").Message, Assert.Throws<FormatException>(() => PhoneNumber.Parse("040 12")).Message);

    [Theory]
    [InlineData("040 12")]
    [InlineData("0401234567890123")]
    [InlineData("+28 1234 5678")]
    [InlineData("0001234567")]
    public void RefusalMessagesNeverRepeatTheDigits(string input)
    {
        var digits = new string([.. input.Where(char.IsAsciiDigit)]);

        Assert.DoesNotContain(digits, Refused(input).Message);
    }

    [Theory]
    [InlineData("040 123 4567")]
    [InlineData("+358401234567")]
    [InlineData("00358 40 1234567")]
    public void SearchNormalizesAnyWayOfWritingTheNumber(string input) =>
        Assert.Equal("+358401234567", PhoneNumber.NormalizeForSearch(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Virtanen")]
    [InlineData("+999 123")]
    public void SearchGivesNullForWhatCannotBeAPhoneNumber(string input) =>
        Assert.Null(PhoneNumber.NormalizeForSearch(input));
}
