using CustomerRegister.Customers;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Tests.Unit;

public sealed class RelationshipRulesTests
{
    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" as 1001 ", "AS-1001")]
    [InlineData("k-2024-17", "K-2024-17")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    public void NumbersAreNormalisedToUpperCaseWithHyphens(string input, string expected)
    {
        Assert.True(RelationshipRules.TryNormaliseNumber(input, out var number, out _));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("ABC")]
    [InlineData("123456789012345678901")]
    [InlineData("AB/12")]
    [InlineData("-12")]
    [InlineData("12--3")]
    [InlineData("Ä123")]
    public void MalformedNumbersAreRefusedWithAReason(string? input)
    {
        Assert.False(RelationshipRules.TryNormaliseNumber(input, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error?.En));
    }

    private static readonly DateOnly Today = new(2026, 3, 15);

    [Fact]
    public void AnEndedRelationshipNeedsAnEndDateThatHasPassed()
    {
        Assert.Null(RelationshipRules.EndError(RelationshipStatus.Ended, Today, Today));
        Assert.Null(RelationshipRules.EndError(RelationshipStatus.Active, null, Today));
        Assert.Null(RelationshipRules.EndError(RelationshipStatus.Suspended, null, Today));
        Assert.Equal("endDate", RelationshipRules.EndError(RelationshipStatus.Ended, null, Today)?.Field);
        Assert.Equal("status", RelationshipRules.EndError(RelationshipStatus.Active, Today, Today)?.Field);
        Assert.Equal("endDate", RelationshipRules.EndError(RelationshipStatus.Ended, Today.AddDays(1), Today)?.Field);
    }

    [Fact]
    public void APeriodCannotEndBeforeItStarts()
    {
        Assert.Null(RelationshipRules.PeriodError(Today, Today));
        Assert.Null(RelationshipRules.PeriodError(Today, null));
        Assert.NotNull(RelationshipRules.PeriodError(Today, Today.AddDays(-1)));
    }

    [Theory]
    [InlineData(ServiceStatus.Active, ServiceEventKind.Suspended, ServiceStatus.Suspended)]
    [InlineData(ServiceStatus.Suspended, ServiceEventKind.Resumed, ServiceStatus.Active)]
    [InlineData(ServiceStatus.Active, ServiceEventKind.Cancelled, ServiceStatus.Cancelled)]
    [InlineData(ServiceStatus.Suspended, ServiceEventKind.Cancelled, ServiceStatus.Cancelled)]
    [InlineData(ServiceStatus.Active, ServiceEventKind.Resumed, null)]
    [InlineData(ServiceStatus.Suspended, ServiceEventKind.Suspended, null)]
    [InlineData(ServiceStatus.Cancelled, ServiceEventKind.Resumed, null)]
    [InlineData(ServiceStatus.Cancelled, ServiceEventKind.Cancelled, null)]
    public void ServiceEventsMoveTheStatusOnlyAlongAllowedTransitions(ServiceStatus from, ServiceEventKind kind, ServiceStatus? expected)
    {
        Assert.Equal(expected, RelationshipRules.Apply(from, kind));
    }

    [Fact]
    public void TodayIsTheFinnishCalendarDate()
    {
        // 23:30 UTC on 31 Dec is already New Year's Day in Helsinki (UTC+2).
        Assert.Equal(new DateOnly(2026, 1, 1), HelsinkiTime.DateOf(new DateTime(2025, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
    }
}
