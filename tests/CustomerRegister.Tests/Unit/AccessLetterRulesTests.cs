using System.Text.RegularExpressions;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Tests.Unit;

/// <summary>
/// The rules of the access letter and of every letter to a person: retention said in words derived from the catalogue,
/// every stored field with a label, every enum value in words, one topic per category, and the one voice of the letters.
/// </summary>
public sealed partial class AccessLetterRulesTests
{
    public static TheoryData<string> Languages => ["fi", "sv", "en"];

    private static readonly ReportController Sender = new("Encore Ympäristöpalvelut Oy", "asiakaspalvelu@example.fi", "Ari Aalto, tietosuojavastaava",
        "ari.aalto@example.fi");

    /// <summary>A configuration key (Requests:RetentionYears), an ISO date or an English legal citation has no place in a letter.</summary>
    [GeneratedRegex(@"[A-Z][A-Za-z]+:[A-Z][A-Za-z]+|\d{4}-\d{2}-\d{2}|GDPR|Art(icle)? \d|\bUTC\b")]
    private static partial Regex Technical();

    [Fact]
    public void EveryRetentionRuleOfTheCatalogueIsSaidInWordsInEveryLanguage()
    {
        Assert.NotEmpty(AccessReportWords.Rules);
        foreach (var rule in AccessReportWords.Rules)
        {
            Assert.True(AccessReportWords.HasSentence(rule), $"{rule.Id} has no sentence");
            foreach (var language in new[] { "fi", "sv", "en" })
            {
                var sentence = AccessReportWords.Retention(rule, rule.Period, language);
                Assert.DoesNotMatch(Technical(), sentence);
                Assert.DoesNotContain("{", sentence, StringComparison.Ordinal);
                if (rule.Period.Unit != PeriodUnit.None)
                {
                    Assert.Contains(rule.Period.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), sentence, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void TheRetentionSentenceTakesItsAmountFromThePeriodNotFromItsText()
    {
        Assert.Equal("Säilytetään 24 kuukautta asiakkuuden päättymisestä.",
            AccessReportWords.Retention(RetentionRule.CustomerProfile, RetentionRule.CustomerProfile.Period, "fi"));
        Assert.Equal("Säilytetään 36 kuukautta asiakkuuden päättymisestä.",
            AccessReportWords.Retention(RetentionRule.CustomerProfile, RetentionPeriod.Months(36), "fi"));
        Assert.Equal("Kept for 1 year after the call.", AccessReportWords.Retention(RetentionRule.CallRecording, RetentionPeriod.Years(1), "en"));
        Assert.StartsWith("Bokföringslagen kräver att de sparas i 6 år",
            AccessReportWords.Retention(RetentionRule.Voucher, RetentionRule.Voucher.Period, "sv"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCategoryButTheSearchIndexBelongsToExactlyOneTopic()
    {
        foreach (var category in Categories.All.Where(c => c != Categories.SearchIndex))
        {
            Assert.Single(AccessReportWords.Topics, t => t.Categories.Contains(category));
        }

        Assert.DoesNotContain(AccessReportWords.Topics, t => t.Categories.Contains(Categories.SearchIndex));
        Assert.Equal("Yhteystietosi", AccessReportWords.TopicOf(Categories.Email.Id).Title.In("fi"));
        Assert.Equal("Laskusi ja maksusi", AccessReportWords.TopicOf(Categories.Invoice.Id).Title.In("fi"));
    }

    /// <summary>The letter never falls back to a column name: every classified field of every reported table has a label, every table a kind.</summary>
    [Fact]
    public void EveryReportedFieldHasALabelAndEveryEnumValueWords()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var missing = new List<string>();
        foreach (var table in SubjectRows.Tables(model, sql))
        {
            var entity = table.Entity.ClrType.Name;
            if (!AccessReportWords.HasKind(entity))
            {
                missing.Add($"kind {entity}");
            }

            foreach (var property in table.Entity.GetProperties().Where(p => SubjectRows.CategoryOf(p) is { } c && c != Categories.SearchIndex))
            {
                var name = property.ClrType == typeof(byte[])
                    ? property.Name.EndsWith("Cipher", StringComparison.Ordinal) ? property.Name[..^"Cipher".Length] : null
                    : property.Name;
                if (name is not null && !AccessReportWords.Technical.Contains(name) && !AccessReportWords.HasLabel(entity, name))
                {
                    missing.Add($"label {entity}.{name}");
                }

                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type.IsEnum)
                {
                    missing.AddRange(Enum.GetNames(type).Where(v => !AccessReportWords.HasEnumWord(type, v)).Select(v => $"words {type.Name}.{v}"));
                }
            }
        }

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("fi", "4.12.2026 klo 14.05")]
    [InlineData("sv", "4.12.2026 kl. 14.05")]
    [InlineData("en", "4.12.2026 at 14.05")]
    public void TimesAreInHelsinkiTimeWithFinnishDates(string language, string expected)
    {
        Assert.Equal(expected, Display.DateTime(new DateTime(2026, 12, 4, 12, 5, 0, DateTimeKind.Utc), language));
        Assert.Equal("31.1.2027", Display.Date(new DateOnly(2027, 1, 31)));
    }

    [Fact]
    public void StoredAnswersAreShownAsWordsNotAsJson()
    {
        Assert.Equal("Tyytyvaisyys: Tyytymätön · Suosittelisi: 6", AccessReportWords.Answers("{\"tyytyvaisyys\":\"Tyytymätön\",\"suosittelisi\":6}"));
        Assert.Equal("Kiitos hyvästä palvelusta", AccessReportWords.Answers("Kiitos hyvästä palvelusta"));
        Assert.Equal("{ei json", AccessReportWords.Answers("{ei json"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TheUsesAreSaidOncePerLegalBasis(string language)
    {
        var words = AccessReportWords.Uses(Categories.Name.Uses.Concat(Categories.Email.Uses), language);

        Assert.Single(Regex.Matches(words, Regex.Escape(Purposes.Name(Purposes.Marketing, language).ToLowerInvariant())));
        Assert.DoesNotContain("6(1)", words, StringComparison.Ordinal);
        Assert.DoesNotContain(Purposes.Marketing, words, StringComparison.Ordinal);
    }

    /// <summary>Every letter to a person, in every language: greeting, body, whom to contact, the right to complain, signature.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryLetterReadsTheSameWay(string language)
    {
        var received = new DateOnly(2027, 1, 31);
        var letters = new Dictionary<string, string>
        {
            ["acknowledgement"] = RequestLetters.AcknowledgementLetter(language, RequestType.Access, received, new DateOnly(2027, 3, 3), "Eero Mäkinen", Sender),
            ["extension"] = RequestLetters.ExtensionLetter(language, RequestType.Access, received, new DateOnly(2027, 4, 30), "x", "Eero Mäkinen", Sender),
            ["refusal"] = RequestLetters.RefusalLetter(language, RequestType.Erasure, received, "x", "Eero Mäkinen", Sender),
            ["rectification"] = RequestLetters.RectificationNotice(language, received, [Categories.Email.Id], [], "Eero Mäkinen", Sender),
            ["erasure"] = ErasureLetters.Letter(language, ErasureReport(), "Eero Mäkinen", Sender),
            ["restriction"] = RestrictionLetters.Restricted(language, RestrictionGround.AccuracyContested, "Eero Mäkinen", Sender),
            ["objection"] = RestrictionLetters.Objection(language, RequestType.ObjectionToMarketing, "Eero Mäkinen", Sender),
        };
        var (hello, regards) = language switch
        {
            "sv" => ("Hej Eero Mäkinen,", "Med vänliga hälsningar"),
            "en" => ("Dear Eero Mäkinen,", "Kind regards"),
            _ => ("Hei Eero Mäkinen,", "Ystävällisin terveisin"),
        };
        foreach (var (kind, letter) in letters)
        {
            Assert.True(letter.StartsWith(hello + "\n\n", StringComparison.Ordinal), $"{kind}: {letter}");
            Assert.Contains("ari.aalto@example.fi", letter, StringComparison.Ordinal);
            Assert.Contains(SupervisoryAuthority.ComplaintRight(language), letter, StringComparison.Ordinal);
            Assert.EndsWith($"{regards}\nAri Aalto, tietosuojavastaava\nEncore Ympäristöpalvelut Oy", letter, StringComparison.Ordinal);
            Assert.DoesNotMatch(Technical(), letter);
        }

        Assert.Contains("31.1.2027", letters["extension"], StringComparison.Ordinal);
        Assert.Contains("30.4.2027", letters["extension"], StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutANameTheLetterGreetsPlainly()
    {
        Assert.StartsWith("Hei,\n\n", RequestLetters.RefusalLetter("fi", RequestType.Access, new DateOnly(2027, 1, 31), "x"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The old erasure letter listed the kept request record twice (the request and its steps), with the English legal
    /// citation and the setting's key inside a Finnish letter, and no signature.
    /// </summary>
    [Fact]
    public void TheErasureLetterSaysEachKeptKindOnceInFinnishWords()
    {
        var letter = ErasureLetters.Letter("fi", ErasureReport(), "Eero Mäkinen", Sender, rule => rule == RetentionRule.RightsRequest
            ? RetentionPeriod.Years(5)
            : rule.Period);

        var requestName = Categories.RightsRequest.Name("fi");
        Assert.Single(letter.Split('\n'), l => l.Contains(requestName, StringComparison.Ordinal));
        Assert.Contains("säilytetään 5 vuotta pyynnön käsittelyn päättymisestä", letter, StringComparison.Ordinal);
        Assert.Contains("Poistetaan viimeistään 6.12.2031.", letter, StringComparison.Ordinal);
        Assert.Contains("kirjanpitolaki velvoittaa säilyttämään nämä 6 vuotta", letter, StringComparison.Ordinal);
        Assert.Contains("Poistetaan viimeistään 31.12.2032.", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Requests:RetentionYears", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("accountability", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Kirjanpitolaki 1336/1997 ch.", letter, StringComparison.Ordinal);
        Assert.Contains("- " + Categories.Email.Name("fi"), letter, StringComparison.Ordinal);
        Assert.Contains("Suoramarkkinointikieltosi", letter, StringComparison.Ordinal);
        Assert.EndsWith("Ystävällisin terveisin\nAri Aalto, tietosuojavastaava\nEncore Ympäristöpalvelut Oy", letter, StringComparison.Ordinal);
    }

    /// <summary>A composed letter never fails on odd data: items alike in every value are said once with their count.</summary>
    [Fact]
    public void ItemsAlikeInEveryValueAreSaidOnceWithTheirCount()
    {
        ReportField[] fields = [new("channel", "Post", "Kanava", "posti"), new("status", "Invited", "Tila", "kutsuttu")];
        ReportItem[] items =
        [
            new("event_invitations", "1", "OwnSystems", null, null, fields, Kind: "Tapahtumakutsu"),
            new("event_invitations", "2", "OwnSystems", null, null, fields, Kind: "Tapahtumakutsu"),
        ];
        var report = new AccessReport("fi", Sender, Guid.NewGuid(), new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc), "",
            [new ReportCategory(Categories.MarketingEvent.Id, Categories.MarketingEvent.Name("fi"), [], new ReportRetention("", "", "", ""), "", false,
                items, "Säilytetään 24 kuukautta asiakkuuden päättymisestä.")],
            new ReportRecipients([], "", []), "", ["Oikeus"], SupervisoryAuthority.ForReport("fi"), []);

        var html = AccessReportHtml.Render(report);

        Assert.Contains("<caption>Tapahtumakutsu (2)</caption>", html, StringComparison.Ordinal);
        Assert.Single(html.Split("kutsuttu")[1..]);
        Assert.Contains("Tiedot on saatu omista järjestelmistämme palveluitamme käyttäessäsi.", html, StringComparison.Ordinal);
        Assert.Contains("6.12.2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain("OwnSystems", html, StringComparison.Ordinal);
        Assert.DoesNotContain("event_invitations", html, StringComparison.Ordinal);
    }

    private static ErasureReport ErasureReport()
    {
        var requestReason = ErasureRules.KeptBecause(Categories.RightsRequest, openCollectionCase: false);
        var voucherReason = ErasureRules.KeptBecause(Categories.Invoice, openCollectionCase: false);
        return new ErasureReport(Guid.NewGuid(), Guid.NewGuid(), new DateTime(2026, 12, 6, 1, 0, 0, DateTimeKind.Utc),
            [new ErasedItems("consumers", [Categories.Email.Id, Categories.Name.Id], 1, "deleted")],
            [
                new KeptItems("data_subject_requests", [Categories.RightsRequest.Id], 1, requestReason, new DateOnly(2029, 12, 6), null, []),
                new KeptItems("request_actions", [Categories.RightsRequest.Id], 4, requestReason, new DateOnly(2031, 12, 6), null, []),
                new KeptItems("invoices", [Categories.Invoice.Id], 3, voucherReason, new DateOnly(2032, 12, 31), null, []),
            ],
            ["Email"], [], "pending", "");
    }
}
