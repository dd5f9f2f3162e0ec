using CustomerRegister.Catalog;

namespace CustomerRegister.Billing;

/// <summary>Bill either a consumer or an organisation (a sole trader's invoices are personal data, others' are not).</summary>
public sealed record InvoiceRequest(
    Guid? ConsumerId, Guid? OrganisationId, string? InvoiceNumber, DateOnly? IssueDate, DateOnly? DueDate, decimal? Amount,
    DataSource? Source, Guid? RelationshipId = null);

public sealed record PaymentRequest(DateTime? PaidAt, decimal? Amount, string? Reference, PaymentMethod? Method, DataSource? Source);

public sealed record CollectionCaseRequest(IReadOnlyList<Guid>? InvoiceIds, string? AgencyName, DataSource? Source);

public sealed record MetalCreditPayoutRequest(
    Guid? ConsumerId, DateOnly? PaidOn, decimal? Amount, decimal? WeightKg, string? Material, string? BankAccount, DataSource? Source,
    Guid? RelationshipId = null);

public sealed record BillingAddress(string Name, string? Street, string? PostalCode, string? City);

public sealed record PaymentResponse(
    Guid Id, Guid InvoiceId, DateTime PaidAt, decimal Amount, string Currency, string? Reference, PaymentMethod Method,
    DataSource Source, DateTime CreatedAt);

public sealed record InvoiceResponse(
    Guid Id, Guid? SubjectId, Guid? ConsumerId, Guid? OrganisationId, string InvoiceNumber, DateOnly IssueDate, DateOnly DueDate,
    DateOnly FinancialYearEnd, DateOnly RetainedUntil, decimal Amount, string Currency, decimal Paid, InvoiceStatus Status,
    Guid? CollectionCaseId, BillingAddress BilledTo, IReadOnlyList<PaymentResponse> Payments, DataSource Source,
    DateTime CreatedAt, DateTime UpdatedAt, long Version, Guid? RelationshipId);

public sealed record CollectionCaseResponse(
    Guid Id, Guid? SubjectId, Guid? ConsumerId, Guid? OrganisationId, IReadOnlyList<Guid> InvoiceIds, string AgencyName,
    CollectionStatus Status, DateTime OpenedAt, DateTime? ClosedAt, DataSource Source, DateTime CreatedAt, DateTime UpdatedAt,
    long Version, DateTime? HandedOverAt = null, AgencyStatus? AgencyStatus = null, DateOnly? AgencyStatusOn = null, decimal? AgencyPaid = null);

public sealed record MetalCreditPayoutResponse(
    Guid Id, Guid SubjectId, Guid ConsumerId, DateOnly PaidOn, decimal Amount, string Currency, decimal? WeightKg, string? Material,
    string BankAccount, bool BankAccountRevealed, DataSource Source, DateTime CreatedAt, Guid? RelationshipId);

/// <summary>Which invoices the billing desk's list shows: unpaid (open or in collection), overdue, paid or cancelled.</summary>
public enum InvoiceListState
{
    Open = 1,
    Overdue = 2,
    Paid = 3,
    Cancelled = 4,
}

/// <summary>One row of the billing desk's list: who owes what, by when, and how late it is.</summary>
public sealed record InvoiceListItem(
    Guid Id, string InvoiceNumber, Guid? SubjectId, Guid? OrganisationId, string CustomerName, DateOnly IssueDate, DateOnly DueDate,
    decimal Amount, decimal Paid, decimal Balance, InvoiceStatus Status, int DaysOverdue, Guid? CollectionCaseId);

/// <summary>An open collection case on the billing desk's list, with its invoices.</summary>
public sealed record CollectionCaseListItem(
    Guid Id, Guid? SubjectId, Guid? OrganisationId, string CustomerName, string AgencyName, DateTime OpenedAt,
    IReadOnlyList<InvoiceListItem> Invoices, decimal Balance);

/// <summary>The billing part of a person's picture; bank accounts masked.</summary>
public sealed record BillingSectionResponse(
    IReadOnlyList<InvoiceResponse> Invoices, IReadOnlyList<CollectionCaseResponse> CollectionCases,
    IReadOnlyList<MetalCreditPayoutResponse> MetalCreditPayouts);

public static class BillingMapping
{
    public const string Currency = "EUR";

    public static PaymentResponse ToResponse(this Payment p) =>
        new(p.Id, p.InvoiceId, p.PaidAt, p.Amount, Currency, p.Reference, p.Method, p.Source, p.CreatedAt);

    public static InvoiceResponse ToResponse(this Invoice i, IEnumerable<Payment> payments, int retentionYears)
    {
        var list = payments.Where(p => p.InvoiceId == i.Id).OrderBy(p => p.PaidAt).Select(p => p.ToResponse()).ToList();
        return new(i.Id, i.SubjectId, i.ConsumerId, i.OrganisationId, i.InvoiceNumber, i.IssueDate, i.DueDate, i.FinancialYearEnd,
            BillingRules.VoucherRetainedUntil(i.FinancialYearEnd, retentionYears), i.Amount, Currency, list.Sum(p => p.Amount), i.Status,
            i.CollectionCaseId, new BillingAddress(i.BillingName, i.BillingStreet, i.BillingPostalCode, i.BillingCity), list, i.Source,
            i.CreatedAt, i.UpdatedAt, i.Version, i.RelationshipId);
    }

    public static CollectionCaseResponse ToResponse(this CollectionCase c, IEnumerable<Guid> invoiceIds) =>
        new(c.Id, c.SubjectId, c.ConsumerId, c.OrganisationId, [.. invoiceIds], c.AgencyName, c.Status, c.OpenedAt, c.ClosedAt,
            c.Source, c.CreatedAt, c.UpdatedAt, c.Version, c.HandedOverAt, c.AgencyStatus, c.AgencyStatusOn, c.AgencyPaid);

    public static InvoiceListItem ToListItem(this Invoice i, decimal paid, DateOnly today) =>
        new(i.Id, i.InvoiceNumber, i.SubjectId, i.OrganisationId, i.BillingName, i.IssueDate, i.DueDate, i.Amount, paid,
            BillingRules.Balance(i.Amount, paid), i.Status, BillingRules.DaysOverdue(i.Status, i.DueDate, today), i.CollectionCaseId);

    public static CollectionCaseListItem ToListItem(this CollectionCase c, IReadOnlyList<InvoiceListItem> invoices) =>
        new(c.Id, c.SubjectId, c.OrganisationId, invoices.FirstOrDefault()?.CustomerName ?? "", c.AgencyName, c.OpenedAt, invoices,
            invoices.Sum(i => i.Balance));

    public static MetalCreditPayoutResponse ToResponse(this MetalCreditPayout p, string? revealedBankAccount = null) =>
        new(p.Id, p.SubjectId, p.ConsumerId, p.PaidOn, p.Amount, Currency, p.WeightKg, p.Material,
            revealedBankAccount ?? p.BankAccountMasked, revealedBankAccount is not null, p.Source, p.CreatedAt, p.RelationshipId);
}
