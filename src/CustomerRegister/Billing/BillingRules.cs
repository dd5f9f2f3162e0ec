using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Billing;

/// <summary>Configuration <c>Billing:*</c>. The financial-year end is the company's choice, so it is never a constant.</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    public int FinancialYearEndMonth { get; set; } = 12;

    public int FinancialYearEndDay { get; set; } = 31;

    /// <summary>Vouchers: kept at least this many years from the end of the calendar year in which the financial year ended.</summary>
    public int VoucherRetentionYears { get; set; } = Catalog.RetentionRule.Voucher.Period.Amount;

    public string? Invalid() =>
        Settings.Range(Section, FinancialYearEndMonth, 1, 12)
        ?? Settings.Range(Section, FinancialYearEndDay, 1, DateTime.DaysInMonth(2000, FinancialYearEndMonth))
        ?? Settings.AtLeast(Section, VoucherRetentionYears, Catalog.RetentionRule.Voucher.Period.Amount);
}

/// <summary>Pure billing rules: financial years, voucher retention, amounts and invoice state.</summary>
public static class BillingRules
{
    public const decimal MaxAmount = 100_000_000m;

    private static readonly LocalText AboveZero = new(
        "On oltava suurempi kuin nolla.",
        "Måste vara större än noll.",
        "Must be greater than zero.");

    private static readonly LocalText BelowMax = new(
        "On oltava pienempi kuin {0:N0}.",
        "Måste vara mindre än {0:N0}.",
        "Must be less than {0:0}.");

    private static readonly LocalText TwoDecimals = new(
        "Enintään kaksi desimaalia (eurot ja sentit).",
        "Högst två decimaler (euro och cent).",
        "At most two decimals (euros and cents).");

    /// <summary>The payment term a new invoice's form suggests (the user may change the due date).</summary>
    public const int DefaultPaymentTermDays = 14;

    /// <summary>
    /// The last day of the financial year a date falls in, for a financial year ending on <paramref name="month"/>/
    /// <paramref name="day"/> every year. A 29 February end falls on 28 February in common years.
    /// </summary>
    public static DateOnly FinancialYearEnd(DateOnly date, int month, int day)
    {
        var end = EndIn(date.Year, month, day);
        return date <= end ? end : EndIn(date.Year + 1, month, day);
    }

    /// <summary>Accounting Act ch. 2 § 10: vouchers are kept to the end of the calendar year of the financial year's end plus six years.</summary>
    public static DateOnly VoucherRetainedUntil(DateOnly financialYearEnd, int years = 6) => new(financialYearEnd.Year + years, 12, 31);

    /// <summary>An amount in euros: positive, at most two decimals, below a sanity bound.</summary>
    public static LocalText? AmountError(decimal amount) =>
        amount <= 0 ? AboveZero
        : amount >= MaxAmount ? BelowMax.Format(MaxAmount)
        : decimal.Round(amount, 2) != amount ? TwoDecimals
        : null;

    /// <summary>The state after a payment: paid in full closes the invoice, also one in collection.</summary>
    public static InvoiceStatus AfterPayment(InvoiceStatus current, decimal invoiceAmount, decimal paidTotal) =>
        current is InvoiceStatus.Open or InvoiceStatus.InCollection && paidTotal >= invoiceAmount ? InvoiceStatus.Paid : current;

    /// <summary>The state of an invoice when its collection case closes: back to open unless it was paid meanwhile.</summary>
    public static InvoiceStatus AfterCollectionClosed(InvoiceStatus current, decimal invoiceAmount, decimal paidTotal) =>
        current == InvoiceStatus.InCollection ? (paidTotal >= invoiceAmount ? InvoiceStatus.Paid : InvoiceStatus.Open) : current;

    /// <summary>Unpaid: still owed, whether with the company or handed to collection.</summary>
    public static bool IsUnpaid(InvoiceStatus status) => status is InvoiceStatus.Open or InvoiceStatus.InCollection;

    /// <summary>Overdue: unpaid and its due date has passed (due today is not late yet).</summary>
    public static bool IsOverdue(InvoiceStatus status, DateOnly dueDate, DateOnly today) => IsUnpaid(status) && dueDate < today;

    /// <summary>Days past the due date of an overdue invoice; 0 when it is not overdue.</summary>
    public static int DaysOverdue(InvoiceStatus status, DateOnly dueDate, DateOnly today) =>
        IsOverdue(status, dueDate, today) ? today.DayNumber - dueDate.DayNumber : 0;

    /// <summary>What is still owed; never below zero (an overpayment is refunded, not owed back as a negative balance).</summary>
    public static decimal Balance(decimal invoiceAmount, decimal paidTotal) => Math.Max(0m, invoiceAmount - paidTotal);

    /// <summary>Only an open invoice nobody has paid anything on can be cancelled.</summary>
    public static bool MayCancel(InvoiceStatus status, bool hasPayments) => status == InvoiceStatus.Open && !hasPayments;

    /// <summary>Only an open invoice past its due date is handed to a collection agency.</summary>
    public static bool MayHandToCollection(InvoiceStatus status, DateOnly dueDate, DateOnly today) =>
        status == InvoiceStatus.Open && dueDate < today;

    private static DateOnly EndIn(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}

/// <summary>The amount field of invoices, payments and payouts: required, and a valid euro amount.</summary>
public static class BillingFieldErrors
{
    public static decimal? Amount(this Infrastructure.FieldErrors errors, string field, decimal? amount)
    {
        if (amount is null)
        {
            errors.Add(field, FieldMessages.Required);
        }
        else if (BillingRules.AmountError(amount.Value) is { } error)
        {
            errors.Add(field, error);
        }

        return amount;
    }
}
