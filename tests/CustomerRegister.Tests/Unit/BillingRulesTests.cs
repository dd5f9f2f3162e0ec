using CustomerRegister.Billing;

namespace CustomerRegister.Tests.Unit;

public sealed class BillingRulesTests
{
    [Theory]
    [InlineData("2024-02-10", 12, 31, "2024-12-31")]
    [InlineData("2024-12-31", 12, 31, "2024-12-31")]
    [InlineData("2024-02-10", 3, 31, "2024-03-31")]
    [InlineData("2024-03-31", 3, 31, "2024-03-31")]
    [InlineData("2024-04-01", 3, 31, "2025-03-31")]
    [InlineData("2023-03-01", 2, 29, "2024-02-29")]
    [InlineData("2022-03-01", 2, 29, "2023-02-28")]
    [InlineData("2024-02-29", 2, 28, "2025-02-28")]
    public void TheFinancialYearEndIsTheFirstConfiguredEndOnOrAfterTheDate(string date, int month, int day, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), BillingRules.FinancialYearEnd(DateOnly.Parse(date), month, day));
    }

    [Fact]
    public void AVoucherIsKeptSixYearsFromTheEndOfTheCalendarYearInWhichItsFinancialYearEnded()
    {
        // The Accounting Act example: financial year ending 31.3.2024 → vouchers kept to at least 31.12.2030.
        Assert.Equal(new DateOnly(2030, 12, 31), BillingRules.VoucherRetainedUntil(new DateOnly(2024, 3, 31)));
        Assert.Equal(new DateOnly(2030, 12, 31), BillingRules.VoucherRetainedUntil(new DateOnly(2024, 12, 31)));
        Assert.Equal(new DateOnly(2034, 12, 31), BillingRules.VoucherRetainedUntil(new DateOnly(2024, 12, 31), 10));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("0.001", false)]
    [InlineData("12.345", false)]
    [InlineData("100000000", false)]
    [InlineData("0.01", true)]
    [InlineData("1234.50", true)]
    public void AnAmountIsPositiveEurosAndCents(string amount, bool valid)
    {
        Assert.Equal(valid, BillingRules.AmountError(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)) is null);
    }

    [Theory]
    [InlineData(InvoiceStatus.Open, 100, 50, InvoiceStatus.Open)]
    [InlineData(InvoiceStatus.Open, 100, 100, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.Open, 100, 120, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.InCollection, 100, 100, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.InCollection, 100, 99, InvoiceStatus.InCollection)]
    [InlineData(InvoiceStatus.Paid, 100, 150, InvoiceStatus.Paid)]
    public void PayingInFullMarksTheInvoicePaid(InvoiceStatus current, int amount, int paid, InvoiceStatus expected)
    {
        Assert.Equal(expected, BillingRules.AfterPayment(current, amount, paid));
    }

    [Theory]
    [InlineData(InvoiceStatus.InCollection, 100, 0, InvoiceStatus.Open)]
    [InlineData(InvoiceStatus.InCollection, 100, 100, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.Paid, 100, 100, InvoiceStatus.Paid)]
    public void ClosingACollectionCaseReturnsUnpaidInvoicesToOpen(InvoiceStatus current, int amount, int paid, InvoiceStatus expected)
    {
        Assert.Equal(expected, BillingRules.AfterCollectionClosed(current, amount, paid));
    }

    [Theory]
    [InlineData(12, 31, true)]
    [InlineData(3, 31, true)]
    [InlineData(2, 29, true)]
    [InlineData(2, 30, false)]
    [InlineData(4, 31, false)]
    [InlineData(13, 1, false)]
    [InlineData(0, 1, false)]
    public void TheConfiguredFinancialYearEndMustBeARealDate(int month, int day, bool valid)
    {
        Assert.Equal(valid, new BillingOptions { FinancialYearEndMonth = month, FinancialYearEndDay = day }.Invalid() is null);
    }

    [Theory]
    [InlineData(InvoiceStatus.Open, "2026-12-04", 0)]
    [InlineData(InvoiceStatus.Open, "2026-12-03", 1)]
    [InlineData(InvoiceStatus.InCollection, "2026-11-24", 10)]
    [InlineData(InvoiceStatus.Paid, "2026-11-24", 0)]
    [InlineData(InvoiceStatus.Cancelled, "2026-11-24", 0)]
    public void AnUnpaidInvoiceIsOverdueFromTheDayAfterItsDueDate(InvoiceStatus status, string due, int days)
    {
        var today = new DateOnly(2026, 12, 4);
        Assert.Equal(days, BillingRules.DaysOverdue(status, DateOnly.Parse(due), today));
        Assert.Equal(days > 0, BillingRules.IsOverdue(status, DateOnly.Parse(due), today));
    }

    [Fact]
    public void OnlyAnOverdueOpenInvoiceGoesToCollectionAndOnlyAnUnpaidOpenOneIsCancelled()
    {
        var today = new DateOnly(2026, 12, 4);
        Assert.True(BillingRules.MayHandToCollection(InvoiceStatus.Open, today.AddDays(-1), today));
        Assert.False(BillingRules.MayHandToCollection(InvoiceStatus.Open, today, today));
        Assert.False(BillingRules.MayHandToCollection(InvoiceStatus.InCollection, today.AddDays(-9), today));
        Assert.True(BillingRules.MayCancel(InvoiceStatus.Open, hasPayments: false));
        Assert.False(BillingRules.MayCancel(InvoiceStatus.Open, hasPayments: true));
        Assert.False(BillingRules.MayCancel(InvoiceStatus.Paid, hasPayments: false));
        Assert.Equal(87.50m, BillingRules.Balance(100m, 12.50m));
        Assert.Equal(0m, BillingRules.Balance(100m, 120m));
    }
}
