using System.Globalization;
using CustomerRegister.Finnish;

namespace CustomerRegister.Tests.Unit.Finnish;

public sealed class PersonalIdentityCodeTests
{
    // An independent oracle for the check character, so the tests do not trust the code under test.
    private static char Check(string dateDigits, string individualNumber) =>
        "0123456789ABCDEFHJKLMNPRSTUVWXY"[int.Parse(dateDigits + individualNumber, CultureInfo.InvariantCulture) % 31];

    private static IdentifierError Refused(string? input)
    {
        Assert.False(PersonalIdentityCode.TryParse(input, out var code, out var error));
        Assert.Null(code);
        return error;
    }

    [Theory]
    [InlineData("131052-308T", 1952, 10, 13)]
    [InlineData("150875Y123E", 1975, 8, 15)]
    [InlineData("290204A2469", 2004, 2, 29)]
    public void ValidIdentityCodeIsAcceptedWithItsBirthDate(string input, int year, int month, int day)
    {
        Assert.True(PersonalIdentityCode.TryParse(input, out var code, out var error));
        Assert.Null(error);
        Assert.Equal(input, code.Value);
        Assert.Equal(new DateOnly(year, month, day), code.BirthDate);
    }

    [Theory]
    [InlineData('+', 1852)]
    [InlineData('-', 1952)]
    [InlineData('Y', 1952)]
    [InlineData('X', 1952)]
    [InlineData('W', 1952)]
    [InlineData('V', 1952)]
    [InlineData('U', 1952)]
    [InlineData('A', 2052)]
    [InlineData('B', 2052)]
    [InlineData('C', 2052)]
    [InlineData('D', 2052)]
    [InlineData('E', 2052)]
    [InlineData('F', 2052)]
    public void EveryCenturySignGivesItsCenturyAndLeavesTheCheckCharacterAlone(char sign, int year)
    {
        var code = PersonalIdentityCode.Parse($"131052{sign}308T");

        Assert.Equal(new DateOnly(year, 10, 13), code.BirthDate);
    }

    [Theory]
    [InlineData('Y')]
    [InlineData('X')]
    [InlineData('W')]
    [InlineData('V')]
    [InlineData('U')]
    [InlineData('B')]
    [InlineData('C')]
    [InlineData('D')]
    [InlineData('E')]
    [InlineData('F')]
    public void LetterCenturySignsOf2023AreAcceptedInLowerCaseToo(char sign)
    {
        var input = $"131052{char.ToLowerInvariant(sign)}308t";

        Assert.Equal($"131052{sign}308T", PersonalIdentityCode.Parse(input).Value);
    }

    [Fact]
    public void LowerCaseAndSurroundingWhitespaceAreNormalized()
    {
        var code = PersonalIdentityCode.Parse("  290204a2469 \t");

        Assert.Equal("290204A2469", code.Value);
        Assert.Equal(PersonalIdentityCode.Parse("290204A2469"), code);
    }

    [Fact]
    public void IdentityCodeWithWrongCheckCharacterIsRefusedNamingTheExpectedOne()
    {
        var error = Refused("131052-308U");

        Assert.Equal(IdentifierErrorCode.CheckCharacter, error.Code);
        Assert.Equal("The check character should be T, not U.", error.Message);
    }

    [Fact]
    public void IdentityCodeWithANonExistentDateIsRefusedNamingTheDate()
    {
        var error = Refused("310252-308T");

        Assert.Equal(IdentifierErrorCode.Date, error.Code);
        Assert.Equal("31.02.1952 is not a real date.", error.Message);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    public void IndividualNumbersBelow002AreRefused(string number)
    {
        var error = Refused($"131052-{number}{Check("131052", number)}");

        Assert.Equal(IdentifierErrorCode.IndividualNumber, error.Code);
        Assert.Equal($"Individual number {number} is not valid: permanent codes use 002–899.", error.Message);
    }

    [Fact]
    public void TheExample001WIsRefusedForItsIndividualNumber() =>
        Assert.Equal(IdentifierErrorCode.IndividualNumber, Refused("131052-001W").Code);

    [Theory]
    [InlineData("900")]
    [InlineData("954")]
    [InlineData("999")]
    public void TemporaryIdentityCodesAreRefusedAsTemporary(string number)
    {
        var error = Refused($"131052-{number}{Check("131052", number)}");

        Assert.Equal(IdentifierErrorCode.IndividualNumber, error.Code);
        Assert.Contains("temporary", error.Message);
    }

    [Theory]
    [InlineData("002")]
    [InlineData("899")]
    public void IndividualNumbersAtTheEdgesOfThePermanentRangeAreAccepted(string number) =>
        Assert.True(PersonalIdentityCode.TryParse($"131052-{number}{Check("131052", number)}", out _, out _));

    [Theory]
    [InlineData('Z')]
    [InlineData('G')]
    [InlineData('*')]
    [InlineData('1')]
    public void UnknownCenturySignIsRefusedNamingTheSign(char sign)
    {
        var error = Refused($"131052{sign}308T");

        Assert.Equal(IdentifierErrorCode.CenturySign, error.Code);
        Assert.StartsWith($"{sign} is not a century sign", error.Message);
    }

    [Fact]
    public void TheLeapDayOf2000IsAccepted()
    {
        var code = PersonalIdentityCode.Parse($"290200A123{Check("290200", "123")}");

        Assert.Equal(new DateOnly(2000, 2, 29), code.BirthDate);
    }

    [Fact]
    public void TheLeapDayOf2001DoesNotExist()
    {
        var error = Refused($"290201A123{Check("290201", "123")}");

        Assert.Equal(IdentifierErrorCode.Date, error.Code);
        Assert.Equal("29.02.2001 is not a real date.", error.Message);
    }

    [Fact]
    public void TheLeapDayOf1900DoesNotExistBecauseTheCenturySignDecidesTheYear()
    {
        Assert.True(PersonalIdentityCode.TryParse($"290200A123{Check("290200", "123")}", out _, out _));

        Assert.Equal("29.02.1900 is not a real date.", Refused($"290200-123{Check("290200", "123")}").Message);
    }

    [Theory]
    [InlineData("001352-308T")]
    [InlineData("320152-308T")]
    [InlineData("130052-308T")]
    [InlineData("131352-308T")]
    public void DaysAndMonthsOutOfRangeAreRefusedAsDates(string input) =>
        Assert.Equal(IdentifierErrorCode.Date, Refused(input).Code);

    [Theory]
    [InlineData("131052-308", 10)]
    [InlineData("131052-308TT", 12)]
    [InlineData("131052 -308T", 12)]
    public void IdentityCodeOfTheWrongLengthIsRefusedNamingTheLength(string input, int length)
    {
        var error = Refused(input);

        Assert.Equal(IdentifierErrorCode.Length, error.Code);
        Assert.Equal($"Expected 11 characters, got {length}.", error.Message);
    }

    [Theory]
    [InlineData("13105a-308T")]
    [InlineData("131052-3O8T")]
    [InlineData("１31052-308T")]
    public void NonDigitsWhereDigitsBelongAreRefusedAsFormat(string input) =>
        Assert.Equal(IdentifierErrorCode.Format, Refused(input).Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingIdentityCodeIsRequired(string? input) =>
        Assert.Equal(IdentifierErrorCode.Required, Refused(input).Code);

    [Fact]
    public void ParseThrowsFormatExceptionWithTheReason()
    {
        var exception = Assert.Throws<FormatException>(() => PersonalIdentityCode.Parse("131052-308U"));

        Assert.Equal("The check character should be T, not U.", exception.Message);
    }

    [Theory]
    [InlineData("131052-308U")]
    [InlineData("310252-308T")]
    [InlineData("131052-001W")]
    [InlineData("131052Z308T")]
    [InlineData("131052-900Y")]
    [InlineData("131052-3O8T")]
    [InlineData("131052-308")]
    [InlineData("131052-308tt")]
    public void RefusalMessagesNeverRepeatTheInput(string input)
    {
        var message = Refused(input).Message;

        Assert.DoesNotContain(input, message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(input[..6], message);
        Assert.DoesNotContain(input[6..], message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("131052-308T", "131052-****")]
    [InlineData("150875Y123E", "150875Y****")]
    [InlineData("290204a2469", "290204A****")]
    public void MaskingShowsOnlyTheBirthDateAndCenturySign(string input, string masked)
    {
        var code = PersonalIdentityCode.Parse(input);

        Assert.Equal(masked, code.Masked());
        Assert.Equal(masked, code.ToString());
        Assert.Equal(masked, $"{code}");
    }

    [Fact]
    public void ToStringNeverContainsTheWholeCode()
    {
        for (var i = 0; i < 500; i++)
        {
            var code = PersonalIdentityCode.Create(new DateOnly(1990, 1, 1).AddDays(i * 37), 2 + i);

            Assert.DoesNotContain(code.Value, code.ToString());
            Assert.Equal(code.Value[..7] + "****", code.ToString());
        }
    }

    [Fact]
    public void EveryCreatedCodeParsesBackToItself()
    {
        var random = new Random(20230101);
        var first = new DateOnly(1800, 1, 1).DayNumber;
        var last = new DateOnly(2099, 12, 31).DayNumber;
        for (var i = 0; i < 5000; i++)
        {
            var birthDate = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var number = random.Next(2, 900);

            var created = PersonalIdentityCode.Create(birthDate, number);
            var parsed = PersonalIdentityCode.Parse(created.Value);

            Assert.Equal(created, parsed);
            Assert.Equal(birthDate, parsed.BirthDate);
            Assert.Equal(number, int.Parse(parsed.Value[7..10], CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(1852, '+', null)]
    [InlineData(1952, '-', null)]
    [InlineData(2052, 'A', null)]
    [InlineData(1952, 'U', 'U')]
    [InlineData(2052, 'F', 'F')]
    public void CreateUsesTheRequestedOrTheDefaultCenturySign(int year, char expected, char? requested)
    {
        var code = PersonalIdentityCode.Create(new DateOnly(year, 10, 13), 308, requested);

        Assert.Equal($"131052{expected}308T", code.Value);
    }

    [Fact]
    public void CreateRefusesACenturySignThatContradictsTheBirthYear() =>
        Assert.Throws<ArgumentException>(() => PersonalIdentityCode.Create(new DateOnly(1952, 10, 13), 308, 'A'));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(900)]
    public void CreateRefusesIndividualNumbersOutsideThePermanentRange(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalIdentityCode.Create(new DateOnly(1952, 10, 13), number));

    [Fact]
    public void CreateRefusesYearsNoCenturySignCovers() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalIdentityCode.Create(new DateOnly(2100, 1, 1), 308));
}
