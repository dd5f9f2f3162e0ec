using System.Globalization;
using CustomerRegister.Localization;

namespace CustomerRegister.Catalog;

public enum PeriodUnit
{
    Days,
    Months,
    Years,

    /// <summary>No number: kept while something lasts (<see cref="RetentionPeriod.While"/>).</summary>
    None,
}

/// <summary>
/// How long an item is kept: an amount of days, months or years counted from its starting event, or — where the law says
/// so (Accounting Act ch. 2 § 10) — to the end of the calendar year in which the financial year ended, that many years
/// later. The one source of a rule's period: its due date (<see cref="DueFrom"/>), the sweep's bound
/// (<see cref="FirstKept(DateOnly, bool)"/>) and the words shown in reports and the preview (<see cref="In"/>) all derive
/// from it. <see cref="Setting"/> names the configuration key that sets <see cref="Amount"/>, when one does.
/// </summary>
public sealed record RetentionPeriod(int Amount, PeriodUnit Unit)
{
    /// <summary>The configuration key of the amount, shown after it: <c>24 months (Retention:ProspectMonths)</c>.</summary>
    public string? Setting { get; init; }

    /// <summary>Words before the amount (<c>at most</c>).</summary>
    public LocalText? Before { get; init; }

    /// <summary>Words after the amount and its setting.</summary>
    public LocalText? After { get; init; }

    /// <summary>
    /// Counted from the end of the financial year the start falls in (this month and day), to the end of that calendar
    /// year plus <see cref="Amount"/> years; null for a period counted from the start itself.
    /// </summary>
    public (int Month, int Day)? FinancialYearEnd { get; init; }

    /// <summary>False when the period gives no due date of its own (each production unit sets its CCTV period).</summary>
    public bool Dated { get; init; } = true;

    public static RetentionPeriod Days(int amount, string? setting = null) => new(amount, PeriodUnit.Days) { Setting = setting };

    public static RetentionPeriod Months(int amount, string? setting = null) => new(amount, PeriodUnit.Months) { Setting = setting };

    public static RetentionPeriod Years(int amount, string? setting = null) => new(amount, PeriodUnit.Years) { Setting = setting };

    /// <summary>Kept while something lasts, with no date: the words say what.</summary>
    public static RetentionPeriod While(LocalText what) => new(0, PeriodUnit.None) { Before = what, Dated = false };

    /// <summary>
    /// The last day an item that started on <paramref name="start"/> is kept, or null for a period without a date.
    /// <paramref name="startIsFinancialYearEnd"/>: the start is already the end of the voucher's financial year.
    /// </summary>
    public DateOnly? DueFrom(DateOnly start, bool startIsFinancialYearEnd = false)
    {
        if (!Dated)
        {
            return null;
        }

        if (FinancialYearEnd is var (month, day))
        {
            var yearEnd = startIsFinancialYearEnd ? start : Billing.BillingRules.FinancialYearEnd(start, month, day);
            return Billing.BillingRules.VoucherRetainedUntil(yearEnd, Amount);
        }

        return Unit switch
        {
            PeriodUnit.Days => start.AddDays(Amount),
            PeriodUnit.Months => start.AddMonths(Amount),
            PeriodUnit.Years => start.AddYears(Amount),
            _ => null,
        };
    }

    /// <summary>
    /// The earliest start day whose item a sweep on <paramref name="today"/> still keeps (its due date is today or later):
    /// items that started before it are removed. Null for a period without a date.
    /// </summary>
    public DateOnly? FirstKept(DateOnly today, bool startIsFinancialYearEnd = false) =>
        Dated ? FirstKept(today, d => DueFrom(d, startIsFinancialYearEnd)!.Value) : null;

    /// <summary>
    /// The smallest start day whose <paramref name="due"/> date is not before <paramref name="today"/>. Found from the due
    /// date itself (it never moves back when the start moves forward), so a sweep's bound cannot disagree with the due
    /// dates that reports show.
    /// </summary>
    public static DateOnly FirstKept(DateOnly today, Func<DateOnly, DateOnly> due)
    {
        // Binary search over a century of start days.
        var low = today.AddYears(-100);
        var high = today.AddDays(1);
        while (low < high)
        {
            var middle = low.AddDays((high.DayNumber - low.DayNumber) / 2);
            if (due(middle) >= today)
            {
                high = middle;
            }
            else
            {
                low = middle.AddDays(1);
            }
        }

        return low;
    }

    /// <summary>The period in words: <c>24 kuukautta (Retention:ProspectMonths)</c>, <c>6 år</c>, <c>2 months</c>.</summary>
    public string In(string? language)
    {
        var amount = Unit == PeriodUnit.None ? "" : $"{Amount.ToString(CultureInfo.InvariantCulture)} {UnitWord(language)}";
        var setting = Setting is null ? "" : $" ({Setting})";
        return $"{Before?.In(language)}{amount}{setting}{After?.In(language)}";
    }

    /// <summary>The period in each language.</summary>
    public LocalText Text => new(In("fi"), In("sv"), In("en"));

    private string UnitWord(string? language)
    {
        var one = Amount == 1;
        var words = Unit switch
        {
            PeriodUnit.Days => one ? new LocalText("päivä", "dag", "day") : new LocalText("päivää", "dagar", "days"),
            PeriodUnit.Months => one ? new LocalText("kuukausi", "månad", "month") : new LocalText("kuukautta", "månader", "months"),
            _ => one ? new LocalText("vuosi", "år", "year") : new LocalText("vuotta", "år", "years"),
        };
        return words.In(language);
    }
}
