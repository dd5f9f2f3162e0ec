using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Customers.Pages.Relationships;

/// <summary>
/// A customer relationship with its contracts and services, and their actions: add a contract, record an ordered
/// service, suspend, resume or cancel a service, end the relationship. Each calls the use case of the matching API
/// endpoint (RelationshipsEndpoints); reading needs Customer.Read, every action Customer.Write.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CustomerRead)]
public sealed class DetailsModel(
    RelationshipQueries relationships, CustomerFormQueries forms, OrganisationQueries organisations, Access access, RegisterDbContext db,
    TimeProvider clock) : PageModel
{
    public CustomerRelationship Relationship { get; private set; } = null!;

    public IReadOnlyList<Contract> Contracts { get; private set; } = [];

    public IReadOnlyList<ServiceResponse> Services { get; private set; } = [];

    /// <summary>An organisation customer's contact persons, who may report a service change.</summary>
    public IReadOnlyList<ContactPerson> Contacts { get; private set; } = [];

    public string CustomerName { get; private set; } = "";

    public string CustomerHref { get; private set; } = "/";

    public bool MayWrite { get; private set; }

    public bool Stale { get; private set; }

    /// <summary>The service whose change was refused, and why.</summary>
    public Guid? EventServiceId { get; private set; }

    public string? EventError { get; private set; }

    [BindProperty]
    public ContractForm Contract { get; set; } = new();

    [BindProperty]
    public ServiceForm Service { get; set; } = new();

    [BindProperty]
    public EndForm End { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Contract.StartDate = HelsinkiTime.Today(clock);
        End.EndDate = HelsinkiTime.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostContractAsync(Guid id, [FromServices] CreateContract create, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.CustomerWrite))
        {
            return Forbid();
        }

        var outcome = await create.RunAsync(id, new ContractRequest(Contract.ContractNumber, Contract.Title, Contract.StartDate, null, null, null), ct);
        return await AfterAsync(id, outcome, "Contract", ct);
    }

    public async Task<IActionResult> OnPostServiceAsync(Guid id, [FromServices] OrderService order, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.CustomerWrite))
        {
            return Forbid();
        }

        var outcome = await order.RunAsync(id, new ServiceRequest(Service.ServiceName, Service.OrderedDate, Service.ContractId, null), ct);
        return await AfterAsync(id, outcome, "Service", ct);
    }

    public async Task<IActionResult> OnPostEventAsync(
        Guid id, Guid serviceId, ServiceEventKind? kind, long? version, ReportedBy? reportedBy, Guid? contactPersonId, string? reason,
        [FromServices] RecordServiceEvent record, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.CustomerWrite))
        {
            return Forbid();
        }

        var request = new ServiceEventRequest(kind, null, reason, reportedBy,
            reportedBy == ReportedBy.ContactPerson ? contactPersonId : null, version);
        var outcome = await record.RunAsync(serviceId, request, ct).CatchStale();
        if (outcome.IsOk)
        {
            TempData[FormNotice.Key] = UiText.Get("Form.Saved");
            return Redirect($"/relationships/{id}#service-{serviceId}");
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        db.ChangeTracker.Clear();
        Stale = outcome.IsStale();
        EventServiceId = serviceId;
        if (!Stale)
        {
            // One service's small form: its refusals, whichever field they name, are shown together beside it.
            ModelState.Show(outcome, "Event");
            EventError = string.Join(" ", ModelState.Where(e => e.Key.StartsWith("Event.", StringComparison.Ordinal))
                .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage));
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, [FromServices] EndRelationship end, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.CustomerWrite))
        {
            return Forbid();
        }

        if (!End.Confirm)
        {
            ModelState.AddModelError("End.Confirm", UiText.Get("Form.Customer.EndConfirmRequired"));
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var outcome = await end.RunAsync(id, new EndRelationshipRequest(End.EndDate, End.Version), ct).CatchStale();
        return await AfterAsync(id, outcome, "End", ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, Outcome<T> outcome, string prefix, CancellationToken ct)
    {
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsStale())
        {
            Stale = true;
        }
        else if (ModelState.Show(outcome, prefix))
        {
            TempData[FormNotice.Key] = UiText.Get("Form.Saved");
            return Redirect($"/relationships/{id}");
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The next try is made against the version now shown.
        ModelState.Remove("End.Version");
        End.Version = Relationship.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var relationship = await relationships.GetAsync(id, ct);
        if (!relationship.IsOk)
        {
            return false;
        }

        Relationship = relationship.Value!;
        Contracts = (await relationships.ContractsAsync(id, ct)).Value ?? [];
        Services = (await relationships.ServicesAsync(id, ct)).Value ?? [];
        (CustomerName, CustomerHref) = await forms.CustomerOfAsync(Relationship, ct);
        if (Relationship.OrganisationId is { } organisationId)
        {
            Contacts = await organisations.ContactsAsync(organisationId, ct);
        }

        MayWrite = await access.HasAsync(Permissions.CustomerWrite);
        if (End.Version is null)
        {
            End.Version = Relationship.Version;
        }

        return true;
    }
}

public sealed class ContractForm
{
    public string? ContractNumber { get; set; }

    public string? Title { get; set; }

    public DateOnly? StartDate { get; set; }
}

public sealed class ServiceForm
{
    public string? ServiceName { get; set; }

    public DateOnly? OrderedDate { get; set; }

    public Guid? ContractId { get; set; }
}

public sealed class EndForm
{
    public DateOnly? EndDate { get; set; }

    public bool Confirm { get; set; }

    public long? Version { get; set; }
}
