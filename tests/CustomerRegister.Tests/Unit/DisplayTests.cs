using System.Globalization;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using CustomerRegister.Subjects.Pages.Subjects;

namespace CustomerRegister.Tests.Unit;

/// <summary>Values on the pages as a Finnish reader writes them, whatever the page's language.</summary>
public sealed class DisplayTests
{
    [Theory]
    [InlineData("+358401234567", "040 123 4567")]
    [InlineData("+358447654321", "044 765 4321")]
    [InlineData("+35891234567", "09 123 4567")]
    [InlineData("+358501234", "050 1234")]
    [InlineData("+46701234567", "+46 70 123 45 67")]
    public void PhonesAreGroupedAsDialledInFinland(string e164, string shown) => Assert.Equal(shown, Display.Phone(e164));

    [Fact]
    public void MoneyHasACommaAndNoBreakSpaces()
    {
        Assert.Equal("1\u00a0234,50\u00a0€", Display.Money(1234.5m));
        Assert.Equal("0,05\u00a0€", Display.Money(0.05m));
        Assert.Equal("-12,00\u00a0€", Display.Money(-12m).Replace('\u2212', '-'));
        Assert.Equal("", Display.Money(null));
    }

    [Theory]
    [InlineData("fi", "4.12.2026 klo 14.05")]
    [InlineData("sv", "4.12.2026 kl. 14.05")]
    [InlineData("en", "4.12.2026 at 14.05")]
    public void InstantsAreShownInHelsinkiTime(string language, string shown)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            // 12:05 UTC in winter is 14:05 in Helsinki; the day turns at Helsinki midnight, not at UTC's.
            Assert.Equal(shown, Display.DateTime(new DateTime(2026, 12, 4, 12, 5, 0, DateTimeKind.Utc)));
            Assert.Equal("5.12.2026", Display.Date(new DateTime(2026, 12, 4, 22, 30, 0, DateTimeKind.Utc)));
            Assert.Equal("4.12.2026", Display.Date(new DateOnly(2026, 12, 4)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("bankAccount", "Input.BankAccount")]
    [InlineData("items[0].amount", "Input.Items[0].Amount")]
    public void AUseCasesFieldIsFoundUnderThePagesPrefix(string field, string key) => Assert.Equal(key, PageOutcomes.Key("Input", field));

    [Fact]
    public void AFailedOutcomeShowsEachFieldAndAStaleOneIsRecognised()
    {
        var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        Outcome<int> failed = Outcome.Invalid(new FieldErrors().Add("phone", FieldMessages.TooShort(5)).Add("email", FieldMessages.Required));
        Assert.False(state.Show(failed));
        Assert.Equal(["Input.Phone", "Input.Email"], state.Keys.Order().Reverse());
        Assert.True(((Outcome<int>)Outcome.Conflict(PageOutcomes.VersionField, UiText.Text("Form.Stale"))).IsStale());
        Assert.True(state.Show((Outcome<int>)7) is true);
    }

    [Fact]
    public void EverySectionOfThePictureHasAPanelOnThePersonPage()
    {
        var sections = typeof(ISubjectSection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISubjectSection).IsAssignableFrom(t))
            .Select(t => (ISubjectSection)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t))
            .Select(s => s.Name).Order().ToList();
        Assert.Equal(sections, SubjectPanels.All.Select(p => p.Section).Order().ToList());
        Assert.All(SubjectPanels.All, p => Assert.True(UiText.Has(p.TitleKey), p.TitleKey));
        var root = Infrastructure.ReadmePermissionTable.RepositoryRoot();
        Assert.All(SubjectPanels.All, p => Assert.True(File.Exists(Path.Combine(root, "src", "CustomerRegister") + p.Partial), p.Partial));
    }
}
