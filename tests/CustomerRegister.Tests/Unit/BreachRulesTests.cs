using CustomerRegister.Breaches;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;

namespace CustomerRegister.Tests.Unit;

/// <summary>The 72-hour clock (Art 33(1)), what a breach record must say, and the letter to the people (Art 34).</summary>
public sealed class BreachRulesTests
{
    // 09:00 in Helsinki on Monday 7.12.2026 (UTC+2).
    private static readonly DateTime Recorded = new(2026, 12, 7, 7, 0, 0, DateTimeKind.Utc);

    private static BreachClockReading At(double hours, AuthorityDecision decision = AuthorityDecision.Pending, DateTime? notifiedAt = null) =>
        BreachClock.Read(Recorded, decision, notifiedAt, Recorded.AddHours(hours));

    [Fact]
    public void ABreachRecordedAt0900IsWarnedAboutAt57Hours()
    {
        var clock = At(57);
        Assert.Equal(BreachClockState.Warning, clock.State);
        Assert.True(clock.NeedsAttention);
        Assert.Equal(15, clock.HoursLeft);
        Assert.Equal(Recorded.AddHours(72), clock.Due);
    }

    [Theory]
    [InlineData(0, BreachClockState.Running, 72)]
    [InlineData(47.9, BreachClockState.Running, 24)]
    [InlineData(48, BreachClockState.Warning, 24)]
    [InlineData(72, BreachClockState.Warning, 0)]
    [InlineData(72.5, BreachClockState.Overdue, -1)]
    [InlineData(80, BreachClockState.Overdue, -8)]
    public void TheClockRunsWarnsFrom48HoursAndIsOverduePast72(double hours, BreachClockState state, int left)
    {
        var clock = At(hours);
        Assert.Equal(state, clock.State);
        Assert.Equal(left, clock.HoursLeft);
    }

    [Fact]
    public void ADecisionStopsTheClock()
    {
        Assert.Equal(BreachClockState.NotifiedInTime, At(80, AuthorityDecision.Notified, Recorded.AddHours(70)).State);
        Assert.Equal(BreachClockState.NotifiedLate, At(80, AuthorityDecision.Notified, Recorded.AddHours(75)).State);
        Assert.Equal(BreachClockState.NotRequired, At(80, AuthorityDecision.NotRequired).State);
        Assert.False(At(80, AuthorityDecision.NotRequired).NeedsAttention);
    }

    [Fact]
    public void AnEmptyRecordNamesEveryMissingField()
    {
        var errors = BreachRules.Validate(new BreachInput(null, null, null, null, null, null, null, null), Recorded).ToDictionary();
        Assert.Equal(["approxPeople", "approxRecords", "categories", "consequences", "description", "discoveredAt", "measures"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BadValuesAreNamedWithTheirReason()
    {
        var errors = BreachRules.Validate(new BreachInput(Recorded.AddHours(1), Recorded.AddHours(2), "x", ["no.such"], -1, 5, "c", "m"), Recorded)
            .ToDictionary();
        Assert.Equal(["approxPeople", "categories", "discoveredAt", "occurredAt"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Cannot be in the future.", Assert.Single(errors["discoveredAt"]));
        Assert.Equal("Unknown data category.", Assert.Single(errors["categories"]));
    }

    [Fact]
    public void ALateNotificationNeedsTheReasonsForTheDelay()
    {
        var breach = new Breach { DiscoveredAt = Recorded };
        var now = Recorded.AddDays(5);
        var late = BreachRules.Validate(new AuthorityInput(AuthorityDecision.Notified, Recorded.AddHours(73), "TSV/123/2026", null, 1), breach, now);
        Assert.Contains("reason", late.ToDictionary().Keys);
        var inTime = BreachRules.Validate(new AuthorityInput(AuthorityDecision.Notified, Recorded.AddHours(71), "TSV/123/2026", null, 1), breach, now);
        Assert.False(inTime.Any);
        var none = BreachRules.Validate(new AuthorityInput(AuthorityDecision.NotRequired, null, null, null, 1), breach, now);
        Assert.Equal(["reason"], none.ToDictionary().Keys);
        var nothing = BreachRules.Validate(new AuthorityInput(null, null, null, null, null), breach, now);
        Assert.Equal(["decision", "version"], nothing.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fi", "Mitä tapahtui: Varastettu kannettava.", "sähköpostiosoite", "tietosuojavastaava@example.fi")]
    [InlineData("sv", "Vad hände: Varastettu kannettava.", "e-postadress", "tietosuojavastaava@example.fi")]
    [InlineData("en", "What happened: Varastettu kannettava.", "email address", "tietosuojavastaava@example.fi")]
    public void TheLetterSaysWhatHappenedWhichDataTheConsequencesTheMeasuresAndWhomToContact(
        string language, string what, string category, string contact)
    {
        var breach = new Breach
        {
            DiscoveredAt = Recorded,
            Description = "Varastettu kannettava.",
            CategoryIds = $"{Categories.Name.Id},{Categories.Email.Id}",
            Consequences = "Huijausviestit.",
            Measures = "Salasanat vaihdettu.",
        };
        var (subject, body) = BreachLetters.Letter(breach, language,
            new ReportController("Encore Ympäristöpalvelut Oy", null, "Tietosuojavastaava", "tietosuojavastaava@example.fi"));
        Assert.False(string.IsNullOrWhiteSpace(subject));
        Assert.Contains(what, body, StringComparison.Ordinal);
        Assert.Contains(category, body, StringComparison.Ordinal);
        Assert.Contains("Huijausviestit.", body, StringComparison.Ordinal);
        Assert.Contains("Salasanat vaihdettu.", body, StringComparison.Ordinal);
        Assert.Contains(contact, body, StringComparison.Ordinal);
        Assert.Contains("7.12.2026", body, StringComparison.Ordinal);
        Assert.Contains(SupervisoryAuthority.ComplaintRight(language), body, StringComparison.Ordinal);
    }

    [Fact]
    public void BreachesAreKeptFiveYearsByTheirCataloguesRule()
    {
        Assert.Equal(RetentionRule.BreachRecord, BreachRetention.Rule);
        Assert.Equal(new RetentionPeriod(5, PeriodUnit.Years), RetentionRule.BreachRecord.Period);
        Assert.Equal(new DateOnly(2031, 12, 7), RetentionRule.BreachRecord.Period.DueFrom(new DateOnly(2026, 12, 7)));
    }
}
