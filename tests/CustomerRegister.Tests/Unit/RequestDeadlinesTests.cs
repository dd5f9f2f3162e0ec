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
    public void AnExtensionCountsThreeMonthsFromReceiptNotTwoFromTheMovedDueDate()
    {
        // Received Sun 31.1.2027: due Sun 28.2. → Mon 1.3.; extended 30.4. (Fri), not 1.5. (May Day) → 3.5.
        Assert.Equal(D(2027, 3, 1), Rules.DueDate(D(2027, 1, 31)));
        Assert.Equal(D(2027, 4, 30), Rules.ExtendedDueDate(D(2027, 1, 31), 2));
        Assert.Equal(D(2027, 3, 31), Rules.ExtendedDueDate(D(2027, 1, 31), 1));
    }

    [Theory]
    [InlineData("2026-03-09", 2, "2026-06-09")] // the EDPB's example: 9 March → 9 June
    [InlineData("2026-03-09", 1, "2026-05-11")] // 9 May is a Saturday
    [InlineData("2026-01-30", 1, "2026-03-30")] // a 31-day month to a 31-day month
    [InlineData("2026-03-31", 2, "2026-06-30")] // 31st into a 30-day month: its last day
    [InlineData("2026-05-31", 2, "2026-08-31")] // 31st into a 31-day month
    [InlineData("2026-04-30", 2, "2026-07-30")] // 30th stays the 30th
    [InlineData("2027-11-30", 1, "2028-01-31")] // across the year end; Sun 30.1.2028 moves to Monday
    public void AnExtendedMonthIsCountedFromReceiptAcrossMonthEnds(string received, int months, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            Rules.ExtendedDueDate(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), months));

    [Fact]
    public void AnExtensionEndingInFebruaryOfALeapYearEndsOnTheTwentyNinth()
    {
        Assert.Equal(D(2028, 2, 29), Rules.ExtendedDueDate(D(2027, 11, 30), 2)); // Tue 29.2.2028
        Assert.Equal(D(2027, 3, 1), Rules.ExtendedDueDate(D(2026, 11, 29), 2)); // 28.2.2027 is a Sunday
    }

    [Fact]
    public void AnExtensionReceivedOnTheTwentyNinthOfFebruaryCountsFromIt() =>
        Assert.Equal(D(2028, 5, 29), Rules.ExtendedDueDate(D(2028, 2, 29), 2));

    [Fact]
    public void AnExtendedDueDateOnAWeekendMovesToMonday() =>
        Assert.Equal(D(2026, 7, 13), Rules.ExtendedDueDate(D(2026, 4, 11), 2)); // 11.7.2026 is a Saturday

    [Fact]
    public void AnExtendedDueDateAtEasterMovesPastTheWholeEasterWeekend() =>
        Assert.Equal(D(2026, 4, 7), Rules.ExtendedDueDate(D(2026, 1, 3), 2)); // Fri 3.4. Good Friday … Mon 6.4. Easter Monday

    [Fact]
    public void AnExtendedDueDateAtMidsummerMovesToMonday() =>
        Assert.Equal(D(2027, 6, 28), Rules.ExtendedDueDate(D(2027, 3, 25), 2)); // Fri 25.6.2027 Midsummer Eve

    [Fact]
    public void AnExtendedDueDateOnIndependenceDayMovesToTheNextWorkingDay() =>
        Assert.Equal(D(2027, 12, 7), Rules.ExtendedDueDate(D(2027, 9, 6), 2)); // Mon 6.12.2027

    [Fact]
    public void AnExtendedDueDateAtChristmasMovesPastBoxingDayAndTheWeekend() =>
        Assert.Equal(D(2026, 12, 28), Rules.ExtendedDueDate(D(2026, 9, 24), 2)); // Thu 24.12. … Sun 27.12.2026

    [Fact]
    public void AnExtensionIsMovedOnceFromTheCountedDateNotFromTheMovedOriginalDueDate()
    {
        // Received 28.1.2026: due Sat 28.2. → Mon 2.3.; extended 28.4.2026 (Tue), not 2.5. → 4.5.
        Assert.Equal(D(2026, 3, 2), Rules.DueDate(D(2026, 1, 28)));
        Assert.Equal(D(2026, 4, 28), Rules.ExtendedDueDate(D(2026, 1, 28), 2));
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
