using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Billing.Pages;

/// <summary>Issues an invoice to a person (a consumer or a sole trader's business) with <see cref="CreateInvoice"/>, as the API does.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.BillingWrite)]
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CustomerRead)]
public sealed class NewInvoiceModel(BillingCustomers customers, CreateInvoice create, TimeProvider clock) : PageModel
{
    public BillingCustomer? Customer { get; private set; }

    public Guid SubjectId { get; private set; }

    [BindProperty]
    public InvoiceInput Input { get; set; } = new();

    [TempData(Key = BillingPages.NoticeKey)]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var today = HelsinkiTime.Today(clock);
        Input.IssueDate = FinnishInput.DateValue(today);
        Input.DueDate = FinnishInput.DateValue(today.AddDays(BillingRules.DefaultPaymentTermDays));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return Page();
        }

        var amount = ParseAmount();
        var issued = ParseDate(Input.IssueDate, "Input.IssueDate");
        var due = ParseDate(Input.DueDate, "Input.DueDate");
        if (ModelState.ErrorCount == 0)
        {
            var outcome = await create.RunAsync(new InvoiceRequest(Customer!.ConsumerId, Customer.OrganisationId, Input.InvoiceNumber,
                issued, due, amount, DataSource.OwnSystems), ct);
            if (ModelState.Show(outcome))
            {
                Notice = UiText.Get("Billing.NewInvoice.Saved");
                return Redirect($"/billing/invoices/{outcome.Value!.Id}");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The refusals without a field of their own (the customer).</summary>
    public IEnumerable<string> OtherErrors() =>
        new[] { "Input.ConsumerId", "Input.OrganisationId", "Input.RelationshipId", "Input.Source" }
            .SelectMany(k => ModelState.TryGetValue(k, out var e) ? e.Errors.Select(x => x.ErrorMessage) : []);

    private decimal? ParseAmount()
    {
        if (FinnishInput.TryDecimal(Input.Amount, out var amount))
        {
            return amount;
        }

        if (!string.IsNullOrWhiteSpace(Input.Amount))
        {
            ModelState.AddModelError("Input.Amount", UiText.Get("Billing.Amount.Invalid"));
        }

        return null;
    }

    private DateOnly? ParseDate(string? text, string key)
    {
        if (FinnishInput.TryDate(text, out var date))
        {
            return date;
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, UiText.Get("Billing.Date.Invalid"));
        }

        return null;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        SubjectId = id;
        Customer = await customers.OfSubjectAsync(id, ct);
        if (Customer is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Customer is not null;
    }

    public sealed class InvoiceInput
    {
        public string? InvoiceNumber { get; set; }

        public string? IssueDate { get; set; }

        public string? DueDate { get; set; }

        public string? Amount { get; set; }
    }
}
