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
public sealed class AdditionalInfoModel(CustomerFormQueries forms, RecordAdditionalInfo record) : PageModel
{
    [BindProperty]
    public AdditionalInfoForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Name = customer.Name;
        Input = new() { Source = customer.UsualSource };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await forms.OfSubjectAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Name = customer.Name;
        var outcome = await record.CreateAsync(id, new AdditionalInfoRequest(
            Input.Text, Input.ConsentText, Input.ConsentVersion, FormTimes.FromHelsinki(Input.ConsentedAt), Input.Source, null), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        TempData[FormNotice.Key] = UiText.Get("Form.Saved");
        return Redirect($"/subjects/{id}#additional-info");
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
