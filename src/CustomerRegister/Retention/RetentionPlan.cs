using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Retention;

/// <summary>
/// Items of one table that leave by their own date: <c>start &lt; @bound</c>, where the bound is the as-of time minus the
/// rule's period. <paramref name="Extra"/> narrows it (the CCTV rule's "of a unit with this period").
/// </summary>
public sealed record RowSource(IEntityType Entity, string Table, IReadOnlyList<DataCategory> Categories, RetentionRule Rule,
    IProperty Start, object Bound, string? Extra = null, string? Note = null)
{
    public string Reason => $"{Rule.Id}: {Note ?? Rule.DefaultPeriod.In("en")} from {Rule.StartingEvent.In("en")} ({Rule.Law})";
}

/// <summary>
/// Which items are due as of a moment, by the catalogue's rules (notice § 6, § 11): every classified table that names its
/// starting event (<see cref="CatalogModelExtensions.RetainedFrom{T}"/>) with the period of its rule, plus the
/// subject-level rules — the profile after the end of cooperation, prospects after the last contact.
/// </summary>
public sealed class RetentionPlan(IModel model, ISqlGenerationHelper sql, RetentionOptions options, BillingOptions billing,
    RequestOptions requests)
{
    /// <summary>People whose data is held: a legal hold in force or an open debt-collection case.</summary>
    public const string HeldSubjects =
        "IN (SELECT subject_id FROM legal_holds WHERE released_at IS NULL AND subject_id IS NOT NULL "
        + "UNION SELECT subject_id FROM collection_cases WHERE closed_at IS NULL AND subject_id IS NOT NULL)";

    public IReadOnlyList<RowSource> RowSources(DateTime asOf)
    {
        var sources = new List<RowSource>();
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.FindAnnotation(CatalogModelExtensions.RetainedFromAnnotation)?.Value is not string name
                || entity.GetTableName() is not { } table || entity.FindProperty(name) is not { } start)
            {
                continue;
            }

            var categories = entity.GetProperties().Select(SubjectRows.CategoryOf).OfType<DataCategory>().Distinct().ToList();
            var rule = categories.FirstOrDefault(c => c.Erasure == ErasureAction.RestrictUntilDue)?.Retention
                       ?? categories.FirstOrDefault()?.Retention;
            if (rule == RetentionRule.CctvRecording && entity.FindProperty(nameof(Recordings.CctvRecording.UnitId)) is { } unit)
            {
                // Each production unit has its own period (at most six months): one source per period in use.
                var column = $"{sql.DelimitIdentifier(table)}.{sql.DelimitIdentifier(unit.GetColumnName())}";
                for (var months = 1; months <= Recordings.RecordingRules.MaxCctvMonths; months++)
                {
                    sources.Add(new RowSource(entity, table, categories, rule, start, asOf.AddMonths(-months).AddTicks(1),
                        $"{column} IN (SELECT id FROM production_units WHERE cctv_retention_months = {months})", $"{months} months (the unit's period)"));
                }

                continue;
            }

            if (rule is null || Bound(rule, start, asOf) is not { } bound)
            {
                continue;
            }

            sources.Add(new RowSource(entity, table, categories, rule, start, bound));
        }

        return SubjectRows.ChildrenFirst(sources, s => s.Entity);
    }

    /// <summary>
    /// The exclusive upper bound of the starting event for items due at <paramref name="asOf"/>, typed like the column; null
    /// for rules that are not applied row by row.
    /// </summary>
    public object? Bound(RetentionRule rule, IProperty start, DateTime asOf)
    {
        var date = DateOnly.FromDateTime(asOf);
        DateOnly? dateBound = rule.Id switch
        {
            // Kept to the end of the calendar year of the financial year's end plus the years: an item goes once
            // asOf's year is past that, i.e. its financial year ended in year K = asOf.Year − years − 1 or earlier.
            "accounting-voucher" => VoucherBound(start, date.Year - billing.VoucherRetentionYears - 1),
            "waste-record" => date.AddYears(-6).AddDays(1),
            "hazardous-waste-document" => date.AddYears(-3).AddDays(1),
            "rights-request" => date.AddYears(-requests.RetentionYears).AddDays(1),
            _ => null,
        };
        DateTime? timeBound = rule.Id switch
        {
            "call-recording" => asOf.AddMonths(-2).AddTicks(1),
            "web-behaviour" => asOf.AddMonths(-options.WebBehaviourMonths).AddTicks(1),

            // Counted from the moment a later entry replaced it (MarketingConsent.SupersededAt); an entry in force has none.
            "consent-evidence" => asOf.AddMonths(-options.ConsentEvidenceMonths),
            _ => null,
        };
        var type = Nullable.GetUnderlyingType(start.ClrType) ?? start.ClrType;
        return (dateBound, timeBound) switch
        {
            ({ } d, _) when type == typeof(DateOnly) => d,
            ({ } d, _) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            (_, { } t) when type == typeof(DateOnly) => DateOnly.FromDateTime(t.AddDays(1).AddTicks(-1)),
            (_, { } t) => t,
            _ => null,
        };
    }

    private DateOnly VoucherBound(IProperty start, int year)
    {
        // The financial year's own end column counts as it is; any other date belongs to the financial year it falls in.
        var end = start.Name == nameof(Invoice.FinancialYearEnd)
            ? new DateOnly(year, 12, 31)
            : BillingRules.FinancialYearEnd(new DateOnly(year, 1, 1), billing.FinancialYearEndMonth, billing.FinancialYearEndDay);
        return end.AddDays(1);
    }

    /// <summary>
    /// People whose cooperation ended (every relationship ended, no later voucher or certificate) on or before the bound,
    /// and people who never became customers with no contact since the bound — minus those already purged or held.
    /// </summary>
    public string DueSubjectsSql(string rule) => rule switch
    {
        // Candidates come from the indexed end and voucher dates before the bound — those whose cooperation may have
        // ended — and each is then checked by indexed look-ups for anything still open or later, so the cost follows
        // the people whose relationship ended, not every row of the register.
        "customer-profile" => $"""
            SELECT c.s FROM (
                SELECT subject_id AS s FROM customer_relationships WHERE end_date < @bound AND subject_id IS NOT NULL
                UNION SELECT subject_id FROM metal_credit_payouts WHERE paid_on < @bound
                UNION SELECT subject_id FROM scrapping_certificates WHERE issue_date < @bound
                UNION SELECT p.subject_id FROM customer_relationships r JOIN contact_persons p ON p.organisation_id = r.organisation_id
                      WHERE r.end_date < @bound
            ) c
            WHERE NOT EXISTS (SELECT 1 FROM customer_relationships r WHERE r.subject_id = c.s AND (r.end_date IS NULL OR r.end_date >= @bound))
              AND NOT EXISTS (SELECT 1 FROM contact_persons p JOIN customer_relationships r ON r.organisation_id = p.organisation_id
                              WHERE p.subject_id = c.s AND (r.end_date IS NULL OR r.end_date >= @bound))
              AND NOT EXISTS (SELECT 1 FROM metal_credit_payouts x WHERE x.subject_id = c.s AND x.paid_on >= @bound)
              AND NOT EXISTS (SELECT 1 FROM scrapping_certificates x WHERE x.subject_id = c.s AND x.issue_date >= @bound)
              AND NOT EXISTS (SELECT 1 FROM invoices x WHERE x.subject_id = c.s AND x.issue_date >= @bound)
              AND c.s NOT IN (SELECT subject_id FROM retention_purged_subjects) AND c.s NOT {HeldSubjects}
            """,
        "prospect" => $"""
            SELECT s.id AS s FROM subjects s
            WHERE s.kind IN ('Consumer', 'ContactPerson', 'SoleTrader') AND s.created_at < @boundtime
              AND NOT EXISTS (SELECT 1 FROM customer_relationships r WHERE r.subject_id = s.id)
              AND NOT EXISTS (SELECT 1 FROM contact_persons c JOIN customer_relationships r ON r.organisation_id = c.organisation_id WHERE c.subject_id = s.id)
              AND NOT EXISTS (SELECT 1 FROM metal_credit_payouts p WHERE p.subject_id = s.id)
              AND NOT EXISTS (SELECT 1 FROM scrapping_certificates v WHERE v.subject_id = s.id)
              AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.subject_id = s.id)
              AND NOT EXISTS (SELECT 1 FROM contact_history h WHERE h.subject_id = s.id AND h.occurred_at >= @boundtime)
              AND s.id NOT IN (SELECT subject_id FROM retention_purged_subjects) AND s.id NOT {HeldSubjects}
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    public DateOnly ProfileBound(DateTime asOf) => DateOnly.FromDateTime(asOf).AddMonths(-options.CustomerProfileMonths).AddDays(1);

    public DateTime ProspectBound(DateTime asOf) => asOf.AddMonths(-options.ProspectMonths);

    /// <summary>The categories a profile purge removes: everything kept by the customer-profile rule.</summary>
    public static bool IsProfile(DataCategory category) =>
        category.Retention == RetentionRule.CustomerProfile || category.Retention == RetentionRule.Prospect;

}
