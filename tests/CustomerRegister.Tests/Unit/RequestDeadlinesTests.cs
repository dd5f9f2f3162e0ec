using CustomerRegister.Requests;

namespace CustomerRegister.Tests.Unit;

public sealed class RequestDeadlinesTests
{
    private static readonly RequestDeadlines Rules = new();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void TheMonthEndsOnTheSameDateOfTheNextMonth() => Assert.Equal(D(2026, 3, 18), Rules.DueDate(D(2026, 2, 18)));

    [Fact]
    public void ThirtyFirstOfJanuaryEndsOnTheLastDayOfFebruary() => Assert.Equal(D(2025, 2, 28), Rules.DueDate(D(2025, 1, 31)));

    [Fact]
    public void InALeapYearItEndsOnTheTwentyNinthOfFebruary() => Assert.Equal(D(2028, 2, 29), Rules.DueDate(D(2028, 1, 31)));

    [Fact]
    public void ADueDateOnSaturdayMovesToMonday() => Assert.Equal(D(2026, 3, 2), Rules.DueDate(D(2026, 1, 28)));

    [Fact]
    public void ADueDateOnSundayMovesToMonday() => Assert.Equal(D(2027, 3, 1), Rules.DueDate(D(2027, 1, 31)));

    [Fact]
    public void GoodFridayMovesPastTheWholeEasterWeekend() => Assert.Equal(D(2026, 4, 7), Rules.DueDate(D(2026, 3, 3)));

    [Fact]
    public void AscensionDayMovesToTheNextDay() => Assert.Equal(D(2026, 5, 15), Rules.DueDate(D(2026, 4, 14)));

    [Fact]
    public void MidsummerEveMovesPastMidsummerToMonday() => Assert.Equal(D(2026, 6, 22), Rules.DueDate(D(2026, 5, 19)));

    [Fact]
    public void IndependenceDayMovesToTheNextWorkingDay() => Assert.Equal(D(2027, 12, 7), Rules.DueDate(D(2027, 11, 6)));

    [Fact]
    public void ChristmasMovesPastBoxingDayAndTheWeekend() => Assert.Equal(D(2026, 12, 28), Rules.DueDate(D(2026, 11, 24)));

    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSundayFollowsTheGregorianRule(int year, int month, int day) =>
        Assert.Equal(D(year, month, day), RequestDeadlines.EasterSunday(year));

    [Fact]
    public void TheFinnishHolidaysOfAYearAreAllThere()
    {
        var h = RequestDeadlines.FinnishHolidays(2025);

        DateOnly[] expected =
        [
            D(2025, 1, 1), D(2025, 1, 6), D(2025, 4, 18), D(2025, 4, 20), D(2025, 4, 21), D(2025, 5, 1), D(2025, 5, 29),
            D(2025, 6, 20), D(2025, 6, 21), D(2025, 11, 1), D(2025, 12, 6), D(2025, 12, 24), D(2025, 12, 25), D(2025, 12, 26),
        ];
        Assert.Equal(expected.Order(), h.Order());
    }

    [Fact]
    public void AllSaintsDayIsTheSaturdayFromThirtyFirstOctoberOn()
    {
        Assert.Contains(D(2026, 10, 31), RequestDeadlines.FinnishHolidays(2026));
        Assert.Contains(D(2027, 11, 6), RequestDeadlines.FinnishHolidays(2027));
    }

    [Fact]
    public void ConfiguredExtraHolidaysAlsoMoveTheDueDate()
    {
        var withClosure = new RequestDeadlines([D(2026, 4, 30)]);

        Assert.Equal(D(2026, 4, 30), Rules.DueDate(D(2026, 3, 30)));
        Assert.Equal(D(2026, 5, 4), withClosure.DueDate(D(2026, 3, 30)));
    }

    [Fact]
    public void AnExtensionCountsFromTheOriginalDueDateWithTheSameRules()
    {
        Assert.Equal(D(2026, 5, 4), Rules.ExtendedDueDate(D(2026, 3, 2), 2));
        Assert.Equal(D(2026, 4, 2), Rules.ExtendedDueDate(D(2026, 3, 2), 1));
    }

    [Fact]
    public void AnExtensionIsAllowedOnceByAtMostTwoMonthsBeforeTheOriginalDueDatePasses()
    {
        var due = D(2026, 3, 2);

        Assert.Null(RequestDeadlines.ExtensionRefusal(due, due, alreadyExtended: false, months: 2));
        Assert.NotNull(RequestDeadlines.ExtensionRefusal(due, due, alreadyExtended: true, months: 1));
        Assert.NotNull(RequestDeadlines.ExtensionRefusal(due, due, alreadyExtended: false, months: 3));
        Assert.NotNull(RequestDeadlines.ExtensionRefusal(due, due, alreadyExtended: false, months: 0));
        Assert.NotNull(RequestDeadlines.ExtensionRefusal(due, due.AddDays(1), alreadyExtended: false, months: 1));
    }

    [Theory]
    [InlineData(RequestType.Access, false)]
    [InlineData(RequestType.Erasure, false)]
    [InlineData(RequestType.Portability, false)]
    [InlineData(RequestType.Rectification, false)]
    [InlineData(RequestType.ObjectionToMarketing, true)]
    public void AccessErasurePortabilityAndRectificationNeedAVerifiedIdentityToComplete(RequestType type, bool allowedWhenMatched)
    {
        Assert.Equal(allowedWhenMatched, RequestRules.CanComplete(type, RequestState.Matched) is null);
        Assert.Null(RequestRules.CanComplete(type, RequestState.InProgress));
        Assert.NotNull(RequestRules.CanComplete(type, RequestState.Received));
    }

    [Fact]
    public void AWebFormRequestIsMatchedOnlyAfterItsEmailIsConfirmed()
    {
        Assert.NotNull(RequestRules.CanMatch(RequestChannel.WebForm, RequestState.Received));
        Assert.Null(RequestRules.CanMatch(RequestChannel.WebForm, RequestState.EmailConfirmed));
        Assert.Null(RequestRules.CanMatch(RequestChannel.Letter, RequestState.Received));
        Assert.NotNull(RequestRules.CanMatch(RequestChannel.Letter, RequestState.Completed));
    }
}
