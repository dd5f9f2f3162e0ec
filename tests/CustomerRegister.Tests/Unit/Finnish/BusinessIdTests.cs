using CustomerRegister.Finnish;

namespace CustomerRegister.Tests.Unit.Finnish;

public sealed class BusinessIdTests
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2];

    private static int Remainder(string sevenDigits) =>
        sevenDigits.Select((c, i) => (c - '0') * Weights[i]).Sum() % 11;

    private static IdentifierError Refused(string? input)
    {
        Assert.False(BusinessId.TryParse(input, out var businessId, out var error));
        Assert.Null(businessId);
        return error;
    }

    [Theory]
    [InlineData("0245974-7")]
    [InlineData("1572860-0")]
    [InlineData("0112038-9")]
    public void ValidBusinessIdIsAccepted(string input)
    {
        Assert.True(BusinessId.TryParse(input, out var businessId, out var error));
        Assert.Null(error);
        Assert.Equal(input, businessId.Value);
    }

    [Fact]
    public void SurroundingWhitespaceIsTrimmed() =>
        Assert.Equal(BusinessId.Parse("0245974-7"), BusinessId.Parse(" 0245974-7\t"));

    [Fact]
    public void BusinessIdWithWrongCheckDigitIsRefusedNamingTheExpectedOne()
    {
        var error = Refused("0245974-8");

        Assert.Equal(IdentifierErrorCode.CheckCharacter, error.Code);
        Assert.Equal("The check digit should be 7, not 8.", error.Message);
    }

    [Fact]
    public void OldSixDigitFormWithoutTheLeadingZeroIsRefusedForItsLength()
    {
        var error = Refused("112038-9");

        Assert.Equal(IdentifierErrorCode.Length, error.Code);
        Assert.Equal("Expected 9 characters (NNNNNNN-C), got 8.", error.Message);
    }

    [Theory]
    [InlineData("0245974 7")]
    [InlineData("02459747-")]
    [InlineData("024597a-7")]
    [InlineData("0245974-x")]
    public void BusinessIdNotShapedNnnnnnnDashCIsRefusedAsFormat(string input) =>
        Assert.Equal(IdentifierErrorCode.Format, Refused(input).Code);

    [Fact]
    public void SevenDigitsWithRemainderOneHaveNoValidCheckDigit()
    {
        var digits = Enumerable.Range(0, 1000).Select(n => n.ToString("D7")).First(d => Remainder(d) == 1);

        Assert.False(BusinessId.TryCreate(int.Parse(digits), out var created));
        Assert.Null(created);
        for (var check = 0; check <= 9; check++)
        {
            var error = Refused($"{digits}-{check}");
            Assert.Equal(IdentifierErrorCode.Checksum, error.Code);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void MissingBusinessIdIsRequired(string? input) =>
        Assert.Equal(IdentifierErrorCode.Required, Refused(input).Code);

    [Fact]
    public void ParseThrowsFormatExceptionWithTheReason() =>
        Assert.Equal(
            "The check digit should be 7, not 8.",
            Assert.Throws<FormatException>(() => BusinessId.Parse("0245974-8")).Message);

    [Fact]
    public void ToStringShowsTheWholePublicValue() =>
        Assert.Equal("0245974-7", BusinessId.Parse("0245974-7").ToString());

    [Fact]
    public void EveryCreatedBusinessIdParsesBackAndOnlyRemainderOneIsImpossible()
    {
        var impossible = 0;
        for (var n = 0; n <= 9_999_999; n += 997)
        {
            if (BusinessId.TryCreate(n, out var created))
            {
                Assert.Equal(n.ToString("D7"), created.Value[..7]);
                Assert.Equal(created, BusinessId.Parse(created.Value));
            }
            else
            {
                Assert.Equal(1, Remainder(n.ToString("D7")));
                impossible++;
            }
        }

        Assert.InRange(impossible, 1, 10_030 / 11 * 2);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000_000)]
    public void TryCreateRefusesMoreThanSevenDigits(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessId.TryCreate(n, out _));
}
