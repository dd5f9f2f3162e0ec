using CustomerRegister.Catalog;

namespace CustomerRegister.Billing;

/// <summary>One column of the agency's file: its header and the catalogue category of what it holds (null: no personal data).</summary>
public sealed record CollectionColumn(string Header, DataCategory? Category);

/// <summary>
/// What the collection agency receives, as a pure rule (notice § 8): the case, the debtor's name and address, the
/// invoices and their payments, and the identity code only where the agency's recipient record allows that category.
/// Nothing else has a column at all, so no email, phone, marketing or other data can reach the file, whatever the
/// recipient record allows.
/// </summary>
public static class CollectionExportColumns
{
    public const string CaseReference = "case_reference";
    public const string RowType = "row_type";
    public const string DebtorName = "debtor_name";
    public const string Street = "street";
    public const string PostalCode = "postal_code";
    public const string City = "city";
    public const string IdentityCode = "identity_code";
    public const string InvoiceNumber = "invoice_number";
    public const string IssueDate = "issue_date";
    public const string DueDate = "due_date";
    public const string Amount = "amount";
    public const string PaymentDate = "payment_date";
    public const string PaymentAmount = "payment_amount";
    public const string Currency = "currency";

    /// <summary>The row types: an invoice, or a payment received against it before the hand-over.</summary>
    public const string InvoiceRow = "INVOICE";
    public const string PaymentRow = "PAYMENT";

    /// <summary>Every column the agency's format has, in file order.</summary>
    public static IReadOnlyList<CollectionColumn> All { get; } =
    [
        new(CaseReference, Categories.Collection),
        new(RowType, null),
        new(DebtorName, Categories.Name),
        new(Street, Categories.Address),
        new(PostalCode, Categories.Address),
        new(City, Categories.Address),
        new(IdentityCode, Categories.IdentityCode),
        new(InvoiceNumber, Categories.Invoice),
        new(IssueDate, Categories.Invoice),
        new(DueDate, Categories.Invoice),
        new(Amount, Categories.Invoice),
        new(PaymentDate, Categories.Payment),
        new(PaymentAmount, Categories.Payment),
        new(Currency, null),
    ];

    /// <summary>
    /// The categories collection cannot do without: the agency's record must allow every one of them. The catalogue's
    /// list of what an agency receives (<see cref="Recipients.CollectionAgency"/>, what a new agency is registered with).
    /// </summary>
    public static IReadOnlyList<DataCategory> Required => Recipients.CollectionAgency;

    /// <summary>The categories sent only when the agency's record allows them.</summary>
    public static IReadOnlyList<DataCategory> Optional { get; } = [Categories.IdentityCode];

    /// <summary>Every category the file may ever carry: what is asked of the disclosure path.</summary>
    public static IReadOnlyList<DataCategory> Requested { get; } = [.. Required, .. Optional];

    /// <summary>The required categories the agency's record does not allow (the export is refused while any is missing).</summary>
    public static IReadOnlyList<DataCategory> Missing(IEnumerable<string> allowedCategoryKeys)
    {
        var allowed = allowedCategoryKeys.ToHashSet(StringComparer.Ordinal);
        return [.. Required.Where(c => !allowed.Contains(c.Id))];
    }

    /// <summary>The columns of the file for an agency allowed <paramref name="allowedCategoryKeys"/>, in file order.</summary>
    public static IReadOnlyList<CollectionColumn> For(IEnumerable<string> allowedCategoryKeys)
    {
        var allowed = allowedCategoryKeys.ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(c => c.Category is null || allowed.Contains(c.Category.Id))];
    }

    /// <summary>The categories a file with these columns discloses (what the disclosure log records).</summary>
    public static IReadOnlyList<string> CategoriesOf(IEnumerable<CollectionColumn> columns) =>
        [.. columns.Where(c => c.Category is not null).Select(c => c.Category!.Id).Distinct()];
}
