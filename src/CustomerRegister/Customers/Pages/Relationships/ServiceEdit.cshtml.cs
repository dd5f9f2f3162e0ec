using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Customers.Pages.Relationships;

/// <summary>
/// A service's name, order date and contract as of the version read: the same use cases as GET and PUT
/// /api/services/{id}. Suspending, resuming and cancelling stay on the relationship's page (service events).
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerWrite)]
public sealed class ServiceEditModel(RelationshipQueries relationships, UpdateService update) : VersionedFormModel<ServiceEditForm>
{
    public Guid RelationshipId { get; private set; }

    /// <summary>The relationship's contracts the service may belong to.</summary>
    public IReadOnlyList<SelectListItem> Contracts { get; private set; } = [];

    private Dictionary<Guid, string> _contractNames = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } service)
        {
            return NotFound();
        }

        Input = ServiceEditForm.Of(service);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await update.RunAsync(id, Input.ToRequest(), ct).CatchStale();
        if (outcome.IsOk)
        {
            return Saved($"/relationships/{outcome.Value!.RelationshipId}#service-{id}");
        }

        if (outcome.NotFound || await ReadAsync(id, ct) is not { } saved)
        {
            return NotFound();
        }

        if (outcome.IsStale())
        {
            var current = ServiceEditForm.Of(saved);
            current.ContractName = ContractName(current.ContractId);
            Input.ContractName = ContractName(Input.ContractId);
            return ShowSaved(current);
        }

        ModelState.Show(outcome);
        return Page();
    }

    private string? ContractName(Guid? id) => id is { } c ? _contractNames.GetValueOrDefault(c) : null;

    private async Task<ServiceResponse?> ReadAsync(Guid id, CancellationToken ct)
    {
        if ((await relationships.GetServiceAsync(id, ct)).Value is not { } service)
        {
            return null;
        }

        RelationshipId = service.RelationshipId;
        Name = service.ServiceName;
        var contracts = (await relationships.ContractsAsync(service.RelationshipId, ct)).Value ?? [];
        _contractNames = contracts.ToDictionary(c => c.Id, c => $"{c.ContractNumber} {c.Title}");
        Contracts = [.. contracts.Select(c => new SelectListItem(_contractNames[c.Id], c.Id.ToString()))];
        return service;
    }
}
