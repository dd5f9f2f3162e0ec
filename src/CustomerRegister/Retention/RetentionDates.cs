using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>
/// An item's due date from its rule and the date its period counts from, with the configured periods: the one
/// calculation of retention periods. The access report, the erasure certificate, the person's retention status, the
/// sweep's SQL bounds (<see cref="FirstKept"/>, used by <see cref="RetentionPlan"/>) and the words shown for a period all
/// derive from <see cref="PeriodOf"/>.
/// <para>
/// Every day here is a Europe/Helsinki calendar day (<see cref="HelsinkiTime"/>). The due date is the last day an item is
/// kept: a sweep on any later Helsinki day removes it, and a preview "as of" a day lists what a sweep on that day removes.
/// </para>
/// </summary>
public sealed class RetentionDates(IOptions<RetentionOptions> retention, IOptions<BillingOptions> billing, IOptions<RequestOptions> requests,
    IOptions<Vehicles.VehiclesOptions>? vehicles = null)
{
    /// <summary>The rule's period with the configured amount where a setting sets it: what is kept, and what is said.</summary>
    public RetentionPeriod PeriodOf(RetentionRule rule)
    {
        var r = retention.Value;
        var period = rule.Period;
        return rule switch
        {
            _ when rule == RetentionRule.Voucher => period with
            {
                Amount = billing.Value.VoucherRetentionYears,
                FinancialYearEnd = (billing.Value.FinancialYearEndMonth, billing.Value.FinancialYearEndDay),
            },
            _ when rule == RetentionRule.IdentityCodeOnCertificate => period with
            {
                Amount = (vehicles?.Value ?? new Vehicles.VehiclesOptions()).IdentityCodeDays,
            },
            _ when rule == RetentionRule.RightsRequest => period with { Amount = requests.Value.RetentionYears },
            _ when rule == RetentionRule.WebBehaviour => period with { Amount = r.WebBehaviourMonths },
            _ when rule == RetentionRule.CustomerProfile => period with { Amount = r.CustomerProfileMonths },
            _ when rule == RetentionRule.Prospect => period with { Amount = r.ProspectMonths },
            _ when rule == RetentionRule.ConsentEvidence => period with { Amount = r.ConsentEvidenceMonths },
            _ => period,
        };
    }

    /// <summary>
    /// The last day the item may be kept, or null for a rule whose period is not counted from one date (CCTV per unit,
    /// the marketing prohibition). <paramref name="startIsFinancialYearEnd"/>: the start is already the end of the
    /// voucher's financial year.
    /// </summary>
    public DateOnly? DueFrom(RetentionRule rule, DateOnly start, bool startIsFinancialYearEnd = false) =>
        PeriodOf(rule).DueFrom(start, startIsFinancialYearEnd);

    /// <summary>The due date of an item whose period counts from an instant: from the Helsinki day of that instant.</summary>
    public DateOnly? DueFrom(RetentionRule rule, DateTime startUtc) => DueFrom(rule, HelsinkiTime.DateOf(startUtc));

    /// <summary>
    /// The earliest start day whose item a sweep on <paramref name="today"/> still keeps (its due date is today or later):
    /// items that started before it are removed (<see cref="RetentionPeriod.FirstKept(DateOnly, bool)"/>).
    /// </summary>
    public DateOnly? FirstKept(RetentionRule rule, DateOnly today, bool startIsFinancialYearEnd = false) =>
        PeriodOf(rule).FirstKept(today, startIsFinancialYearEnd);

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
