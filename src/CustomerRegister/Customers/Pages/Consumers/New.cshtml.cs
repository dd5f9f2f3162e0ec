using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Consumers;

/// <summary>A new consumer: the same use case as POST /api/consumers; then the new person's page.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class NewModel(CreateConsumer create, Access access) : PageModel
{
    [BindProperty]
    public ConsumerForm Input { get; set; } = new();

    /// <summary>The bank account field only for those who may write it (billing, reception).</summary>
    public bool MayWriteBankAccount { get; private set; }

    public async Task OnGetAsync()
    {
        MayWriteBankAccount = await access.HasAsync(Catalog.Categories.BankAccount.WritePermission);
        Input.Source = Catalog.DataSource.Consumer;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        MayWriteBankAccount = await access.HasAsync(Catalog.Categories.BankAccount.WritePermission);
        var outcome = await create.RunAsync(Input.ToRequest(), ct);
        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        if (outcome.Value!.Consumer is not { } consumer)
        {
            ModelState.AddModelError("Input.BankAccount", UiText.Get("Form.Customer.BankAccountForbidden"));
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/subjects/{consumer.SubjectId}");
    }
}
