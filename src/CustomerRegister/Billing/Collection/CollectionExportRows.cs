namespace CustomerRegister.Billing;

/// <summary>The debtor of a case as the agency needs them: name and address, and the identity code when it may be sent.</summary>
public sealed record CollectionDebtor(string Name, string? Street, string? PostalCode, string? City, string? IdentityCode);

/// <summary>One case to hand over: the case, its debtor, its invoices and their payments.</summary>
public sealed record CollectionHandover(CollectionCase Case, CollectionDebtor Debtor, IReadOnlyList<Invoice> Invoices, IReadOnlyList<Payment> Payments);

/// <summary>
/// The rows of the agency's file: per invoice an INVOICE row with the debtor, then a PAYMENT row per payment already
/// received on it. Every value is put under its column's header; <see cref="CollectionFile.Write"/> keeps only the
/// columns the agency may receive, so a value of a column it may not receive never reaches the file.
/// </summary>
public static class CollectionExportRows
{
    public static IEnumerable<IReadOnlyDictionary<string, string?>> Of(IEnumerable<CollectionHandover> handovers)
    {
        foreach (var handover in handovers)
        {
            var reference = handover.Case.Id.ToString();
            foreach (var invoice in handover.Invoices.OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal))
            {
                yield return new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    [CollectionExportColumns.CaseReference] = reference,
                    [CollectionExportColumns.RowType] = CollectionExportColumns.InvoiceRow,
                    [CollectionExportColumns.DebtorName] = handover.Debtor.Name,
                    [CollectionExportColumns.Street] = handover.Debtor.Street,
                    [CollectionExportColumns.PostalCode] = handover.Debtor.PostalCode,
                    [CollectionExportColumns.City] = handover.Debtor.City,
                    [CollectionExportColumns.IdentityCode] = handover.Debtor.IdentityCode,
                    [CollectionExportColumns.InvoiceNumber] = invoice.InvoiceNumber,
                    [CollectionExportColumns.IssueDate] = CollectionFile.Date(invoice.IssueDate),
                    [CollectionExportColumns.DueDate] = CollectionFile.Date(invoice.DueDate),
                    [CollectionExportColumns.Amount] = CollectionFile.Money(invoice.Amount),
                    [CollectionExportColumns.Currency] = BillingMapping.Currency,
                };
                foreach (var payment in handover.Payments.Where(p => p.InvoiceId == invoice.Id).OrderBy(p => p.PaidAt))
                {
                    yield return new Dictionary<string, string?>(StringComparer.Ordinal)
                    {
                        [CollectionExportColumns.CaseReference] = reference,
                        [CollectionExportColumns.RowType] = CollectionExportColumns.PaymentRow,
                        [CollectionExportColumns.InvoiceNumber] = invoice.InvoiceNumber,
                        [CollectionExportColumns.PaymentDate] = CollectionFile.Date(Infrastructure.HelsinkiTime.DateOf(payment.PaidAt)),
                        [CollectionExportColumns.PaymentAmount] = CollectionFile.Money(payment.Amount),
                        [CollectionExportColumns.Currency] = BillingMapping.Currency,
                    };
                }
            }
        }
    }
}
