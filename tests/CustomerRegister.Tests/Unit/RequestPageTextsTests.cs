using System.Globalization;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using CustomerRegister.Requests.Pages;
using CustomerRegister.Restrictions;

namespace CustomerRegister.Tests.Unit;

/// <summary>The DPO's pages show every request enum and every logged step in words, in fi, sv and en.</summary>
public sealed class RequestPageTextsTests
{
    public static TheoryData<Type> ShownEnums() =>
    [
        typeof(RequestType), typeof(RequestChannel), typeof(RequestState), typeof(IdentityMethod), typeof(MatchReason),
        typeof(ReportDelivery), typeof(RequestDue), typeof(LimitKind), typeof(RestrictionGround),
    ];

    [Theory]
    [MemberData(nameof(ShownEnums))]
    public void EveryValueHasItsTextInEveryLanguage(Type type)
    {
        foreach (var value in Enum.GetNames(type))
        {
            var key = $"{type.Name}.{value}";
            Assert.True(UiText.Has(key), $"No text for {key}.");
            Assert.All(Languages.All, c => Assert.NotEqual(key, UiText.Get(key, new CultureInfo(c))));
        }
    }

    [Theory]
    [InlineData("received")]
    [InlineData("matched")]
    [InlineData("identity_verified")]
    [InlineData("started")]
    [InlineData("extended")]
    [InlineData("completed")]
    [InlineData("refused")]
    [InlineData("rectified")]
    [InlineData("recipients_listed")]
    [InlineData("access_report_generated")]
    [InlineData("access_report_sent")]
    [InlineData("erased")]
    [InlineData("restricted")]
    [InlineData("profiling_stopped")]
    [InlineData("marketing_prohibited")]
    [InlineData("mail_failed")]
    public void EveryLoggedStepHasWords(string action) => Assert.True(UiText.Has("Requests.Action." + action), action);

    [Fact]
    public void ARectificationsColumnsAreNamedInWords()
    {
        using var _ = new CultureScope("fi");
        Assert.Equal("sukunimi, postinumero", DpoPages.ActionNote("rectified", "consumers.last_name, consumers.postal_code"));
        Assert.Equal("arvo oli jo sama", DpoPages.ActionNote("rectified", "No value differed from the register."));
        Assert.Equal("Soitettiin takaisin.", DpoPages.ActionNote("identity_verified", "Soitettiin takaisin."));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _before;
    }
}
