using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using CustomerRegister.Subjects.Pages.Subjects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>
/// The person withdrew the consent additional information rests on: the item is shown with what will happen (it is
/// deleted, consent being its only basis), then the same use case as POST /api/additional-info/{id}/withdraw-consent.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class WithdrawConsentModel(CustomerHistoryQueries history, CustomerFormQueries forms, WithdrawConsent withdraw) : PageModel
{
    public AdditionalInfo Info { get; private set; } = null!;

    public string Name { get; private set; } = "";

    /// <summary>The item changed since the user opened this page: they confirm again against what is saved now.</summary>
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await ReadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, long? version, CancellationToken ct)
    {
        if (!await ReadAsync(id, ct))
        {
            return NotFound();
        }

        var subjectId = Info.SubjectId;
        var outcome = await withdraw.RunAsync(id, new WithdrawConsentRequest(version), ct).CatchStale();
        if (outcome.IsOk)
        {
            TempData[FormNotice.Key] = UiText.Get("Form.Customer.ConsentWithdrawn");
            return Redirect($"/subjects/{subjectId}#{SubjectPanels.AnchorOf("additionalInfo")}");
        }

        if (outcome.NotFound || !outcome.IsStale() || !await ReadAsync(id, ct))
        {
            return NotFound();
        }

        Stale = true;
        return Page();
    }

    private async Task<bool> ReadAsync(Guid id, CancellationToken ct)
    {
        if ((await history.AdditionalInfoItemAsync(id, ct)).Value is not { } info
            || await forms.OfSubjectAsync(info.SubjectId, ct) is not { } customer)
        {
            return false;
        }

        Info = info;
        Name = customer.Name;
        return true;
    }
}
