using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRegister.Customers.Pages.Relationships;

/// <summary>A contract's number, title, period and state as of the version read: the same use cases as GET and PUT /api/contracts/{id}.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class ContractEditModel(RelationshipQueries relationships, UpdateContract update) : VersionedFormModel<ContractEditForm>
{
    public Guid RelationshipId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } contract)
        {
            return NotFound();
        }

        Input = ContractEditForm.Of(contract);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await update.RunAsync(id, Input.ToRequest(), ct).CatchStale();
        if (outcome.IsOk)
        {
            return Saved($"/relationships/{outcome.Value!.RelationshipId}#contracts");
        }

        if (outcome.NotFound || await ReadAsync(id, ct) is not { } saved)
        {
            return NotFound();
        }

        if (outcome.IsStale())
        {
            return ShowSaved(ContractEditForm.Of(saved));
        }

        ModelState.Show(outcome);
        return Page();
    }

    private async Task<Contract?> ReadAsync(Guid id, CancellationToken ct)
    {
        if ((await relationships.GetContractAsync(id, ct)).Value is not { } contract)
        {
            return null;
        }

        RelationshipId = contract.RelationshipId;
        Name = UiText.Format("Form.Customer.ContractOf", contract.ContractNumber, contract.Title);
        return contract;
    }
}
