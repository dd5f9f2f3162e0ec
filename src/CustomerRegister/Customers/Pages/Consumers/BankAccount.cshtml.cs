using CustomerRegister.Data;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Consumers;

/// <summary>
/// Set, change or clear the bank account metal credits are paid to: the same use case as
/// PUT /api/consumers/{id}/bank-account (Billing.Write). The account is shown masked; the form never echoes it.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.BillingWrite)]
public sealed class BankAccountModel(CustomerFormQueries forms, ConsumerQueries consumers, SetBankAccount set, RegisterDbContext db) : PageModel
{
    [BindProperty]
    public string? BankAccount { get; set; }

    [BindProperty]
    public long? Version { get; set; }

    public string Name { get; private set; } = "";

    public string? Masked { get; private set; }

    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } consumer)
        {
            return NotFound();
        }

        Version = consumer.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(id, ct) is not { ConsumerId: { } consumerId })
        {
            return NotFound();
        }

        var outcome = await set.RunAsync(consumerId, new BankAccountRequest(string.IsNullOrWhiteSpace(BankAccount) ? null : BankAccount, Version), ct)
            .CatchStale();
        if (outcome.IsOk)
        {
            TempData[FormNotice.Key] = UiText.Get("Form.Saved");
            return Redirect($"/subjects/{id}");
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        db.ChangeTracker.Clear();
        Stale = outcome.IsStale();
        if (!Stale)
        {
            ModelState.Show(outcome, "");
        }

        if (await ReadAsync(id, ct) is not { } saved)
        {
            return NotFound();
        }

        ModelState.Remove(nameof(Version));
        Version = saved.Version;
        return Page();
    }

    private async Task<Consumer?> ReadAsync(Guid subjectId, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(subjectId, ct) is not { ConsumerId: { } id } customer)
        {
            return null;
        }

        Name = customer.Name;
        var consumer = (await consumers.GetAsync(id, null, Catalog.Purposes.Invoicing, ct)).Value?.Consumer;
        Masked = consumer?.BankAccountMasked;
        return consumer;
    }
}
