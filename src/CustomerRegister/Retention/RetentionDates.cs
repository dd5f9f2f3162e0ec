using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Requests;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>
/// An item's due date from its rule and the date its period counts from, with the configured periods: the one
/// calculation the access report, the erasure certificate and the tests share (the sweep turns the same periods into
/// SQL bounds in <see cref="RetentionPlan"/>).
/// </summary>
public sealed class RetentionDates(IOptions<RetentionOptions> retention, IOptions<BillingOptions> billing, IOptions<RequestOptions> requests,
    IOptions<Vehicles.VehiclesOptions>? vehicles = null)
{
    /// <summary>
    /// The last day the item may be kept, or null for a rule whose period is not counted from one date (CCTV per unit).
    /// <paramref name="startIsFinancialYearEnd"/>: the start is already the end of the voucher's financial year.
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
            "call-recording" => start.AddMonths(2),
            "web-behaviour" => start.AddMonths(r.WebBehaviourMonths),
            "customer-profile" => start.AddMonths(r.CustomerProfileMonths),
            "prospect" => start.AddMonths(r.ProspectMonths),
            "consent-evidence" => start.AddMonths(r.ConsentEvidenceMonths),
            _ => null,
        };
    }

    public static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s when DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t) => DateOnly.FromDateTime(t),
        _ => null,
    };
}
