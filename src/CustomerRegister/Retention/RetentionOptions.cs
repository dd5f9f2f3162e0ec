using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Retention;

/// <summary>
/// The configurable retention periods (notice § 6, § 11) and the sweep's schedule. Statutory periods (vouchers, waste
/// records, call recordings) are not settings: they come from the law via <see cref="Catalog.RetentionRule"/> and
/// <see cref="Billing.BillingOptions"/> (financial-year end).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The customer profile and contact history after the end of cooperation (at most 84: never past the statutory periods).</summary>
    public int CustomerProfileMonths { get; set; } = RetentionRule.CustomerProfile.Period.Amount;

    /// <summary>People who never became customers, after the last contact.</summary>
    public int ProspectMonths { get; set; } = RetentionRule.Prospect.Period.Amount;

    public int WebBehaviourMonths { get; set; } = RetentionRule.WebBehaviour.Period.Amount;

    /// <summary>Evidence of a consent or prohibition after it stopped being in force (withdrawn, lifted or replaced).</summary>
    public int ConsentEvidenceMonths { get; set; } = RetentionRule.ConsentEvidence.Period.Amount;

    public bool SweepEnabled { get; set; } = true;

    public int SweepIntervalMinutes { get; set; } = 60;

    /// <summary>Rows per transaction: small enough not to hold locks that slow down the staff's work.</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>How long a sweeping instance holds the lease without renewing it before another may take over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>After each row batch the sweep pauses this many times the batch's own time (0 = no pause), leaving the cores to the staff.</summary>
    public double PauseFactor { get; set; } = 0.6;

    /// <summary>Connections a preview counts on side by side (its counts are independent of each other).</summary>
    public int PreviewConnections { get; set; } = 2;

    public string? Invalid() =>
        Settings.Range(Section, CustomerProfileMonths, 1, 84)
        ?? Settings.Range(Section, ProspectMonths, 1, 84)
        ?? Settings.Range(Section, WebBehaviourMonths, 1, 25)
        ?? Settings.Range(Section, ConsentEvidenceMonths, 12, 84)
        ?? Settings.AtLeast(Section, SweepIntervalMinutes, 1)
        ?? Settings.Range(Section, BatchSize, 10, 50_000)
        ?? Settings.AtLeast(Section, LeaseSeconds, 30)
        ?? Settings.Range(Section, PauseFactor, 0, 10)
        ?? Settings.Range(Section, PreviewConnections, 1, 16);
}
