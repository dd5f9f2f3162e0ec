namespace CustomerRegister.Billing.Pages.Panels;

public static class InvoicePanel
{
    /// <summary>An open invoice not paid in full whose due date has passed (Helsinki <paramref name="today"/>).</summary>
    public static bool IsOverdue(InvoiceResponse invoice, DateOnly today) =>
        invoice.Status == InvoiceStatus.Open && invoice.Paid < invoice.Amount && invoice.DueDate < today;
}
