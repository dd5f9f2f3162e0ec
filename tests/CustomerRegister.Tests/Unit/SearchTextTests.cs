using CustomerRegister.Search;

namespace CustomerRegister.Tests.Unit;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Mäki", "maki")]
    [InlineData("ÅBERG", "aberg")]
    [InlineData("Öhman-Äijälä", "ohman-aijala")]
    [InlineData("Müller", "muller")]
    [InlineData("  José  ", "jose")]
    public void FoldingIgnoresCaseAndAccents(string input, string folded) => Assert.Equal(folded, SearchText.Fold(input));

    [Fact]
    public void AHyphenatedNameIsFoundByEachPartAndWhole() =>
        Assert.Equal(["maki-petaja", "maki", "petaja", "liisa"], SearchText.NameTokens("Mäki-Petäjä", "Liisa"));

    [Fact]
    public void ThePrefixBoundIsAboveEveryContinuation()
    {
        var upper = SearchText.PrefixUpperBound("maki");
        Assert.True(string.CompareOrdinal("makinen", upper) < 0);
        Assert.True(string.CompareOrdinal("maki", upper) < 0);
        Assert.True(string.CompareOrdinal("makj", upper) > 0);
    }

    [Theory]
    [InlineData("040 12", "3584012")]
    [InlineData("+358 40 1", "358401")]
    [InlineData("00358 40", "35840")]
    [InlineData("(09) 123", "3589123")]
    public void APartialPhoneNumberBecomesAnE164Prefix(string typed, string prefix) =>
        Assert.Equal(prefix, SearchMatches.PhonePrefix(typed));
}
