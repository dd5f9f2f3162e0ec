using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CustomerRegister.Tests.Unit;

/// <summary>
/// Field errors are said in the user's language beside the field, while the API keeps answering the English text: every
/// refusal is a <see cref="LocalText"/> at its source.
/// </summary>
public sealed partial class FieldMessageTests
{
    private static IdentifierError Refused<T>(IdentifierParser<T> parse, string input)
        where T : class
    {
        Assert.False(parse(input, out _, out var error));
        return error;
    }

    [Fact]
    public void AWrongIdentityCodeCheckCharacterIsExplainedInFinnishAndSwedish()
    {
        var error = Refused<PersonalIdentityCode>(PersonalIdentityCode.TryParse, "131052-308U");

        Assert.Equal(IdentifierErrorCode.CheckCharacter, error.Code);
        Assert.Equal("Tarkistusmerkki ei täsmää; jokin merkki on luultavasti kirjoitettu väärin.", error.Text.Fi);
        Assert.Equal("Kontrolltecknet stämmer inte; något tecken är troligen felskrivet.", error.Text.Sv);
        Assert.Equal("The check character should be T, not U.", error.Text.En);
        Assert.Equal(error.Text.En, error.Message);
    }

    [Fact]
    public void AWrongBusinessIdCheckDigitIsExplainedInFinnishAndSwedish()
    {
        var error = Refused<BusinessId>(BusinessId.TryParse, "0245974-8");

        Assert.Contains("Tarkistusnumero ei täsmää", error.Text.Fi, StringComparison.Ordinal);
        Assert.Contains("Kontrollsiffran stämmer inte", error.Text.Sv, StringComparison.Ordinal);
        Assert.Equal("The check digit should be 7, not 8.", error.Text.En);
    }

    [Fact]
    public void AWrongIbanIsExplainedInFinnishAndSwedish()
    {
        var error = Refused<Iban>(Iban.TryParse, "FI2112345600000786");

        Assert.Contains("tarkistusnumerot eivät täsmää", error.Text.Fi, StringComparison.Ordinal);
        Assert.Contains("kontrollsiffror stämmer inte", error.Text.Sv, StringComparison.Ordinal);
        Assert.Equal("The IBAN check digits do not match the account number; a character is probably mistyped.", error.Text.En);
    }

    [Fact]
    public void ANumberInAReasonIsWrittenInEveryLanguage()
    {
        var error = Refused<PostalCode>(PostalCode.TryParse, "0010");

        Assert.Equal("Postinumerossa on 5 numeroa; nyt merkkejä on 4.", error.Text.Fi);
        Assert.Equal("Postnumret har 5 siffror; nu är det 4 tecken.", error.Text.Sv);
        Assert.Equal("Expected 5 digits, got 4 characters.", error.Text.En);
        Assert.Equal(new LocalText("Enintään 200 merkkiä.", "Högst 200 tecken.", "At most 200 characters."), FieldMessages.TooLong(200));
    }

    /// <summary>Refused inputs of every identifier rule, each meant to reach a different reason.</summary>
    public static TheoryData<string, string> BadIdentifiers => new()
    {
        { "identityCode", "131052-308" },
        { "identityCode", "1310X2-308T" },
        { "identityCode", "131052G308T" },
        { "identityCode", "131052-3X8T" },
        { "identityCode", "310252-308T" },
        { "identityCode", "131052-001T" },
        { "identityCode", "131052-900T" },
        { "identityCode", "131052-308U" },
        { "businessId", "112038-9" },
        { "businessId", "0245974/8" },
        { "businessId", "0245974-8" },
        { "iban", "FI21 1234 5600 0007 8!" },
        { "iban", "1234" },
        { "iban", "US2112345600000785" },
        { "iban", "FI211234560000078" },
        { "iban", "FIAB12345600000785" },
        { "iban", "FI2112345600000786" },
        { "phone", "+999 123" },
        { "phone", "040" },
        { "phone", "040 123 4567 ext. 12" },
        { "phone", "+358 40 123456789012" },
        { "phone", "not a number" },
        { "email", "aino example.fi" },
        { "email", "aino.example.fi" },
        { "email", "@example.fi" },
        { "email", "aino..virtanen@example.fi" },
        { "email", "aino@" },
        { "email", "aino@example" },
        { "email", "aino@example..fi" },
        { "email", "aino@exa_mple.fi" },
        { "email", "aino@-example.fi" },
        { "email", "aino@192.0.2.1" },
        { "email", "ai(no)@example.fi" },
        { "postalCode", "0010" },
        { "postalCode", "0010A" },
    };

    [Theory]
    [MemberData(nameof(BadIdentifiers))]
    public void EveryIdentifierReasonIsInFinnishAndSwedishWithoutRepeatingTheInput(string rule, string input)
    {
        var error = rule switch
        {
            "identityCode" => Refused<PersonalIdentityCode>(PersonalIdentityCode.TryParse, input),
            "businessId" => Refused<BusinessId>(BusinessId.TryParse, input),
            "iban" => Refused<Iban>(Iban.TryParse, input),
            "phone" => Refused<PhoneNumber>(PhoneNumber.TryParse, input),
            "email" => Refused<EmailAddress>(EmailAddress.TryParse, input),
            _ => Refused<PostalCode>(PostalCode.TryParse, input),
        };

        foreach (var text in new[] { error.Text.Fi, error.Text.Sv })
        {
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.NotEqual(error.Text.En, text);
            Assert.DoesNotContain(input, text, StringComparison.OrdinalIgnoreCase);
            foreach (var part in input.Split([' ', '-', '@', '.', '+'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 4))
            {
                Assert.DoesNotContain(part, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Every refusal stated as a field: <c>static readonly LocalText</c>, a static <see cref="IdentifierError"/>, a static failure.</summary>
    public static TheoryData<string> StatedMessages()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Messages())
        {
            data.Add(name);
        }

        return data;
    }

    private static IEnumerable<(string Name, LocalText Text)> Messages()
    {
        const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(FieldMessages).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            foreach (var field in type.GetFields(Static))
            {
                var value = field.FieldType == typeof(LocalText) || field.FieldType == typeof(IdentifierError) || field.FieldType == typeof(Failure)
                    ? field.GetValue(null)
                    : null;
                var text = value switch
                {
                    LocalText t => t,
                    IdentifierError e => e.Text,
                    Failure { Conflict: { } c } => c.Message,
                    _ => null,
                };
                if (text is not null)
                {
                    yield return ($"{type.FullName}.{field.Name}", text);
                }
            }
        }
    }

    [Fact]
    public void TheMessagesAreFound() => Assert.True(Messages().Count() > 150, $"only {Messages().Count()} messages found");

    [Theory]
    [MemberData(nameof(StatedMessages))]
    public void EveryMessageIsInFinnishAndSwedish(string name)
    {
        var text = Messages().Single(m => m.Name == name).Text;

        Assert.False(string.IsNullOrWhiteSpace(text.Fi), name);
        Assert.False(string.IsNullOrWhiteSpace(text.Sv), name);
        if (IsProse(text.En) && !ProperNames.Contains(name))
        {
            Assert.NotEqual(text.En, text.Fi);
            Assert.NotEqual(text.En, text.Sv);
            Assert.NotEqual(text.Fi, text.Sv);
        }

        // Finnish and Swedish may leave out what English names from the input, never add a value of their own.
        var english = Placeholders(text.En);
        Assert.Subset(english, Placeholders(text.Fi));
        Assert.Subset(english, Placeholders(text.Sv));
        if (english.Count > 0)
        {
            var args = Enumerable.Range(0, english.Max() + 1).Select(i => (object)i).ToArray();
            _ = text.Format(args);
        }
    }

    /// <summary>Texts that are a proper name or an address, the same in two languages.</summary>
    private static readonly HashSet<string> ProperNames = ["CustomerRegister.Requests.SupervisoryAuthority.StreetAddresses"];

    /// <summary>Words outside the placeholders (<c>{0}: {1}</c> only joins other messages).</summary>
    private static bool IsProse(string english) => PlaceholderPattern().Replace(english, "").Any(char.IsLetter);

    private static HashSet<int> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    [Fact]
    public void TheApiAnswersInEnglishAndAPageInItsLanguage()
    {
        var errors = new FieldErrors().Required("firstName", null);
        errors.Text("lastName", new string('x', 101), 100);

        Assert.Equal(["Required."], errors.ToDictionary()["firstName"]);
        Assert.Equal(["At most 100 characters."], errors.ToDictionary()["lastName"]);
        Assert.Equal(["Pakollinen tieto."], errors.ToDictionary("fi")["firstName"]);
        Assert.Equal(["Högst 100 tecken."], errors.ToDictionary("sv")["lastName"]);
    }

    [Theory]
    [InlineData("fi", "Tarkistusmerkki ei täsmää; jokin merkki on luultavasti kirjoitettu väärin.")]
    [InlineData("sv", "Kontrolltecknet stämmer inte; något tecken är troligen felskrivet.")]
    [InlineData("en", "The check character should be T, not U.")]
    public void APageShowsTheReasonInItsLanguageBesideTheField(string language, string expected)
    {
        var error = Refused<PersonalIdentityCode>(PersonalIdentityCode.TryParse, "131052-308U");
        Outcome<int> outcome = Outcome.Invalid(new FieldErrors().Add("identityCode", error.Text).Add("bankAccount", FieldMessages.Required));
        var state = new ModelStateDictionary();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            Assert.False(state.Show(outcome));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal(expected, Assert.Single(state["Input.IdentityCode"]!.Errors).ErrorMessage);
        Assert.Equal(FieldMessages.Required.In(language), Assert.Single(state["Input.BankAccount"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void AConflictIsShownInThePagesLanguageAndAnsweredInEnglish()
    {
        Outcome<int> outcome = Outcome.Conflict("status", new LocalText("Lasku on peruttu.", "Fakturan är annullerad.", "The invoice is cancelled."));
        var state = new ModelStateDictionary();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("fi");
            state.Show(outcome);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal("Lasku on peruttu.", Assert.Single(state["Input.Status"]!.Errors).ErrorMessage);
        Assert.Equal("The invoice is cancelled.", outcome.Conflict!.Message.En);
    }
}
