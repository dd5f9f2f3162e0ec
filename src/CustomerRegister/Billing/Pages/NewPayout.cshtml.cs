using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Billing.Pages;

/// <summary>
/// Pays a metal credit to a consumer with <see cref="PayMetalCredit"/>, as the API does: to the stored account (shown
/// masked) unless another is given. The scrap-yard desk comes here from its flow with <c>?returnUrl=</c> and goes back
/// there after saving (a local address only).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.BillingWrite)]
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CustomerRead)]
public sealed class NewPayoutModel(BillingCustomers customers, PayMetalCredit pay, TimeProvider clock) : PageModel
{
    public BillingCustomer? Customer { get; private set; }

    public Guid SubjectId { get; private set; }

    [BindProperty]
    public PayoutInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData(Key = BillingPages.NoticeKey)]
    public string? Notice { get; set; }

    /// <summary>Where Cancel and a successful save lead: the local <see cref="ReturnUrl"/>, else the person's page.</summary>
    public string Back => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : $"/subjects/{SubjectId}";

    public static IEnumerable<SelectListItem> Sources() =>
        Enum.GetValues<DataSource>().Select(s => new SelectListItem(UiText.Get("Source." + s), s.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.PaidOn = FinnishInput.DateValue(HelsinkiTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return Page();
        }

        var amount = Parse(Input.Amount, "Input.Amount", "Billing.Amount.Invalid");
        var weight = Parse(Input.WeightKg, "Input.WeightKg", "Billing.Number.Invalid");
        DateOnly? paidOn = null;
        if (FinnishInput.TryDate(Input.PaidOn, out var day))
        {
            paidOn = day;
        }
        else if (!string.IsNullOrWhiteSpace(Input.PaidOn))
        {
            ModelState.AddModelError("Input.PaidOn", UiText.Get("Billing.Date.Invalid"));
        }

        if (ModelState.ErrorCount == 0)
        {
            var outcome = await pay.RunAsync(new MetalCreditPayoutRequest(Customer!.ConsumerId, paidOn, amount, weight, Input.Material,
                string.IsNullOrWhiteSpace(Input.BankAccount) ? null : Input.BankAccount, Input.Source), ct);
            if (ModelState.Show(outcome))
            {
                Notice = UiText.Get("Form.Saved");
                return Redirect(Back);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The refusals without a field of their own (the consumer, the relationship).</summary>
    public IEnumerable<string> OtherErrors() =>
        new[] { "Input.ConsumerId", "Input.RelationshipId" }
            .SelectMany(k => ModelState.TryGetValue(k, out var e) ? e.Errors.Select(x => x.ErrorMessage) : []);

    private decimal? Parse(string? text, string key, string errorKey)
    {
        if (FinnishInput.TryDecimal(text, out var value))
        {
            return value;
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, UiText.Get(errorKey));
        }

        return null;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        SubjectId = id;
        Customer = await customers.OfSubjectAsync(id, ct);
        if (Customer?.ConsumerId is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        return true;
    }

    public sealed class PayoutInput
    {
        public string? Amount { get; set; }

        public string? WeightKg { get; set; }

        public string? Material { get; set; }

        public string? PaidOn { get; set; }

        public string? BankAccount { get; set; }

        public DataSource? Source { get; set; } = DataSource.Consumer;
    }
}
