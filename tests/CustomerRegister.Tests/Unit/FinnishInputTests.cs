using CustomerRegister.Localization;

namespace CustomerRegister.Tests.Unit;

public sealed class FinnishInputTests
{
    [Theory]
    [InlineData("12,50", "12.50")]
    [InlineData("1 234,50", "1234.50")]
    [InlineData("1\u00a0234,50\u00a0€", "1234.50")]
    [InlineData("1\u202f234,5", "1234.5")]
    [InlineData("1234.50", "1234.50")]
    [InlineData(" 7 ", "7")]
    [InlineData("\u221212,50", "-12.50")]
    public void AnAmountIsReadAsAFinnishUserTypesIt(string typed, string expected)
    {
        Assert.True(FinnishInput.TryDecimal(typed, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12,5O")]
    [InlineData("1.234,50")]
    [InlineData("12,50,1")]
    [InlineData("tolv euro")]
    [InlineData("1e3")]
    public void AnythingElseIsNotAnAmount(string? typed) => Assert.False(FinnishInput.TryDecimal(typed, out _));

    [Theory]
    [InlineData("4.12.2026")]
    [InlineData("04.12.2026")]
    [InlineData("2026-12-04")]
    public void ADayIsReadInTheFinnishOrTheIsoForm(string typed)
    {
        Assert.True(FinnishInput.TryDate(typed, out var day));
        Assert.Equal(new DateOnly(2026, 12, 4), day);
        Assert.Equal("4.12.2026", FinnishInput.DateValue(day));
    }

    [Theory]
    [InlineData("12/4/2026")]
    [InlineData("31.2.2026")]
    [InlineData("huomenna")]
    public void AnythingElseIsNotADay(string typed) => Assert.False(FinnishInput.TryDate(typed, out _));
}
