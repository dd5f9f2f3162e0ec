using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.History;

/// <summary>
/// Additional information the person gave with consent, and the consent's wording: the same use case as
/// POST /api/subjects/{id}/additional-info; back to the person's page.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class AdditionalInfoModel(CustomerFormQueries forms, RecordAdditionalInfo record) : SubjectFormModel(forms)
{
    [BindProperty]
    public AdditionalInfoForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Input = new() { Source = customer.UsualSource };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        return SaveAsync(id, () => record.CreateAsync(id, new AdditionalInfoRequest(
            Input.Text, Input.ConsentText, Input.ConsentVersion, FormTimes.FromHelsinki(Input.ConsentedAt), Input.Source, null), ct), "additionalInfo", ct);
    }
}

public sealed class AdditionalInfoForm
{
    public string? Text { get; set; }

    public string? ConsentText { get; set; }

    public string? ConsentVersion { get; set; }

    public DateTime? ConsentedAt { get; set; }

    public DataSource? Source { get; set; }
}
