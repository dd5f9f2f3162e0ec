using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRegister.Disclosures.Pages.Recipients;

/// <summary>The recipient form's page models: the same use case as the API's create and change.</summary>
public abstract class RecipientFormModel : VersionedFormModel<RecipientForm>
{
    public abstract string TitleKey { get; }

    public abstract string CancelUrl { get; }
}

/// <summary>A new recipient (<c>/recipients/new</c>), as <c>POST /api/recipients</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RecipientManage)]
public sealed class NewModel(RecipientAdministration admin) : RecipientFormModel
{
    public override string TitleKey => "Disclosures.Form.NewTitle";

    public override string CancelUrl => "/recipients";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await admin.CreateAsync(Input.ToInput(), ct);
        if (!ModelState.Show(outcome))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Saved($"/recipients/{outcome.Value!.Id}");
    }
}
