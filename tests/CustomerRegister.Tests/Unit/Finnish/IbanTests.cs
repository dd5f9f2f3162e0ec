using System.Globalization;
using System.Numerics;
using CustomerRegister.Finnish;

namespace CustomerRegister.Tests.Unit.Finnish;

public sealed class IbanTests
{
    // Example IBANs of every SEPA country, as published in the SWIFT IBAN registry.
    private static readonly string[] SepaIbans =
    [
        "AT611904300234573201", "BE68539007547034", "BG80BNBG96611020345678", "CY17002001280000001200527600",
        "CZ6508000000192000145399", "DE89370400440532013000", "DK5000400440116243", "EE382200221020145685",
        "ES9121000418450200051332", "FI2112345600000785", "FR1420041010050500013M02606", "GR1601101250000000012300695",
        "HR1210010051863000160", "HU42117730161111101800000000", "IE29AIBK93115212345678", "IT60X0542811101000000123456",
        "LT121000011101001000", "LU280019400644750000", "LV80BANK0000435195001", "MT84MALT011000012345MTLCAST001S",
        "NL91ABNA0417164300", "PL61109010140000071219812874", "PT50000201231234567890154", "RO49AAAA1B31007593840000",
        "SE4550000000058398257466", "SI56263300012039086", "SK3112000000198742637541",
        "IS140159260076545510730339", "LI21088100002324013AA", "NO9386011117947",
        "AD1200012030200359100100", "CH9300762011623852957", "GB82WEST12345698765432", "MC5811222000010123456789030",
        "SM86U0322509800000000270100", "VA59001123000012345678",
    ];

    public static TheoryData<string> SepaExamples => [.. SepaIbans];

    // An independent mod 97 oracle using big integers, so the tests do not trust the code under test.
    private static int Mod97(string iban)
    {
        var rearranged = iban[4..] + iban[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c)
            ? c.ToString()
            : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return (int)(BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
    }

    private static string WithCheckDigits(string countryCode, string bban)
    {
        var check = 98 - Mod97($"{countryCode}00{bban}");
        return $"{countryCode}{check:D2}{bban}";
    }

    private static IdentifierError Refused(string? input)
    {
        Assert.False(Iban.TryParse(input, out var iban, out var error));
        Assert.Null(iban);
        return error;
    }

    [Theory]
    [InlineData("FI2112345600000785")]
    [InlineData("FI5542345670000081")]
    [InlineData("DE89370400440532013000")]
    [InlineData("SE4550000000058398257466")]
    public void ValidIbanIsAccepted(string input)
    {
        Assert.True(Iban.TryParse(input, out var iban, out var error));
        Assert.Null(error);
        Assert.Equal(input, iban.Value);
        Assert.Equal(input[..2], iban.CountryCode);
    }

    [Theory]
    [MemberData(nameof(SepaExamples))]
    public void TheRegistryExampleOfEverySepaCountryIsAccepted(string input) =>
        Assert.True(Iban.TryParse(input, out _, out var error), error?.Message);

    [Fact]
    public void EverySepaCountryHasARegistryExample() =>
        Assert.Equal(
            Iban.SepaCountryCodes.Order(),
            SepaIbans.Select(iban => iban[..2]).Order());

    [Fact]
    public void SpacesAndLowerCaseAreNormalizedToCompactUpperCase()
    {
        var iban = Iban.Parse("  fi21 1234 5600 0007 85 ");

        Assert.Equal("FI2112345600000785", iban.Value);
        Assert.Equal(Iban.Parse("FI2112345600000785"), iban);
    }

    [Fact]
    public void IbanWithWrongCheckDigitsIsRefusedAsChecksum()
    {
        var error = Refused("FI2112345600000786");

        Assert.Equal(IdentifierErrorCode.Checksum, error.Code);
        Assert.Contains("check digits", error.Message);
    }

    [Fact]
    public void FinnishIbanMissingACharacterIsRefusedNamingTheExpectedLength()
    {
        var error = Refused("FI211234560000078");

        Assert.Equal(IdentifierErrorCode.Length, error.Code);
        Assert.Equal("An IBAN from FI has 18 characters, got 17.", error.Message);
    }

    [Theory]
    [InlineData("US64SVBKUS6S3300958879", "US")]
    [InlineData("TR330006100519786457841326", "TR")]
    [InlineData("BR1800360305000010009795493C1", "BR")]
    [InlineData("XX2112345600000785", "XX")]
    public void IbanFromOutsideSepaIsRefusedNamingTheCountry(string input, string country)
    {
        var error = Refused(input);

        Assert.Equal(IdentifierErrorCode.NotSepa, error.Code);
        Assert.StartsWith($"Country code {country} is not in the SEPA area", error.Message);
    }

    [Fact]
    public void FinnishIbanWhoseAccountNumberFailsTheLuhnCheckIsRefusedEvenWithRightIbanCheckDigits()
    {
        var iban = WithCheckDigits("FI", "12345600000786");
        Assert.Equal(1, Mod97(iban));

        var error = Refused(iban);

        Assert.Equal(IdentifierErrorCode.Checksum, error.Code);
        Assert.Contains("Luhn", error.Message);
    }

    [Fact]
    public void FinnishIbanWithLettersInTheAccountNumberIsRefusedAsFormat() =>
        Assert.Equal(IdentifierErrorCode.Format, Refused(WithCheckDigits("FI", "1234560000078A")).Code);

    [Theory]
    [InlineData("FI21-1234-5600-0007-85")]
    [InlineData("FIXX12345600000785")]
    [InlineData("2112345600000785")]
    [InlineData("F")]
    public void IbanNotShapedLikeOneIsRefusedAsFormat(string input) =>
        Assert.Equal(IdentifierErrorCode.Format, Refused(input).Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingIbanIsRequired(string? input) =>
        Assert.Equal(IdentifierErrorCode.Required, Refused(input).Code);

    [Fact]
    public void ParseThrowsFormatExceptionWithTheReason() =>
        Assert.Equal(
            "An IBAN from FI has 18 characters, got 17.",
            Assert.Throws<FormatException>(() => Iban.Parse("FI211234560000078")).Message);

    [Fact]
    public void FormattedGroupsInFours()
    {
        Assert.Equal("FI21 1234 5600 0007 85", Iban.Parse("FI2112345600000785").Formatted());
        Assert.Equal("DE89 3704 0044 0532 0130 00", Iban.Parse("DE89370400440532013000").Formatted());
    }

    [Fact]
    public void MaskingKeepsCountryCheckDigitsAndTheLastFour()
    {
        var iban = Iban.Parse("FI2112345600000785");

        Assert.Equal("FI21 **** **** **07 85", iban.Masked());
        Assert.Equal("FI21 **** **** **07 85", iban.ToString());
        Assert.Equal("FI21 **** **** **07 85", $"{iban}");
        Assert.Equal("DE89 **** **** **** **30 00", Iban.Parse("DE89370400440532013000").Masked());
    }

    [Theory]
    [MemberData(nameof(SepaExamples))]
    public void ToStringNeverContainsTheAccountNumber(string input)
    {
        var iban = Iban.Parse(input);
        var text = iban.ToString().Replace(" ", "");

        Assert.DoesNotContain(iban.Value, text);
        Assert.DoesNotContain(iban.Value[4..^4], text);
        Assert.Equal(iban.Value.Length, text.Length);
    }

    [Theory]
    [InlineData("FI2112345600000786")]
    [InlineData("FI211234560000078")]
    [InlineData("US64SVBKUS6S3300958879")]
    [InlineData("FI21 1234 5600 0007 8#")]
    public void RefusalMessagesNeverRepeatTheInput(string input)
    {
        var message = Refused(input).Message.Replace(" ", "");

        Assert.DoesNotContain(input.Replace(" ", ""), message);
        Assert.DoesNotContain(input.Replace(" ", "")[4..^2], message);
    }

    [Fact]
    public void EveryCreatedFinnishIbanParsesBackToItself()
    {
        var random = new Random(13616);
        for (var i = 0; i < 5000; i++)
        {
            var digits = random.NextInt64(0, 10_000_000_000_000).ToString("D13", CultureInfo.InvariantCulture);

            var created = Iban.CreateFinnish(digits);

            Assert.Equal("FI", created.CountryCode);
            Assert.Equal(digits, created.Value[4..17]);
            Assert.Equal(1, Mod97(created.Value));
            Assert.Equal(created, Iban.Parse(created.Formatted()));
        }
    }

    [Fact]
    public void CreateFinnishReproducesTheKnownExamples()
    {
        Assert.Equal("FI2112345600000785", Iban.CreateFinnish("1234560000078").Value);
        Assert.Equal("FI5542345670000081", Iban.CreateFinnish("4234567000008").Value);
    }

    [Theory]
    [InlineData("123456000007")]
    [InlineData("12345600000788")]
    [InlineData("123456000007A")]
    public void CreateFinnishRefusesAnythingButThirteenDigits(string digits) =>
        Assert.Throws<ArgumentException>(() => Iban.CreateFinnish(digits));
}
