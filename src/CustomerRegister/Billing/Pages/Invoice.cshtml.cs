using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Billing.Pages;

/// <summary>
/// One invoice: customer, amount, due date, state, payments and collection case; for <c>Billing.Write</c> the actions
/// (payment, cancel, collection), each the same use case as its API endpoint, which decides whether it is allowed.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.BillingRead)]
public sealed class InvoiceModel(
    InvoiceQueries queries, RecordPayment recordPayment, CancelInvoice cancelInvoice, OpenCollectionCase openCase,
    CloseCollectionCase closeCase, ExportCollectionCases exportCase, Access access, TimeProvider clock) : PageModel
{
    public InvoiceResponse Invoice { get; private set; } = null!;

    public CollectionCaseResponse? Case { get; private set; }

    public bool MayWrite { get; private set; }

    public DateOnly Today { get; private set; }

    public decimal Balance => BillingRules.Balance(Invoice.Amount, Invoice.Paid);

    public int DaysOverdue => BillingRules.DaysOverdue(Invoice.Status, Invoice.DueDate, Today);

    public bool MayCancel => BillingRules.MayCancel(Invoice.Status, Invoice.Payments.Count > 0);

    public bool MayHandToCollection => BillingRules.MayHandToCollection(Invoice.Status, Invoice.DueDate, Today);

    [BindProperty]
    public PaymentInput Payment { get; set; } = new();

    [BindProperty]
    public CollectionInput Collection { get; set; } = new();

    /// <summary>The version of the invoice (cancel) or of its collection case (close) the user saw.</summary>
    [BindProperty]
    public long? Version { get; set; }

    [TempData(Key = BillingPages.NoticeKey)]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPaymentAsync(Guid id, CancellationToken ct)
    {
        if (!await MayWriteAsync())
        {
            return Forbid();
        }

        decimal? amount = null;
        DateTime? paidAt = null;
        if (FinnishInput.TryDecimal(Payment.Amount, out var parsed))
        {
            amount = parsed;
        }
        else if (!string.IsNullOrWhiteSpace(Payment.Amount))
        {
            ModelState.AddModelError("Payment.Amount", UiText.Get("Billing.Amount.Invalid"));
        }

        if (!string.IsNullOrWhiteSpace(Payment.PaidOn))
        {
            if (FinnishInput.TryDate(Payment.PaidOn, out var day))
            {
                // A payment's day as the bank shows it; noon keeps it on that Helsinki day.
                paidAt = HelsinkiTime.StartUtc(day).AddHours(12);
            }
            else
            {
                ModelState.AddModelError("Payment.PaidOn", UiText.Get("Billing.Date.Invalid"));
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            var outcome = await recordPayment.RunAsync(id, new PaymentRequest(paidAt, amount, Payment.Reference, Payment.Method,
                DataSource.OwnSystems), ct);
            if (outcome.NotFound)
            {
                return NotFound();
            }

            if (ModelState.Show(outcome, nameof(Payment)))
            {
                return Saved(id, "Billing.Payment.Saved");
            }
        }

        return await RedisplayAsync(id, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!await MayWriteAsync())
        {
            return Forbid();
        }

        var outcome = await cancelInvoice.RunAsync(id, new VersionRequest(Version), ct).CatchStale();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        return ModelState.Show(outcome, "Cancel") ? Saved(id, "Billing.Cancel.Saved") : await RedisplayAsync(id, ct);
    }

    public async Task<IActionResult> OnPostCollectionAsync(Guid id, CancellationToken ct)
    {
        if (!await MayWriteAsync())
        {
            return Forbid();
        }

        var outcome = await openCase.RunAsync(new CollectionCaseRequest([id], Collection.AgencyName, DataSource.OwnSystems), ct);
        return ModelState.Show(outcome, nameof(Collection)) ? Saved(id, "Billing.Collection.OpenedSaved") : await RedisplayAsync(id, ct);
    }

    /// <summary>"Lähetä perintään": the case's file for the agency, downloaded; a disclosure, refused with the reason when it may not go.</summary>
    public async Task<IActionResult> OnPostExportAsync(Guid id, Guid caseId, CancellationToken ct)
    {
        if (!await MayWriteAsync())
        {
            return Forbid();
        }

        var outcome = await exportCase.OneAsync(caseId, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        return ModelState.Show(outcome, "Export")
            ? File(outcome.Value!.Content, CollectionFile.ContentType + "; charset=utf-8", outcome.Value.FileName)
            : await RedisplayAsync(id, ct);
    }

    public async Task<IActionResult> OnPostCloseCaseAsync(Guid id, Guid caseId, CancellationToken ct)
    {
        if (!await MayWriteAsync())
        {
            return Forbid();
        }

        var outcome = await closeCase.RunAsync(caseId, new VersionRequest(Version), ct).CatchStale();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        return ModelState.Show(outcome, "Case") ? Saved(id, "Billing.Collection.ClosedSaved") : await RedisplayAsync(id, ct);
    }

    /// <summary>The refusals that have no field of their own: the invoice's or case's state, a stale version, the invoice list.</summary>
    public static readonly string[] ActionErrorKeys =
        ["Payment.Status", "Payment.Source", "Cancel.Status", "Cancel.Version", "Collection.InvoiceIds", "Collection.Source", "Case.Status", "Case.Version",
        "Export.Status", "Export.AgencyName", "Export.SubjectId", "Export.RecipientId", "Export.CategoryKeys", "Export.SubjectIds"];

    /// <summary>The messages of the given model-state keys.</summary>
    public IEnumerable<string> ErrorsOf(params string[] keys) =>
        keys.SelectMany(k => ModelState.TryGetValue(k, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : []);

    private IActionResult Saved(Guid id, string noticeKey)
    {
        Notice = UiText.Get(noticeKey);
        return Redirect($"/billing/invoices/{id}");
    }

    /// <summary>The form again with the user's input and the refusals beside the fields, over the invoice as it is now.</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Task<bool> MayWriteAsync() => access.HasAsync(Permissions.BillingWrite);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var invoice = await queries.GetAsync(id, ct);
        if (!invoice.IsOk)
        {
            return false;
        }

        Invoice = invoice.Value!;
        Today = HelsinkiTime.Today(clock);
        MayWrite = await MayWriteAsync();
        if (Invoice.CollectionCaseId is { } caseId && await queries.GetCaseAsync(caseId, ct) is { IsOk: true } found)
        {
            Case = found.Value;
        }

        return true;
    }

    public sealed class PaymentInput
    {
        public string? Amount { get; set; }

        public string? PaidOn { get; set; }

        public PaymentMethod? Method { get; set; } = PaymentMethod.BankTransfer;

        public string? Reference { get; set; }
    }

    public sealed class CollectionInput
    {
        public string? AgencyName { get; set; }
    }
}
