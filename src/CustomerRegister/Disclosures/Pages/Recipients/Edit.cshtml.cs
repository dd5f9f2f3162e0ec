using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRegister.Disclosures.Pages.Recipients;

/// <summary>A recipient's details as of the version read (<c>/recipients/{id}/edit</c>), as <c>PUT /api/recipients/{id}</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RecipientManage)]
public sealed class EditModel(RecipientQueries recipients, RecipientAdministration admin) : RecipientFormModel
{
    public override string TitleKey => "Disclosures.Form.EditTitle";

    public override string CancelUrl => $"/recipients/{RouteData.Values["id"]}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await recipients.GetAsync(id, ct) is not { } recipient)
        {
            return NotFound();
        }

        Name = recipient.Name;
        Input = RecipientForm.Of(recipient);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await admin.UpdateAsync(id, Input.ToInput(), ct).CatchStale();
        if (outcome.IsStale())
        {
            if (await recipients.GetAsync(id, ct) is not { } saved)
            {
                return NotFound();
            }

            Name = saved.Name;
            return ShowSaved(RecipientForm.Of(saved));
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            Name = Input.Name ?? "";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Saved($"/recipients/{id}");
    }
}
