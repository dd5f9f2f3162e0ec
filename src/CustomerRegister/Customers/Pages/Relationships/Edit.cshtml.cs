using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Customers.Pages.Relationships;

/// <summary>
/// A relationship's number, start, state and source as of the version read: the same use cases as GET and
/// PUT /api/relationships/{id}. Ending stays on the relationship's page, where it asks for confirmation.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class EditModel(RelationshipQueries relationships, CustomerFormQueries forms, UpdateRelationship update)
    : VersionedFormModel<RelationshipEditForm>
{
    /// <summary>The states an edit may choose: an ended relationship stays ended; ending has its own action.</summary>
    public IReadOnlyList<SelectListItem> States { get; private set; } = [];

    public bool Ended { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } relationship)
        {
            return NotFound();
        }

        Input = RelationshipEditForm.Of(relationship);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await update.RunAsync(id, Input.ToRequest(), ct).CatchStale();
        if (outcome.IsOk)
        {
            return Saved($"/relationships/{id}");
        }

        if (outcome.NotFound || await ReadAsync(id, ct) is not { } saved)
        {
            return NotFound();
        }

        if (outcome.IsStale())
        {
            return ShowSaved(RelationshipEditForm.Of(saved));
        }

        ModelState.Show(outcome);
        return Page();
    }

    private async Task<CustomerRelationship?> ReadAsync(Guid id, CancellationToken ct)
    {
        if ((await relationships.GetAsync(id, ct)).Value is not { } relationship)
        {
            return null;
        }

        var (name, _) = await forms.CustomerOfAsync(relationship, ct);
        Name = UiText.Format("Form.Customer.Relationship", relationship.CustomerNumber) + " · " + name;
        Ended = relationship.Status == RelationshipStatus.Ended;
        States = FormChoices.Of(Ended ? [RelationshipStatus.Ended] : new[] { RelationshipStatus.Active, RelationshipStatus.Suspended });
        return relationship;
    }
}
