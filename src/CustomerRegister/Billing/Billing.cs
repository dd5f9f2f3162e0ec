using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Subjects;

namespace CustomerRegister.Billing;

public enum InvoiceStatus
{
    Open = 1,
    Paid = 2,
    Cancelled = 3,
    InCollection = 4,
}

public enum PaymentMethod
{
    BankTransfer = 1,
    Card = 2,
    Cash = 3,
    Offset = 4,
}

public enum CollectionStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>Where the collection agency says a case stands, as its status file reports it.</summary>
public enum AgencyStatus
{
    InProgress = 1,
    Paid = 2,
    Returned = 3,
    Ended = 4,
}

/// <summary>
/// The shape of every billing row. Billing data is personal only when the customer is a person (a consumer or a
/// sole trader): then <see cref="SubjectId"/> carries the subject key. An invoice to an ordinary organisation has no
/// subject key and is found by <see cref="OrganisationId"/>; subject look-ups (picture, access report, erasure)
/// never reach it.
/// </summary>
public abstract class BillingRecord : IVersioned, IKeyedRow
{
    public Guid Id { get; set; }

    public Guid? SubjectId { get; set; }

    public Guid? ConsumerId { get; set; }

    public Guid? OrganisationId { get; set; }

    public DataSource Source { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// An invoice: an accounting voucher, kept 6 years from the end of the calendar year in which its financial year
/// ended. The billing name and address are a copy taken at issue time and never change afterwards.
/// </summary>
public sealed class Invoice : BillingRecord
{
    public string InvoiceNumber { get; set; } = "";

    public DateOnly IssueDate { get; set; }

    public DateOnly DueDate { get; set; }

    public DateOnly FinancialYearEnd { get; set; }

    public decimal Amount { get; set; }

    public InvoiceStatus Status { get; set; }

    public Guid? CollectionCaseId { get; set; }

    /// <summary>The customer relationship the sale rests on, if any: it is then kept as long as this voucher.</summary>
    public Guid? RelationshipId { get; set; }

    public string BillingName { get; set; } = "";

    public string? BillingStreet { get; set; }

    public string? BillingPostalCode { get; set; }

    public string? BillingCity { get; set; }
}

/// <summary>A payment received against an invoice. Payments are vouchers too and are never edited.</summary>
public sealed class Payment : BillingRecord
{
    public Guid InvoiceId { get; set; }

    public DateTime PaidAt { get; set; }

    public decimal Amount { get; set; }

    public string? Reference { get; set; }

    public PaymentMethod Method { get; set; }
}

/// <summary>
/// Unpaid invoices handed to a collection agency (a recipient, notice § 8). Holds only what collection needs: the
/// invoices (linked from <see cref="Invoice.CollectionCaseId"/>), the agency and the case's state; no identity code.
/// The file handed to the agency is built when it is sent (ExportCollectionCases); what the agency
/// reports back is kept as its last status, date and amount collected.
/// </summary>
public sealed class CollectionCase : BillingRecord
{
    public DateTime OpenedAt { get; set; }

    public string AgencyName { get; set; } = "";

    public CollectionStatus Status { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>When the case's file was first sent to the agency (a disclosure); null while not yet handed over.</summary>
    public DateTime? HandedOverAt { get; set; }

    /// <summary>The agency's last reported status, its date and the amount it had collected by then.</summary>
    public AgencyStatus? AgencyStatus { get; set; }

    public DateOnly? AgencyStatusOn { get; set; }

    public decimal? AgencyPaid { get; set; }
}

/// <summary>
/// A metal credit paid to a consumer's bank account. A payment voucher: it keeps the account it was paid to
/// (encrypted, with a masked copy) as long as the voucher is kept, even after the consumer's profile is gone.
/// </summary>
public sealed class MetalCreditPayout : SubjectRecord, IVersioned
{
    public Guid ConsumerId { get; set; }

    /// <summary>The customer relationship the purchase rests on, if any: it is then kept as long as this voucher.</summary>
    public Guid? RelationshipId { get; set; }

    public DateOnly PaidOn { get; set; }

    public decimal Amount { get; set; }

    public decimal? WeightKg { get; set; }

    public string? Material { get; set; }

    public byte[] BankAccountCipher { get; set; } = [];

    public string BankAccountMasked { get; set; } = "";
}
