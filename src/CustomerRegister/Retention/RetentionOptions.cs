using CustomerRegister.Catalog;

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
        CustomerProfileMonths is < 1 or > 84 ? "Retention:CustomerProfileMonths must be 1–84 (never past the statutory periods)."
        : ProspectMonths is < 1 or > 84 ? "Retention:ProspectMonths must be 1–84."
        : WebBehaviourMonths is < 1 or > 25 ? "Retention:WebBehaviourMonths must be 1–25."
        : ConsentEvidenceMonths is < 12 or > 84 ? "Retention:ConsentEvidenceMonths must be 12–84 (consent evidence is kept at least 12 months after it stops)."
        : SweepIntervalMinutes < 1 ? "Retention:SweepIntervalMinutes must be at least 1."
        : BatchSize is < 10 or > 50_000 ? "Retention:BatchSize must be 10–50 000."
        : LeaseSeconds < 30 ? "Retention:LeaseSeconds must be at least 30."
        : PauseFactor is < 0 or > 10 ? "Retention:PauseFactor must be 0–10."
        : PreviewConnections is < 1 or > 16 ? "Retention:PreviewConnections must be 1–16."
        : null;
}
