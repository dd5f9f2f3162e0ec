using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>
/// An item's due date from its rule and the date its period counts from, with the configured periods: the one
/// calculation of retention periods. The access report, the erasure certificate, the person's retention status and the
/// sweep's SQL bounds (<see cref="FirstKept"/>, used by <see cref="RetentionPlan"/>) all derive from
/// <see cref="DueFrom"/>.
/// <para>
/// Every day here is a Europe/Helsinki calendar day (<see cref="HelsinkiTime"/>). The due date is the last day an item is
/// kept: a sweep on any later Helsinki day removes it, and a preview "as of" a day lists what a sweep on that day removes.
/// </para>
/// </summary>
public sealed class RetentionDates(IOptions<RetentionOptions> retention, IOptions<BillingOptions> billing, IOptions<RequestOptions> requests,
    IOptions<Vehicles.VehiclesOptions>? vehicles = null)
{
    /// <summary>
    /// The last day the item may be kept, or null for a rule whose period is not counted from one date (CCTV per unit:
    /// <see cref="DueAfterMonths"/>). <paramref name="startIsFinancialYearEnd"/>: the start is already the end of the
    /// voucher's financial year.
    /// </summary>
    public DateOnly? DueFrom(RetentionRule rule, DateOnly start, bool startIsFinancialYearEnd = false)
    {
        var b = billing.Value;
        var r = retention.Value;
        return rule.Id switch
        {
            "accounting-voucher" => BillingRules.VoucherRetainedUntil(
                startIsFinancialYearEnd ? start : BillingRules.FinancialYearEnd(start, b.FinancialYearEndMonth, b.FinancialYearEndDay),
                b.VoucherRetentionYears),
            "waste-record" => start.AddYears(6),
            "identity-code-on-certificate" => start.AddDays((vehicles?.Value ?? new Vehicles.VehiclesOptions()).IdentityCodeDays),
            "hazardous-waste-document" => start.AddYears(3),
            "rights-request" => start.AddYears(requests.Value.RetentionYears),
            "call-recording" => DueAfterMonths(start, 2),
            "web-behaviour" => DueAfterMonths(start, r.WebBehaviourMonths),
            "customer-profile" => DueAfterMonths(start, r.CustomerProfileMonths),
            "prospect" => DueAfterMonths(start, r.ProspectMonths),
            "consent-evidence" => DueAfterMonths(start, r.ConsentEvidenceMonths),
            _ => null,
        };
    }

    /// <summary>A period of months from a day: the same date that many months later, or that month's last day.</summary>
    public static DateOnly DueAfterMonths(DateOnly start, int months) => start.AddMonths(months);

    /// <summary>The due date of an item whose period counts from an instant: from the Helsinki day of that instant.</summary>
    public DateOnly? DueFrom(RetentionRule rule, DateTime startUtc) => DueFrom(rule, HelsinkiTime.DateOf(startUtc));

    /// <summary>
    /// The earliest start day whose item a sweep on <paramref name="today"/> still keeps (its due date is today or later):
    /// items that started before it are removed. Found from <paramref name="due"/> itself (a due date never moves back
    /// when the start moves forward), so the sweep's bound cannot disagree with the due dates that reports show.
    /// </summary>
    public static DateOnly FirstKept(DateOnly today, Func<DateOnly, DateOnly> due)
    {
        // Binary search over a century of start days: the smallest start whose due date is not before today.
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

    /// <summary><see cref="FirstKept(DateOnly, Func{DateOnly, DateOnly})"/> for a rule counted from a start day.</summary>
    public DateOnly? FirstKept(RetentionRule rule, DateOnly today, bool startIsFinancialYearEnd = false) =>
        DueFrom(rule, today, startIsFinancialYearEnd) is null ? null : FirstKept(today, d => DueFrom(rule, d, startIsFinancialYearEnd)!.Value);

    /// <summary>A value read from a start column as the Helsinki day it falls on.</summary>
    public static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => HelsinkiTime.DateOf(t),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) => d,
        string s when DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t) => HelsinkiTime.DateOf(t),
        _ => null,
    };
}
