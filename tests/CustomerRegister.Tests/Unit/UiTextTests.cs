using System.Globalization;
using CustomerRegister.Localization;

namespace CustomerRegister.Tests.Unit;

public sealed class UiTextTests
{
    [Fact]
    public void EveryTextHasFinnishSwedishAndEnglish()
    {
        foreach (var key in UiText.Keys)
        {
            var texts = Languages.All.Select(c => UiText.Get(key, new CultureInfo(c))).ToList();
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t), key));
            Assert.All(texts, t => Assert.NotEqual(key, t));
        }
    }

    [Fact]
    public void FinnishIsTheDefault() =>
        Assert.Equal("Kirjaudu sisään", UiText.Get("Login.Title", new CultureInfo("de")));
}
